import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.js';
import { cliRunner } from './support/cli.js';
import { CLI, spawnEngine, waitForHealth } from './support/engine-process.js';
import { REPO_ROOT } from './support/paths.js';

/* `lodestar backup` / `lodestar restore` as processes, on the embedded database of a stopped engine. */
const scratch = mkdtempSync(join(tmpdir(), 'lodestar-backup-cli-'));
const data = join(scratch, 'data');
const backup = join(scratch, 'crm-backup.tar.gz');
const TEMPLATE = join(REPO_ROOT, 'templates/project-delivery');
const lodestar = cliRunner(() => ({ dir: TEMPLATE, databaseUrl: undefined }), { DATA_DIR: data });

/** Opens the embedded database in this process (no engine runs), does `work`, closes it. */
async function withData<T>(work: (knex: import('knex').Knex) => Promise<T>): Promise<T> {
  const db = await connect({ dataDir: data });
  try {
    return await work(db.knex);
  } finally {
    await db.close();
  }
}
const customerNames = () =>
  withData(async (knex) => (await knex('customer').orderBy('name').pluck('name')) as string[]);

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
  expect((await lodestar('migrate')).code).toBe(0);
  await withData((knex) =>
    knex('customer').insert([
      { name: '杭州一号', record_type: 'company' },
      { name: '宁波二号', record_type: 'company' },
    ]),
  );
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('lodestar backup and restore (embedded database)', () => {
  it('backs up to one file, step by step, and refuses to overwrite it unasked', async () => {
    const run = await lodestar('backup', backup);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('[1/3] opening the embedded database');
    expect(run.out).toContain('[3/3] writing');
    expect(run.out).toMatch(/Backed up to .*crm-backup\.tar\.gz \(\d+\.\d MB in [\d.]+ s\)/);
    expect(existsSync(backup)).toBe(true);
    expect(existsSync(`${backup}.partial`)).toBe(false);
    const again = await lodestar('backup', backup);
    expect(again).toMatchObject({ code: 1, out: expect.stringContaining('exists already: --force overwrites it') });
  }, 120_000);

  it('restores the data as backed up, keeping the replaced database aside', async () => {
    await withData((knex) => knex('customer').insert({ name: '备份之后新增', record_type: 'company' }));
    expect(await customerNames()).toHaveLength(3);
    const refused = await lodestar('restore', backup);
    expect(refused).toMatchObject({ code: 1, out: expect.stringContaining('holds a database already: add --force') });
    const run = await lodestar('restore', backup, '--force');
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('[2/3] loading and checking the backup');
    expect(run.out).toContain('model version 1');
    expect(await customerNames()).toEqual(['宁波二号', '杭州一号'].sort());
    const kept = readdirSync(data).filter((name) => name.startsWith('pg.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(run.out).toContain(kept[0]);
  }, 120_000);

  it('refuses a file that is not a backup, in Chinese too, leaving the data as it was', async () => {
    const bogus = join(scratch, 'not-a-backup.tar.gz');
    writeFileSync(bogus, 'name\nnothing here\n');
    const run = await lodestar('--lang', 'zh', 'restore', bogus, '--force');
    expect(run.code).toBe(1);
    expect(run.out).toContain('不是 Lodestar 内置数据库的备份');
    expect(existsSync(join(data, 'pg.restoring'))).toBe(false);
    expect(await customerNames()).toHaveLength(2);
  }, 120_000);

  it('refuses to back up or restore while an engine runs on the data folder, and points PostgreSQL elsewhere', async () => {
    const engine = spawnEngine({ DATA_DIR: data, LODESTAR_DEFINITIONS: TEMPLATE });
    try {
      await waitForHealth(engine.url, Date.now() + 90_000);
      const restore = await lodestar('restore', backup, '--force');
      expect(restore.code).toBe(1);
      expect(restore.out).toMatch(/the engine \(process \d+\) is using .*: stop it before you restore/);
      expect((await lodestar('backup', join(scratch, 'live.tar.gz'))).out).toContain('stop it before you back it up');
    } finally {
      engine.child.kill('SIGTERM');
      await engine.exited;
    }
    const postgres = await cliRunner(() => ({ dir: TEMPLATE, databaseUrl: 'postgres://nobody@127.0.0.1:1/none' }))(
      'backup',
      backup,
    );
    expect(postgres).toMatchObject({ code: 1, out: expect.stringContaining('pg_basebackup with WAL archiving') });
  }, 150_000);
});
