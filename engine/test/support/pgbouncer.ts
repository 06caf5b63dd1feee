import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomPort } from './engine-process.js';

/** Debian's PgBouncer (1.18 on Debian 12), which `npm test` installs beside chromium. */
export const PGBOUNCER = process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer';

export interface Bouncer {
  port: number;
  /** `databaseUrl` with its host and port replaced by the bouncer's. */
  urlFor(databaseUrl: string): string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * A PgBouncer in transaction mode in front of the test server, with fewer server connections per database
 * than an engine's pool, so consecutive statements of one engine connection land on different server
 * connections. It refuses to run as root, so as root it drops to the `postgres` system user.
 */
export async function startPgBouncer(serverUrl: string, poolSize = 2): Promise<Bouncer> {
  const server = new URL(serverUrl);
  const port = randomPort();
  const folder = mkdtempSync(join(tmpdir(), 'lodestar-pgbouncer-'));
  chmodSync(folder, 0o755);
  const user = decodeURIComponent(server.username || 'postgres');
  writeFileSync(join(folder, 'users.txt'), `"${user}" ""\n`, { mode: 0o644 });
  writeFileSync(
    join(folder, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(folder, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 200',
      'ignore_startup_parameters = extra_float_digits,options',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const asRoot = process.getuid?.() === 0 ? ['-u', 'postgres'] : [];
  const child: ChildProcess = spawn(PGBOUNCER, [...asRoot, join(folder, 'pgbouncer.ini')]);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await untilListening(port, () => output);
  return {
    port,
    urlFor: (databaseUrl) => {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function untilListening(port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`PgBouncer did not start:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
