import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/* The import engine over HTTP against PostgreSQL: files in, records, history, audit, report and undo out. */
let server: TestServer;

const code = (i: number) => `91330100MA2A${String(i).padStart(6, '0')}`;

async function upload(file: Buffer | string, query: string, token = server.adminToken) {
  const response = await fetch(`${server.engine.url}/api/v1/imports?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(typeof file === 'string' ? Buffer.from(file, 'utf8') : file),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Uploads and waits for the job to end; answers the finished job. */
async function importFile(file: Buffer | string, query: string, token = server.adminToken) {
  const started = await upload(file, query, token);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = await server.request('GET', `/api/v1/imports/${started.body.id}`, undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(job.status).toBe(200);
    if (job.body.status !== 'running') return job.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

const count = async (entity: string, where: Record<string, unknown> = {}) =>
  Number((await server.testDb.db.knex(entity).where(where).count({ n: '*' }))[0]!.n);

const gbk = (text: string) => iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk');

let groupId: string;

beforeAll(async () => {
  server = await startTestServer();
  const group = await server.request('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name: '华东集团有限公司',
    industry: 'manufacturing',
    unifiedSocialCreditCode: code(1),
  });
  expect(group.status).toBe(201);
  groupId = group.body.id;
});

afterAll(async () => {
  await server?.close();
});

describe('import: a GBK CSV of customers with Chinese headers', () => {
  it('maps titles, reads labels, money, multi-choice, a relation by name and by key, and starts the workflow', async () => {
    const csv = gbk(
      [
        '客户名称,记录类型,所属行业,统一社会信用代码,年营业额,标签,上级单位',
        `杭州精工机械,企业客户,制造业,${code(2)},"￥1,200,000.50",新客户、上市公司,华东集团有限公司`,
        `宁波海运,企业客户,交通物流,${code(3)},300万,,${code(1)}`,
        `绍兴纺织,企业客户,制造业,${code(4)},"80,000",,`,
      ].join('\n'),
    );
    const job = await importFile(csv, 'entity=customer&fileName=客户.csv&skipBad=true');
    // 300万 is not an amount the importer guesses at: one bad row, two imported.
    expect(job, JSON.stringify(job.issues)).toMatchObject({
      status: 'succeeded',
      processed: 3,
      created: 2,
      failed: 1,
      fileName: '客户.csv',
    });
    expect(job.issues).toEqual([
      expect.objectContaining({ row: 3, column: '年营业额', value: '300万', rule: 'money' }),
    ]);
    const [jinggong] = await server.testDb.db.knex('customer').where({ name: '杭州精工机械' });
    expect(jinggong).toMatchObject({
      record_type: 'company',
      industry: 'manufacturing',
      annualRevenue: 1200000.5,
      tags: ['newCustomer', 'listed'],
      parent: groupId,
      owner_id: server.admin.id,
    });
    const [shaoxing] = await server.testDb.db.knex('customer').where({ name: '绍兴纺织' });
    expect(shaoxing.annualRevenue).toBe(80000);
    const history = await server.request('GET', `/api/v1/records/customer/${jinggong.id}/history`);
    expect(history.body.data.map((row: { event: string }) => row.event)).toEqual(['START']);
    const audit = await server.testDb.db.knex('lodestar_audit').where({ record_id: jinggong.id });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', request_id: `import:${job.id}`, detail: { import: job.id } }),
    ]);
  });
});

describe('import: XLSX of contacts', () => {
  it('reads the chosen sheet, 是/否, dates and the customer by credit code or by name', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['请在“联系人”工作表中填写']);
    const sheet = workbook.addWorksheet('联系人');
    sheet.addRow(['姓名', '所属客户', '关键决策人', '生日', '邮箱']);
    sheet.addRow(['王建国', code(1), '是', new Date(Date.UTC(1980, 4, 6)), 'wang@example.com']);
    sheet.addRow(['李娜', '杭州精工机械', '否', '1990年1月2日', null]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await importFile(file, `entity=contact&sheet=${encodeURIComponent('联系人')}`);
    expect(job, JSON.stringify(job.issues)).toMatchObject({ status: 'succeeded', created: 2, failed: 0 });
    const [wang] = await server.testDb.db.knex('contact').where({ name: '王建国' });
    expect(wang).toMatchObject({ customer: groupId, isDecisionMaker: true, birthday: '1980-05-06' });
    const [li] = await server.testDb.db.knex('contact').where({ name: '李娜' });
    expect(li).toMatchObject({ isDecisionMaker: false, birthday: '1990-01-02' });
  });

  it('says which sheets there are when the chosen one is missing', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['姓名']);
    const job = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'entity=contact&sheet=Contacts');
    expect(job.status).toBe('failed');
    expect(job.error.zh).toContain('Sheet1');
  });
});

describe('import: preview', () => {
  it('shows how the columns map and the first rows converted, writing nothing', async () => {
    const csv = gbk(['客户名称,所属行业,传真,年营业额', '预览公司,制造业,123,"￥2,000"', '预览二,农业,,x'].join('\n'));
    const response = await fetch(`${server.engine.url}/api/v1/imports/preview?entity=customer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'text/csv' },
      body: new Uint8Array(csv),
    });
    expect(response.status).toBe(200);
    const preview = (await response.json()) as Record<string, any>;
    expect(preview).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect(preview.columns.map((c: { target: string; field: string | null }) => [c.target, c.field])).toEqual([
      ['field', 'name'],
      ['field', 'industry'],
      ['unknown', null],
      ['field', 'annualRevenue'],
    ]);
    expect(preview.problem.zh).toContain('“传真”');
    expect(preview.rows[0]).toMatchObject({
      row: 2,
      values: { name: '预览公司', industry: 'manufacturing', annualRevenue: 2000 },
    });
    expect(preview.rows[1].issues.map((i: { column: string }) => i.column)).toEqual(['所属行业', '年营业额']);
  });
});

describe('import: refusals', () => {
  it('refuses an unknown column before reading any row, naming it', async () => {
    const job = await importFile('客户名称,传真\n甲公司,123\n', 'entity=customer&recordType=company');
    expect(job.status).toBe('failed');
    expect(job.error.zh).toContain('“传真”');
    expect(job.processed).toBe(0);
  });

  const badFile = [
    '客户名称,所属行业,统一社会信用代码,成立日期',
    ...[10, 11, 12, 13, 14].map((i) => `好客户${i},零售业,${code(i)},2026/12/7`),
    `坏客户1,农业,${code(15)},2026/12/7`,
    `坏客户2,零售业,BAD,2026/12/7`,
    `,零售业,${code(17)},2026-13-01`,
  ].join('\n');

  it('in all-or-nothing mode, three bad rows and nothing is written', async () => {
    const before = await count('customer');
    const job = await importFile(
      badFile,
      'entity=customer&recordType=company&mapping=' + encodeURIComponent('{"成立日期":null}'),
    );
    expect(job).toMatchObject({ status: 'failed', failed: 3, undoable: false });
    expect(job.error.zh).toContain('没有导入任何数据');
    expect(await count('customer')).toBe(before);
  });

  it('in skip mode, the good rows go in and the report lists the bad ones in Chinese', async () => {
    const before = await count('customer');
    const job = await importFile(
      badFile,
      'entity=customer&recordType=company&skipBad=true&mapping=' + encodeURIComponent('{"成立日期":null}'),
    );
    expect(job).toMatchObject({ status: 'succeeded', created: 5, failed: 3 });
    expect(await count('customer')).toBe(before + 5);
    expect(job.issues.map((i: { row: number; column: string; rule: string }) => [i.row, i.column, i.rule])).toEqual([
      [7, '所属行业', 'enum'],
      [8, '统一社会信用代码', 'pattern'],
      [9, '客户名称', 'required'],
    ]);
    const report = await fetch(`${server.engine.url}/api/v1/imports/${job.id}/report?format=csv&lang=zh`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(report.status).toBe(200);
    const lines = (await report.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('客户名称,所属行业,统一社会信用代码,成立日期,原行号,错误说明');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('坏客户1,农业');
    expect(lines[1]).toContain('【所属行业】应为以下之一');
    const xlsx = await fetch(`${server.engine.url}/api/v1/imports/${job.id}/report`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(String(sheet.getRow(1).getCell(6).value)).toBe('错误说明');
  });

  it('refuses keys repeated in the file and keys the table already holds', async () => {
    const job = await importFile(
      [
        '客户名称,统一社会信用代码,所属行业',
        `新甲,${code(20)},制造业`,
        `新乙,${code(20).toLowerCase()},制造业`,
        `新丙,${code(1)},制造业`,
      ].join('\n'),
      'entity=customer&recordType=company&skipBad=true',
    );
    expect(job).toMatchObject({ created: 1, failed: 2 });
    expect(job.issues.map((i: { row: number; column: string; rule: string }) => [i.row, i.column, i.rule])).toEqual([
      [3, '统一社会信用代码', 'duplicateInFile'],
      [4, '统一社会信用代码', 'unique'],
    ]);
    expect(job.issues[0].message.zh).toBe('与第 2 行的统一社会信用代码重复');
    expect(job.issues[1].message.zh).toBe('已存在统一社会信用代码相同的客户');
  });

  it('a user whose roles may not create customers is refused (403)', async () => {
    const { token } = await server.userToken({ email: 'mkt@example.com', roles: ['marketing'] });
    const started = await upload('客户名称\n甲\n', 'entity=customer&recordType=company', token);
    expect(started.status).toBe(403);
  });

  it('a salesperson may not give imported records to someone else', async () => {
    const { token } = await server.userToken({ email: 'sales@example.com', roles: ['salesperson'] });
    const job = await importFile(
      `客户名称,所属行业,负责人\n自己的客户,零售业,sales@example.com\n别人的客户,零售业,admin@lodestar.test\n`,
      'entity=customer&recordType=company&skipBad=true',
      token,
    );
    expect(job).toMatchObject({ created: 1, failed: 1 });
    expect(job.issues[0]).toMatchObject({ row: 3, column: '负责人', rule: 'scope' });
  });
});

describe('import: test runs, upserts and undo', () => {
  const file = [
    '统一社会信用代码,客户名称,所属行业,客户等级',
    `${code(2)},杭州精工机械股份,制造业,重点客户`,
    `${code(30)},温州电器,零售业,普通客户`,
  ].join('\n');
  const query = `entity=customer&recordType=company&mode=upsert&key=unifiedSocialCreditCode`;

  it('a dry run reports what would happen and writes nothing', async () => {
    const before = await count('customer');
    const job = await importFile(file, `${query}&dryRun=true`);
    expect(job).toMatchObject({
      status: 'succeeded',
      dryRun: true,
      created: 1,
      updated: 1,
      failed: 0,
      undoable: false,
    });
    expect(await count('customer')).toBe(before);
    expect(await count('customer', { name: '杭州精工机械' })).toBe(1);
  });

  it('upsert updates by key and inserts the rest; undo takes both back', async () => {
    const before = await count('customer');
    const [old] = await server.testDb.db.knex('customer').where({ unifiedSocialCreditCode: code(2) });
    const job = await importFile(file, query);
    expect(job).toMatchObject({ status: 'succeeded', created: 1, updated: 1, undoable: true });
    const [now] = await server.testDb.db.knex('customer').where({ unifiedSocialCreditCode: code(2) });
    expect(now).toMatchObject({ name: '杭州精工机械股份', level: 'key', version: old.version + 1, tags: old.tags });
    expect(await count('customer')).toBe(before + 1);

    const undo = await server.request('POST', `/api/v1/imports/${job.id}/undo`);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body).toEqual({ deleted: 1, restored: 1 });
    expect(await count('customer')).toBe(before);
    const [back] = await server.testDb.db.knex('customer').where({ unifiedSocialCreditCode: code(2) });
    expect(back).toMatchObject({ name: old.name, level: old.level, version: old.version + 2 });
    const again = await server.request('POST', `/api/v1/imports/${job.id}/undo`);
    expect(again.status).toBe(409);
  });

  it('undo is refused once a record of the import changed since', async () => {
    const job = await importFile(file.replace(code(30), code(31)).replace('温州电器', '温州电器二'), query);
    expect(job.status).toBe('succeeded');
    const [created] = await server.testDb.db.knex('customer').where({ unifiedSocialCreditCode: code(31) });
    const patched = await server.request('PATCH', `/api/v1/records/customer/${created.id}`, {
      version: created.version,
      shortName: '温电',
    });
    expect(patched.status).toBe(200);
    const undo = await server.request('POST', `/api/v1/imports/${job.id}/undo`);
    expect(undo.status).toBe(409);
    expect(undo.body.i18n.zh).toContain('无法整体撤销');
    expect(await count('customer', { unifiedSocialCreditCode: code(31) })).toBe(1);
  });

  it('update mode refuses rows whose key finds no record', async () => {
    const job = await importFile(
      ['统一社会信用代码,客户简称', `${code(99)},无此客户`].join('\n'),
      'entity=customer&mode=update&key=unifiedSocialCreditCode&skipBad=true',
    );
    expect(job).toMatchObject({ updated: 0, failed: 1 });
    expect(job.issues[0]).toMatchObject({ row: 2, column: '统一社会信用代码', rule: 'notFound' });
  });
});

describe('import answers', () => {
  it('match the schemas the OpenAPI document gives them (objects closed)', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    (addFormatsModule as unknown as (ajv: Ajv2020) => void)(ajv);
    const problems = (name: string, value: unknown) => {
      const validate = ajv.compile({ $ref: `#/components/schemas/${name}`, components: doc.components });
      return validate(value)
        ? []
        : validate.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    };
    const file = ['客户名称,所属行业,统一社会信用代码,传真', `答案公司,制造业,${code(77)},`, '坏,农业,,'].join('\n');
    const started = await upload(
      file,
      'entity=customer&recordType=company&skipBad=true&mapping=' + encodeURIComponent('{"传真":null}'),
    );
    expect(problems('ImportJob', started.body)).toEqual([]);
    const job = await importFile(
      file,
      'entity=customer&recordType=company&skipBad=true&dryRun=true&mapping=' + encodeURIComponent('{"传真":null}'),
    );
    expect(job.issues.length).toBeGreaterThan(0);
    expect(problems('ImportJob', job)).toEqual([]);
    const preview = await fetch(`${server.engine.url}/api/v1/imports/preview?entity=customer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: file,
    });
    expect(problems('ImportPreview', await preview.json())).toEqual([]);
    for (let i = 0; i < 100; i++) {
      const done = (await server.request('GET', `/api/v1/imports/${started.body.id}`)).body;
      if (done.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const undo = await server.request('POST', `/api/v1/imports/${started.body.id}/undo`);
    expect(undo.status).toBe(200);
    expect(problems('ImportUndone', undo.body)).toEqual([]);
  });
});

describe('import on the embedded PGlite', () => {
  let lite: TestServer;
  beforeAll(async () => {
    lite = await startTestServer({ kind: 'pglite' });
  });
  afterAll(async () => {
    await lite?.close();
  });

  it('imports, answers while it runs, and undoes', async () => {
    const lines = ['客户名称,所属行业,统一社会信用代码,年营业额'];
    for (let i = 0; i < 3000; i++) lines.push(`客户${i},制造业,${code(50_000 + i)},"￥${i},000"`);
    const started = await fetch(`${lite.engine.url}/api/v1/imports?entity=customer&recordType=company`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lite.adminToken}`, 'content-type': 'text/csv' },
      body: new Uint8Array(gbk(lines.join('\n'))),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let job: Record<string, any> = {};
    for (let i = 0; i < 600; i++) {
      job = (await lite.request('GET', `/api/v1/imports/${id}`)).body;
      if (job.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job).toMatchObject({ status: 'succeeded', created: 3000, failed: 0 });
    expect(Number((await lite.testDb.db.knex('customer').count({ n: '*' }))[0]!.n)).toBe(3000);
    expect((await lite.request('POST', `/api/v1/imports/${id}/undo`)).body).toEqual({ deleted: 3000, restored: 0 });
    expect(Number((await lite.testDb.db.knex('customer').count({ n: '*' }))[0]!.n)).toBe(0);
  }, 120_000);
});
