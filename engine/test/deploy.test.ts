import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './support/paths.js';

/* The production configuration in deploy/: each file parses and agrees with the engine and with the others. */
const DEPLOY = join(REPO_ROOT, 'deploy');
const read = (file: string) => readFileSync(join(DEPLOY, file), 'utf8');
const READY = '/api/v1/health/ready';

/** Every environment variable the engine reads: config.ts is its only reader of process.env. */
const ENGINE_VARIABLES = new Set(
  [...readFileSync(join(REPO_ROOT, 'engine/src/config.ts'), 'utf8').matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1]!),
);
/** Set for Node itself, not read by config.ts. */
const NODE_VARIABLES = new Set(['NODE_ENV']);
const known = (name: string) => ENGINE_VARIABLES.has(name) || NODE_VARIABLES.has(name);

/** A Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

/** A systemd unit as section → key → values (a key may repeat: Environment=). */
function unit(text: string): Record<string, Record<string, string[]>> {
  const sections: Record<string, Record<string, string[]>> = {};
  let current: Record<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) {
      current = sections[section[1]!] = {};
      continue;
    }
    const pair = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!pair || !current) throw new Error(`not a unit line: ${line}`);
    (current[pair[1]!] ??= []).push(pair[2]!);
  }
  return sections;
}

/** An ini file (PgBouncer) as section → key → value. */
function ini(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) current = sections[section[1]!] = {};
    else {
      const [key, ...value] = line.split('=');
      current[key!.trim()] = value.join('=').trim();
    }
  }
  return sections;
}

describe('deploy/Dockerfile', () => {
  const steps = instructions(read('Dockerfile'));
  const runtime = steps.slice(steps.map((s) => s.op).lastIndexOf('FROM'));

  it('builds in one node:20-slim stage and runs in another, as an unprivileged user', () => {
    expect(steps.filter((s) => s.op === 'FROM').map((s) => s.args)).toEqual([
      'node:20-slim AS build',
      'node:20-slim AS runtime',
    ]);
    expect(steps.find((s) => s.op === 'RUN' && s.args.includes('npm ci'))).toBeDefined();
    expect(runtime.find((s) => s.op === 'USER')?.args).toBe('node');
    expect(runtime.find((s) => s.op === 'CMD')?.args).toBe('["node", "engine/dist/cli/main.js", "start"]');
  });

  it('exposes the port it sets, checks readiness, and sets only variables the engine reads', () => {
    const env = runtime.find((s) => s.op === 'ENV')!.args;
    const vars = Object.fromEntries([...env.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]));
    expect(runtime.find((s) => s.op === 'EXPOSE')?.args).toBe(vars.PORT);
    for (const name of Object.keys(vars)) expect(known(name), name).toBe(true);
    expect(runtime.find((s) => s.op === 'HEALTHCHECK')?.args).toContain(READY);
  });

  it('copies only what the repository has: the manifests, builds and definitions it names', () => {
    for (const step of steps.filter((s) => s.op === 'COPY' && !s.args.startsWith('--from') && s.args !== '. .')) {
      for (const source of step.args.split(/\s+/).slice(0, -1))
        expect(existsSync(join(REPO_ROOT, source)), source).toBe(true);
    }
    for (const step of runtime.filter((s) => s.op === 'COPY' && s.args.startsWith('--from=build'))) {
      const sources = step.args
        .split(/\s+/)
        .slice(1, -1)
        .map((s) => s.replace(/^\/src\//, ''));
      for (const source of sources.filter((s) => !/(^|\/)(dist|node_modules)$/.test(s)))
        expect(existsSync(join(REPO_ROOT, source)), source).toBe(true);
    }
  });
});

describe('deploy/compose.yaml', () => {
  const compose = parse(read('compose.yaml'));
  const services = compose.services;

  it('runs several engines, PgBouncer, a PostgreSQL primary and replica, and a reverse proxy', () => {
    expect(Object.keys(services).sort()).toEqual([
      'engine',
      'pgbouncer',
      'postgres-primary',
      'postgres-replica',
      'proxy',
    ]);
    expect(services.engine.deploy.replicas).toBeGreaterThanOrEqual(2);
    expect(services.engine.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
    expect(services.proxy.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
  });

  it('points the engines at PgBouncer on the port it listens on, with readiness as their health check', () => {
    const env = services.engine.environment;
    const bouncer = ini(read('pgbouncer/pgbouncer.ini'));
    const url = new URL(env.DATABASE_URL.replace('${POSTGRES_PASSWORD}', 'x'));
    expect(url.hostname).toBe('pgbouncer');
    expect(url.port).toBe(bouncer.pgbouncer!.listen_port);
    expect(Object.keys(bouncer.databases!)).toContain(url.pathname.slice(1));
    expect(bouncer.databases![url.pathname.slice(1)]).toContain('host=postgres-primary');
    expect(services.engine.expose).toEqual([env.PORT]);
    expect(services.engine.healthcheck.test.join(' ')).toContain(`127.0.0.1:${env.PORT}${READY}`);
    for (const name of Object.keys(env)) expect(known(name), name).toBe(true);
    expect(env.LODESTAR_METRICS).toBe('1');
  });

  it('makes the replica from the primary with pg_basebackup and streams WAL from it', () => {
    const primary = services['postgres-primary'];
    expect(primary.command.join(' ')).toContain('wal_level=replica');
    expect(primary.command.join(' ')).toContain('archive_mode=on');
    const script = read('postgres/replica-entrypoint.sh');
    expect(script).toMatch(/pg_basebackup --host=postgres-primary .*--write-recovery-conf/s);
    expect(read('postgres/primary-init.sh')).toContain('WITH REPLICATION');
    for (const mount of [...primary.volumes, ...services['postgres-replica'].volumes].filter((v: string) =>
      v.startsWith('./'),
    ))
      expect(existsSync(join(DEPLOY, mount.split(':')[0])), mount).toBe(true);
  });

  it('balances over every engine by readiness and keeps /metrics off the public site', () => {
    const caddy = read('Caddyfile');
    const port = services.engine.environment.PORT;
    expect(caddy).toContain(`dynamic a engine ${port}`);
    expect(caddy).toContain(`health_uri ${READY}`);
    expect(caddy).toMatch(/^respond \/metrics 404$/m);
    expect(services.proxy.volumes).toContain('./Caddyfile:/etc/caddy/Caddyfile:ro');
  });
});

describe('deploy/systemd/lodestar.service', () => {
  const service = unit(read('systemd/lodestar.service'));

  it('starts the engine as its own user, restarts it on failure and waits for readiness', () => {
    expect(service.Service!.ExecStart).toEqual(['/usr/bin/node engine/dist/cli/main.js start']);
    expect(service.Service!.User).toEqual(['lodestar']);
    expect(service.Service!.Restart).toEqual(['on-failure']);
    expect(service.Service!.KillSignal).toEqual(['SIGTERM']);
    expect(service.Service!.ExecStartPost![0]).toContain(READY);
    expect(service.Unit!.After![0]).toContain('network-online.target');
    expect(service.Install!.WantedBy).toEqual(['multi-user.target']);
  });

  it('sets only variables the engine reads, its data folder writable and nothing else', () => {
    const env = Object.fromEntries(service.Service!.Environment!.map((e) => e.split('=', 2) as [string, string]));
    for (const name of Object.keys(env)) expect(known(name), name).toBe(true);
    expect(service.Service!.ReadWritePaths).toEqual([env.DATA_DIR]);
    expect(service.Service!.ProtectSystem).toEqual(['strict']);
  });

  it('names in the example settings only variables the engine or the compose file read', () => {
    const compose = read('compose.yaml');
    for (const line of read('lodestar.env.example')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))) {
      const name = line.split('=')[0]!;
      expect(known(name) || compose.includes(`\${${name}`), name).toBe(true);
    }
  });
});
