import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner, copyTemplate } from './support/cli.js';
import { CLI } from './support/engine-process.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

const scratch = mkdtempSync(join(tmpdir(), 'lodestar-cli-lang-'));
// The project-delivery template as a definitions folder (its schemas/ and workflows/), its website field
// removable by a test: every title in it has Chinese, so a Chinese run names nothing in English.
const folder = copyTemplate(scratch, 'project-delivery', () => {});
let testDb: TestDb;

const target = () => ({ dir: folder, databaseUrl: testDb.url });
/** A consultant on a Chinese system: the locale alone decides. */
const zh = cliRunner(target, { LANG: 'zh_CN.UTF-8' });
/** The same system with `--lang en`: the flag wins over the locale. */
const en = (...args: string[]) => zh('--lang', 'en', ...args);

/**
 * What a Chinese run prints once codes, ids and file names are taken out: command lines in backticks,
 * `[keyword]` rules, JSON pointers, file paths, name@version and identifiers stay as they are.
 */
function englishSentences(out: string): string[] {
  const prose = out
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[[\w-]+\]/g, ' ')
    .replace(/\S*\/\S*/g, ' ')
    .replace(/\S+@[\d.]+/g, ' ');
  return prose.match(/[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,})+/g) ?? [];
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
  testDb = await createPostgresDb();
});
afterAll(async () => {
  await testDb?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the CLI in Chinese and English', () => {
  it('plans in the locale’s Chinese, by the titles the definitions give, and in English with --lang en', async () => {
    const chinese = await zh('plan');
    expect(chinese.code, chinese.out).toBe(0);
    expect(chinese.out).toMatch(/^基于模型版本 0 的计划（共 \d+ 个步骤）：$/m);
    expect(chinese.out).toContain('  ✓ 新建「项目」的数据表');
    expect(chinese.out).toContain('  ✓ 将「项目」的「客户」关联到「客户」');
    expect(chinese.out).toContain('所有步骤都是安全的：用 `lodestar migrate` 执行。');
    expect(englishSentences(chinese.out)).toEqual([]);

    const english = await en('plan');
    expect(english.code, english.out).toBe(0);
    expect(english.out).toMatch(/^Plan against model version 0 \(\d+ steps\):$/m);
    expect(english.out).toContain('  ✓ create table project');
    expect(english.out).toContain('All steps are safe: apply with `lodestar migrate`.');
    expect(english.out).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('words a template install dry run in either language and changes nothing', async () => {
    const chinese = await zh('template', 'install', folder, '--dry-run');
    expect(chinese.code, chinese.out).toBe(0);
    expect(chinese.out).toMatch(/^模板 project-delivery@1\.0\.0$/m);
    expect(chinese.out).toContain('  ✓ 新建「工时」的数据表');
    expect(chinese.out).toContain('所有步骤都是安全的：用 `lodestar template install <folder>` 执行。');
    expect(englishSentences(chinese.out)).toEqual([]);

    const english = await en('template', 'install', folder, '--dry-run');
    expect(english.out).toMatch(/^Template project-delivery@1\.0\.0$/m);
    expect(english.out).toContain('All steps are safe: apply with `lodestar template install <folder>`.');
    expect(await testDb.db.knex.schema.hasTable('project')).toBe(false);
  });

  it('keeps --json as it was, whatever the language', async () => {
    const [chinese, english] = await Promise.all([zh('plan', '--json'), en('plan', '--json')]);
    expect(JSON.parse(chinese.out)).toEqual(JSON.parse(english.out));
  });

  it('migrates in Chinese, then says there is nothing to do in both languages', async () => {
    const migrated = await zh('migrate');
    expect(migrated.code, migrated.out).toBe(0);
    expect(migrated.out).toMatch(/^已发布模型版本 1，用时 \d+ 毫秒。$/m);
    expect(englishSentences(migrated.out)).toEqual([]);
    expect((await zh('migrate')).out).toContain('无需变更：数据库已是模型版本 1。');
    expect((await en('migrate')).out).toContain('Nothing to do: the database is at model version 1.');
  });

  it('refuses a destructive step in the chosen language, with the step and its reason', async () => {
    await testDb.db
      .knex('customer')
      .insert({ name: '华东电网', record_type: 'company', website: 'https://example.cn' });
    removeWebsite();
    const planned = await zh('plan');
    expect(planned.out).toMatch(/ {2}! 会丢失数据 从「客户」删除字段「.+」：.*1/);
    expect(planned.out).toContain('1 个步骤会丢失数据：确认后用 `lodestar migrate --allow-destructive` 执行。');
    expect(englishSentences(planned.out)).toEqual([]);

    const refused = await zh('migrate');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/^错误：1 个会丢失数据的步骤需要确认/m);
    expect(refused.out).toMatch(/^ {2}从「客户」删除字段「.+」 — .*1/m);
    expect(englishSentences(refused.out)).toEqual([]);

    const english = await en('migrate');
    expect(english.out).toMatch(/^error: 1 destructive step\(s\) need confirmation/m);
    expect(english.out).toMatch(/^ {2}drop column customer\.website.* — /m);
    expect(await testDb.db.knex('customer').pluck('website')).toEqual(['https://example.cn']);
  });

  it('reports a broken definition by file, pointer and rule, the message in the chosen language', async () => {
    const broken = join(folder, 'schemas/broken.schema.json');
    writeFileSync(
      broken,
      JSON.stringify({
        $id: 'broken',
        title: 'Broken',
        type: 'object',
        'x-entity': { titleField: 'missing' },
        properties: { a: { type: 'string' } },
      }),
    );
    try {
      const chinese = await zh('plan');
      expect(chinese.code).not.toBe(0);
      expect(chinese.out).toMatch(/^错误：/m);
      expect(chinese.out).toMatch(
        /schemas\/broken\.schema\.json \/x-entity\/titleField: .*[\u4e00-\u9fff].* \[unknownField\]/,
      );
      expect(englishSentences(chinese.out)).toEqual([]);

      const english = await en('plan');
      expect(english.out).toMatch(/^error: \d+ problems? in /m);
      expect(english.out).toMatch(
        /schemas\/broken\.schema\.json \/x-entity\/titleField: [^\u4e00-\u9fff]+ \[unknownField\]/,
      );
    } finally {
      rmSync(broken);
    }
  });

  it('decides the language by --lang, then LODESTAR_LANG, then LC_ALL, LC_MESSAGES, LANG', async () => {
    // Whatever the plan says by now, it says it in one language: Chinese characters or none.
    const langOf = async (env: Record<string, string>, ...args: string[]) => {
      const { code, out } = await cliRunner(target, env)(...args, 'plan');
      expect(code, out).toBe(0);
      return /[\u4e00-\u9fff]/.test(out) ? 'zh' : 'en';
    };
    expect(await langOf({ LODESTAR_LANG: 'zh' })).toBe('zh');
    expect(await langOf({ LODESTAR_LANG: 'en', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(await langOf({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(await langOf({ LC_MESSAGES: 'zh_TW.UTF-8' })).toBe('zh');
    expect(await langOf({ LODESTAR_LANG: 'en' }, '--lang', 'zh')).toBe('zh');
    expect(await langOf({})).toBe('en');
    const bad = await cliRunner(target)('--lang', 'fr', 'plan');
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/--lang.*fr/);
  });
});

/** The customer's website field, gone from the definitions (its data would be lost: a destructive step). */
function removeWebsite(): void {
  const path = join(folder, 'schemas/customer.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8'));
  delete schema.properties.website;
  for (const type of Object.values(schema['x-entity'].recordTypes) as { fields?: string[] }[])
    type.fields = type.fields?.filter((f) => f !== 'website');
  writeFileSync(path, JSON.stringify(schema, null, 2));
}
