import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/identity/users.js';
import { failIfInterrupted } from '../src/import/imports-repo.js';
import { cliRunner } from './support/cli.js';
import { CLI } from './support/engine-process.js';
import { REPO_ROOT } from './support/paths.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

/* `lodestar import` as a process, the way a consultant loads a customer's spreadsheet. */
let testDb: TestDb;
const scratch = mkdtempSync(join(tmpdir(), 'lodestar-import-cli-'));
const lodestar = cliRunner(() => ({ dir: REPO_ROOT, databaseUrl: testDb.url }));
const knex = () => testDb.db.knex;
const code = (i: number) => `91330100MA2B${String(i).padStart(6, '0')}`;
const customers = async () => Number((await knex()('customer').count({ n: '*' }))[0]!.n);

function gbkFile(name: string, lines: string[]): string {
  const path = join(scratch, name);
  writeFileSync(path, iconv.encode(lines.join('\r\n'), 'gb18030'));
  return path;
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
  testDb = await createPostgresDb();
  expect((await lodestar('migrate')).code).toBe(0);
  await createUser(knex(), {
    email: 'zhang@example.com',
    displayName: '张伟',
    password: 'a long enough password',
    roles: ['salesManager'],
  });
});
afterAll(async () => {
  await testDb?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('lodestar import', () => {
  const file = () =>
    gbkFile('customers.csv', [
      '客户名称,所属行业,统一社会信用代码,是否重点,负责人',
      `杭州一号,制造业,${code(1)},是,张伟`,
      `杭州二号,零售业,${code(2)},,zhang@example.com`,
      `杭州三号,种田,${code(3)},,张伟`,
    ]);

  it('a test run checks every row, names the bad ones and writes nothing', async () => {
    const run = await lodestar('import', 'customer', file(), '--record-type', 'company', '--dry-run', '--skip-bad');
    expect(run.code, run.out).toBe(1);
    expect(run.out).toContain('no field of Customer is called "是否重点"');
    expect(await customers()).toBe(0);
  });

  it('imports the good rows, prints the bad one in Chinese and writes the error file', async () => {
    const report = join(scratch, 'errors.csv');
    const path = gbkFile('c2.csv', [
      '客户名称,所属行业,统一社会信用代码,负责人',
      `杭州一号,制造业,${code(1)},张伟`,
      `杭州二号,零售业,${code(2)},zhang@example.com`,
      `杭州三号,种田,${code(3)},张伟`,
    ]);
    const run = await lodestar(
      '--lang',
      'zh',
      'import',
      'customer',
      path,
      '--record-type',
      'company',
      '--skip-bad',
      '--report',
      report,
    );
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('第 4 行【所属行业】：应为以下之一');
    expect(run.out).toContain('共 3 行，新建 2 条，更新 0 条，有问题 1 行。');
    const rows = await knex()('customer').orderBy('name').select('name', 'industry', 'owner_id');
    const zhang = await knex()('lodestar_users').where({ email: 'zhang@example.com' }).first('id');
    expect(rows).toEqual([
      { name: '杭州一号', industry: 'manufacturing', owner_id: zhang.id },
      { name: '杭州二号', industry: 'retail', owner_id: zhang.id },
    ]);
    const errors = readFileSync(report, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(errors).toEqual([
      '客户名称,所属行业,统一社会信用代码,负责人,原行号,错误说明',
      expect.stringMatching(/^杭州三号,种田,91330100MA2B000003,张伟,4,【所属行业】应为以下之一：/),
    ]);
  });

  it('upserts by key in JSON mode', async () => {
    const path = gbkFile('upsert.csv', ['统一社会信用代码,客户简称', `${code(1)},一号`]);
    const run = await lodestar(
      'import',
      'customer',
      path,
      '--mode',
      'upsert',
      '--key',
      'unifiedSocialCreditCode',
      '--json',
    );
    expect(run.code, run.out).toBe(0);
    expect(JSON.parse(run.out.trim().split('\n').pop()!)).toMatchObject({
      status: 'succeeded',
      updated: 1,
      created: 0,
    });
    expect(
      await knex()('customer')
        .where({ unifiedSocialCreditCode: code(1) })
        .first('shortName'),
    ).toEqual({ shortName: '一号' });
  });

  it('a process killed mid-import leaves nothing half-applied', async () => {
    const lines = ['客户名称,所属行业,统一社会信用代码'];
    for (let i = 0; i < 60_000; i++) lines.push(`批量客户${i},制造业,${code(100_000 + i)}`);
    const path = gbkFile('big.csv', lines);
    const before = await customers();
    const audited = async () =>
      Number((await knex()('lodestar_audit').where({ entity: 'customer' }).count({ n: '*' }))[0]!.n);
    const auditBefore = await audited();
    const child = spawn(
      process.execPath,
      [CLI, '--dir', REPO_ROOT, 'import', 'customer', path, '--record-type', 'company'],
      {
        env: { ...process.env, DATABASE_URL: testDb.url ?? '', LOG_LEVEL: 'warn', LANG: 'C' },
        stdio: 'ignore',
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Wait until the import runs (its job row), give it a second of batches inside its transaction, then kill it.
    for (let i = 0; i < 600 && !(await knex()('lodestar_imports').where({ status: 'running' }).first('id')); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGKILL');
    // Killed, not finished: the import was still in its transaction.
    expect(await exited).toBe('SIGKILL');
    expect(await customers()).toBe(before);
    // Any engine asked about it sees that no transaction holds it any more, and says so.
    const job = await knex()('lodestar_imports').where({ status: 'running' }).first('id');
    // (PostgreSQL ends the killed client's backend, and with it the transaction's lock, once it notices.)
    let failed = false;
    for (let i = 0; i < 100 && !failed; i++) {
      failed = await failIfInterrupted(knex(), job.id, { en: 'stopped', zh: '已停止' });
      if (!failed) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(failed).toBe(true);
    expect(await knex()('lodestar_imports').where({ id: job.id }).first('status')).toEqual({ status: 'failed' });
    expect(await audited()).toBe(auditBefore);
    expect(Number((await knex()('lodestar_history').where({ entity: 'customer' }).count({ n: '*' }))[0]!.n)).toBe(
      before,
    );
  }, 120_000);
});
