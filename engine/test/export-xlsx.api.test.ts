import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/* XLSX exports and the import template over HTTP against PostgreSQL, read back with exceljs. */
let server: TestServer;
let salesToken: string;
let salesId: string;

async function download(path: string, token = server.adminToken) {
  const response = await fetch(`${server.engine.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return { type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as arrays of cell values (1-based columns dropped). */
const rowsOf = (sheet: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  const width = sheet.getRow(1).cellCount;
  sheet.eachRow((row) => rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null)));
  return rows;
};

const list = async (query: string, token = server.adminToken) => {
  const res = await server.request('GET', `/api/v1/records/customer?${query}`, undefined, {
    authorization: `Bearer ${token}`,
  });
  expect(res.status).toBe(200);
  return res.body.data as Record<string, unknown>[];
};

beforeAll(async () => {
  server = await startTestServer();
  const sales = await server.userToken({ email: 'li@example.com', displayName: '李销售', roles: ['salesperson'] });
  salesToken = sales.token;
  salesId = sales.user.id;
  const customers = [
    { name: '杭州精工机械', industry: 'manufacturing', tags: ['newCustomer', 'listed'], annualRevenue: 1200000.5 },
    { name: '宁波海运', industry: 'logistics', tags: [], annualRevenue: 300000 },
    { name: '=HYPERLINK("http://evil.example")', industry: 'retail', tags: ['churnRisk'], annualRevenue: 5 },
  ];
  for (const [i, customer] of customers.entries()) {
    const res = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      ...customer,
      ...(i < 2 && { owner_id: salesId }),
    });
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await server?.close();
});

describe('XLSX export', () => {
  const fields = 'name,industry,tags,annualRevenue,record_type,owner_id';

  it('is the list in Chinese: titles, labels, names, numbers as numbers, text never a formula', async () => {
    const { type, bytes } = await download(`/records/customer/export?file=xlsx&lang=zh&fields=${fields}&sort=name`);
    expect(type).toContain('spreadsheetml');
    const workbook = await workbookOf(bytes);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('客户');
    const [header, ...rows] = rowsOf(sheet);
    expect(header).toEqual(['客户名称', '所属行业', '标签', '年营业额', '类型', '负责人']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const listed = await list(`fields=${fields}&sort=name&limit=50`);
    expect(rows.map((r) => r[0])).toEqual(listed.map((r) => r.name));
    const byName = new Map(rows.map((r) => [r[0], r]));
    expect(byName.get('杭州精工机械')).toEqual([
      '杭州精工机械',
      '制造业',
      '新客户; 上市公司',
      1200000.5,
      '企业客户',
      '李销售',
    ]);
    expect(byName.get('宁波海运')).toEqual(['宁波海运', '交通物流', null, 300000, '企业客户', '李销售']);
    // Text starting with = is a text cell holding exactly that, not a formula.
    const evil = sheet.getCell(`A${rows.findIndex((r) => String(r[0]).startsWith('=')) + 2}`);
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.value).toBe('=HYPERLINK("http://evil.example")');
  });

  it('speaks English when asked', async () => {
    const { bytes } = await download(`/records/customer/export?file=xlsx&lang=en&fields=${fields}&sort=name`);
    const sheet = (await workbookOf(bytes)).worksheets[0]!;
    expect(sheet.name).toBe('Customer');
    const [header, ...rows] = rowsOf(sheet);
    expect(header).toEqual(['Name', 'Industry', 'Tags', 'Annual revenue', 'Type', 'Owner']);
    expect(rows.find((r) => r[0] === '杭州精工机械')).toEqual([
      '杭州精工机械',
      'Manufacturing',
      'New customer; Listed company',
      1200000.5,
      'Company',
      '李销售',
    ]);
  });

  it('gives the API values under field ids in raw form, as the list answers them', async () => {
    const { bytes } = await download(`/records/customer/export?file=xlsx&format=raw&fields=${fields}&sort=name`);
    const [header, ...rows] = rowsOf((await workbookOf(bytes)).worksheets[0]!);
    expect(header).toEqual(['id', ...fields.split(',')]);
    const listed = await list(`fields=${fields}&sort=name&limit=50`);
    expect(rows).toEqual(
      listed.map((record) =>
        header!.map((name) => {
          const value = record[name as string];
          return Array.isArray(value) ? value.join('; ') || null : (value ?? null);
        }),
      ),
    );
  });

  it('follows the list’s filters, and a salesperson gets only their own records', async () => {
    const filtered = await download(
      '/records/customer/export?file=xlsx&lang=zh&fields=name&filter[industry]=logistics',
    );
    expect(rowsOf((await workbookOf(filtered.bytes)).worksheets[0]!)).toEqual([['客户名称'], ['宁波海运']]);
    const { bytes } = await download(
      '/records/customer/export?file=xlsx&format=raw&fields=name,owner_id&sort=name',
      salesToken,
    );
    const [, ...rows] = rowsOf((await workbookOf(bytes)).worksheets[0]!);
    const own = await list('fields=name&sort=name', salesToken);
    expect(rows.map((r) => r[0])).toEqual(own.map((r) => r.id));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r[2] === salesId)).toBe(true);
  });

  it('refuses an unknown file kind with 400 on the parameter', async () => {
    const res = await server.request('GET', '/api/v1/records/customer/export?file=pdf');
    expect(res.status).toBe(400);
    expect(res.body.issues[0].pointer).toBe('/query/file');
  });
});

/** Uploads a file as an import and waits for the job to end. */
async function importFile(bytes: Buffer, query: string) {
  const response = await fetch(`${server.engine.url}/api/v1/imports?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  for (let i = 0; i < 200; i++) {
    const job = await server.request('GET', `/api/v1/imports/${id}`);
    if (job.body.status !== 'running') return job.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

describe('a raw export imports again', () => {
  it('is read back by the import: system columns left out, ids and values as they are', async () => {
    const made = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: '往返测试公司',
      industry: 'retail',
      tags: ['listed', 'newCustomer'],
      unifiedSocialCreditCode: '91330100MA2C000001',
      owner_id: salesId,
    });
    expect(made.status).toBe(201);
    const { bytes } = await download(`/records/customer/export?file=xlsx&format=raw&filter[id]=${made.body.id}`);
    const workbook = await workbookOf(bytes);
    const sheet = workbook.worksheets[0]!;
    const header = rowsOf(sheet)[0]!;
    expect(header).toEqual(expect.arrayContaining(['id', 'version', 'created_at', 'owner_id', 'record_type', 'tags']));
    sheet.getRow(2).getCell(header.indexOf('name') + 1).value = '往返测试公司（改名）';
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await importFile(edited, 'entity=customer&mode=update&key=unifiedSocialCreditCode');
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'succeeded', updated: 1, failed: 0 });
    const after = await server.request('GET', `/api/v1/records/customer/${made.body.id}`);
    expect(after.body).toMatchObject({
      name: '往返测试公司（改名）',
      version: 2,
      owner_id: salesId,
      industry: 'retail',
      tags: ['listed', 'newCustomer'],
    });
  });
});

describe('import template', () => {
  it('has the titles the import maps, an example row, dropdowns for choices and a sheet explaining each column', async () => {
    const { type, bytes } = await download('/imports/template?entity=customer&lang=zh');
    expect(type).toContain('spreadsheetml');
    const workbook = await workbookOf(bytes);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['客户', 'visible'],
      ['填写说明', 'visible'],
      ['选项', 'hidden'],
    ]);
    const sheet = workbook.worksheets[0]!;
    const [header, example] = rowsOf(sheet);
    expect(header!.slice(0, 4)).toEqual(['类型', '客户名称', '客户简称', '统一社会信用代码']);
    expect(header!.at(-1)).toBe('负责人');
    const column = (title: string) => header!.indexOf(title) + 1;
    expect(example![column('类型') - 1]).toBe('企业客户');
    expect(example![column('所属行业') - 1]).toBe('制造业');
    // The industry column offers the industries' Chinese labels, on every row below the header, and refuses others.
    const industry = sheet.getRow(500).getCell(column('所属行业')).dataValidation;
    expect(industry).toMatchObject({ type: 'list', showErrorMessage: true });
    const [, letter, count] = /^'选项'!\$([A-Z]+)\$1:\$\1\$(\d+)$/.exec(industry.formulae[0] as string)!;
    const labels = workbook.getWorksheet('选项')!.getColumn(letter!).values.filter(Boolean);
    expect(labels).toHaveLength(Number(count));
    expect(labels.slice(0, 3)).toEqual(['制造业', '零售业', '批发业']);
    // Tags take several, so its dropdown helps without refusing a list.
    const tags = sheet.getRow(2).getCell(column('标签')).dataValidation;
    expect(tags.type).toBe('list');
    expect(tags.showErrorMessage).toBeFalsy();
    const guide = rowsOf(workbook.getWorksheet('填写说明')!);
    expect(guide[0]).toEqual(['列名', '类型', '必填', '填写规则', '示例']);
    const about = (title: string) => guide.find((row) => row[0] === title)!;
    expect(about('客户名称').slice(0, 3)).toEqual(['客户名称', '文本', '是']);
    expect(about('客户名称')[3]).toContain('最多 200 个字符');
    expect(about('所属行业')[2]).toBe('企业客户必填');
    expect(about('统一社会信用代码')[3]).toContain('不能与已有记录重复');
    expect(about('行政级别').slice(2)).toEqual(['政府机构必填', expect.stringContaining('仅政府机构填写'), '国家级']);
    expect(about('上级单位')[3]).toContain('填写客户的名称或统一社会信用代码');
    // The example row imports as it stands (a test run writes nothing).
    const job = await importFile(bytes, 'entity=customer&dryRun=true');
    expect(job, JSON.stringify(job.issues)).toMatchObject({ status: 'succeeded', processed: 1, created: 1, failed: 0 });
  });

  it('speaks English when asked, and leaves out what the reader may not write', async () => {
    const en = rowsOf(
      (await workbookOf((await download('/imports/template?entity=customer&lang=en')).bytes)).worksheets[0]!,
    );
    expect(en[0]!.slice(0, 2)).toEqual(['Type', 'Name']);
    const headers = async (token: string) =>
      rowsOf(
        (await workbookOf((await download('/imports/template?entity=opportunity&lang=zh', token)).bytes))
          .worksheets[0]!,
      )[0]!;
    const closedAt = '结单时间';
    expect(await headers(server.adminToken)).toContain(closedAt);
    expect(await headers(salesToken)).not.toContain(closedAt);
  });
});
