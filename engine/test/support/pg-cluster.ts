import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomPort } from './engine-process.js';

/** Debian's PostgreSQL server programs (initdb, pg_ctl, pg_basebackup) of the installed major version. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? execFileSync('ls', [root], { encoding: 'utf8' }).split('\n').filter(Boolean) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`no PostgreSQL server programs under ${root}`);
  return join(root, newest, 'bin');
}

export interface Instance {
  port: number;
  url(database?: string): string;
}

export interface Topology {
  primary: Instance;
  replica: Instance;
  stop(): Promise<void>;
}

/**
 * A primary and a hot standby streaming from it, made the way an operator makes them: initdb, a replication
 * line in pg_hba.conf, pg_basebackup -R. Both run as the `postgres` system user when the tests run as root
 * (PostgreSQL refuses root), in a temporary folder, on free ports, and are stopped and removed afterwards.
 */
export function startTopology(): Topology {
  const bin = postgresBin();
  const root = mkdtempSync(join(tmpdir(), 'lodestar-topology-'));
  chmodSync(root, 0o755);
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })) : undefined;
  const group = asRoot ? Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) : undefined;
  if (owner !== undefined) chownSync(root, owner, group!);
  const run = (program: string, args: string[]) => {
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]]
      : [join(bin, program), args];
    const result = spawnSync(command, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
  };
  const primaryDir = join(root, 'primary');
  const replicaDir = join(root, 'replica');
  const primary = instance(randomPort());
  const replica = instance(randomPort());
  run('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const settings = (dir: string, port: number) =>
    appendFileSync(
      join(dir, 'postgresql.conf'),
      `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nfsync = off\nshared_buffers = 32MB\n`,
    );
  settings(primaryDir, primary.port);
  appendFileSync(join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
  const started: string[] = [];
  const start = (dir: string) => {
    run('pg_ctl', ['-D', dir, '-l', join(dir, 'server.log'), '-w', 'start']);
    started.push(dir);
  };
  const stopAll = () => {
    for (const dir of started.splice(0).reverse()) {
      try {
        run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    start(primaryDir);
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
    ]);
    settings(replicaDir, replica.port);
    start(replicaDir);
  } catch (error) {
    stopAll();
    throw error;
  }
  return { primary, replica, stop: async () => stopAll() };
}

function instance(port: number): Instance {
  return { port, url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}` };
}
