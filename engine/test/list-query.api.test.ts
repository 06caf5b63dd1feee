import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
const api = (path: string) => server.request('GET', `/api/v1/records${path}`);
type Deal = Record<string, unknown> & { id: string; title: string };
let all: Deal[];
const ids = { east: '', west: '', tagged: '' };

/** 30 deals: duplicate and NULL values in every sortable column, timestamps a microsecond apart. */
function seedDeals(customers: { east: string; west: string }, contact: string) {
  return Array.from({ length: 30 }, (_, i) => ({
    title: `Deal ${String(i).padStart(2, '0')}${i === 7 ? ' 50%_off\\' : ''}`,
    quantity: i % 4 === 0 ? null : i % 3,
    amount: i % 5 === 0 ? null : (i % 4) * 10.5,
    closed: i % 2 === 0,
    closeDate: i % 6 === 0 ? null : `2024-0${(i % 3) + 1}-1${i % 2}`,
    closedAt: `2024-01-01 00:00:00.${String(1000000 + (i % 10)).slice(1)}+00`,
    stage: ['lead', 'proposal', 'closing', null][i % 4],
    labels: i % 3 === 0 ? ['hot'] : i % 3 === 1 ? ['cold', 'strategic'] : null,
    aliases: i === 3 ? ['Big Co', 'BC'] : null,
    extra: i === 4 ? JSON.stringify({ a: 1 }) : null,
    notes: i === 5 ? 'mentions Wombat in the notes' : null,
    customer: i % 3 === 0 ? customers.east : i % 3 === 1 ? customers.west : null,
    state: 'open',
    _contact: i < 4 ? contact : undefined,
  }));
}

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: join(FIXTURES, 'records') });
  const knex = server.testDb.db.knex;
  const [east] = await knex('customer')
    .insert({ record_type: 'company', name: 'East Co', industry: 'retail', region: 'East', annualRevenue: 5000 })
    .returning('id');
  const [west] = await knex('customer')
    .insert({ record_type: 'company', name: 'West Co', industry: 'retail', region: 'West', annualRevenue: 10 })
    .returning('id');
  const [contact] = await knex('contact').insert({ name: 'Tagged' }).returning('id');
  Object.assign(ids, { east: east.id, west: west.id, tagged: contact.id });
  for (const { _contact, ...deal } of seedDeals(ids, contact.id)) {
    const [row] = await knex('deal').insert(deal).returning('id');
    if (_contact) await knex('deal__contacts').insert({ source_id: row.id, target_id: _contact, position: 0 });
  }
  all = (await api('/deal?limit=500')).body.data;
});
afterAll(() => server?.close());

const titles = (data: Deal[]) => data.map((d) => d.title).sort();
const expectTitles = (predicate: (d: Deal) => boolean) => titles(all.filter(predicate));

describe('filters', () => {
  const east = () => ids.east;
  it.each<[string, (d: Deal) => boolean]>([
    ['filter[quantity]=1', (d) => d.quantity === 1],
    ['filter[quantity][eq]=1', (d) => d.quantity === 1],
    ['filter[quantity][ne]=1', (d) => d.quantity !== 1],
    ['filter[quantity][lt]=1', (d) => d.quantity !== null && (d.quantity as number) < 1],
    ['filter[quantity][lte]=1', (d) => d.quantity !== null && (d.quantity as number) <= 1],
    ['filter[amount][gt]=10.5', (d) => d.amount !== null && (d.amount as number) > 10.5],
    ['filter[amount][gte]=10.5', (d) => d.amount !== null && (d.amount as number) >= 10.5],
    ['filter[stage][in]=lead,closing', (d) => d.stage === 'lead' || d.stage === 'closing'],
    ['filter[quantity][in]=0&filter[quantity][in]=2', (d) => d.quantity === 0 || d.quantity === 2],
    ['filter[stage][null]=true', (d) => d.stage === null],
    ['filter[stage][null]=false', (d) => d.stage !== null],
    ['filter[closed]=true', (d) => d.closed === true],
    ['filter[closeDate][gte]=2024-02-01', (d) => d.closeDate !== null && (d.closeDate as string) >= '2024-02-01'],
    ['filter[title][contains]=deal 0', (d) => d.title.startsWith('Deal 0')],
    ['filter[title][contains]=50%25_off%5C', (d) => d.title.includes('50%_off\\')],
    ['filter[title][contains]=%25', (d) => d.title.includes('%')],
    ['filter[title][contains]=_', (d) => d.title.includes('_')],
    ['filter[labels][contains]=cold', (d) => Array.isArray(d.labels) && d.labels.includes('cold')],
    ['filter[labels][null]=true', (d) => d.labels === null],
    ['filter[aliases][contains]=BC', (d) => Array.isArray(d.aliases) && d.aliases.includes('BC')],
    ['filter[extra][null]=false', (d) => d.extra !== null],
    ['filter[contacts][null]=false', (d) => (d.contacts as string[]).length > 0],
    ['filter[contacts][null]=true', (d) => (d.contacts as string[]).length === 0],
    ['filter[customer.region]=East', (d) => d.customer === east()],
    ['filter[customer.region][ne]=East', (d) => d.customer !== null && d.customer !== east()],
    ['filter[customer.annualRevenue][gt]=100', (d) => d.customer === east()],
    ['filter[customer][null]=true', (d) => d.customer === null],
    ['filter[quantity][gte]=1&filter[closed]=false', (d) => (d.quantity as number) >= 1 && d.closed === false],
    ['q=wombat', (d) => d.notes !== null],
    ['q=deal 1', (d) => d.title.startsWith('Deal 1')],
  ])('%s', async (query, predicate) => {
    const response = await api(`/deal?limit=500&${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const expected = expectTitles(predicate);
    expect(expected.length).toBeGreaterThan(0);
    expect(titles(response.body.data)).toEqual(expected);
  });

  it('filters many-to-many by a linked id', async () => {
    const response = await api(`/deal?filter[contacts][contains]=${ids.tagged}`);
    expect(response.body.data).toHaveLength(4);
  });

  it('compares timestamps to the microsecond the JSON rounds away', async () => {
    expect((await api('/deal?filter[closedAt][gt]=2024-01-01T00:00:00.000007Z')).body.data).toHaveLength(6);
  });
});

describe('sort', () => {
  it('puts NULLs last ascending and first descending', async () => {
    const asc = (await api('/deal?sort=quantity&limit=500')).body.data.map((d: Deal) => d.quantity);
    const desc = (await api('/deal?sort=-quantity&limit=500')).body.data.map((d: Deal) => d.quantity);
    const values = all.map((d) => d.quantity).filter((q) => q !== null) as number[];
    const nulls = all.filter((d) => d.quantity === null).map(() => null);
    expect(asc).toEqual([...[...values].sort((a, b) => a - b), ...nulls]);
    expect(desc).toEqual([...nulls, ...[...values].sort((a, b) => b - a)]);
  });

  it('breaks ties by id', async () => {
    const rows = (await api('/deal?sort=closed&limit=500')).body.data as Deal[];
    const falses = rows.filter((d) => d.closed === false).map((d) => d.id);
    expect(falses).toEqual([...falses].sort());
  });

  it('sorts by system columns and several keys of mixed direction', async () => {
    const rows = (await api('/deal?sort=stage,-amount&limit=500')).body.data as Deal[];
    expect(rows).toHaveLength(30);
    const firstLead = rows.filter((d) => d.stage === 'closing').map((d) => d.amount);
    expect(firstLead[0]).toBeNull();
    expect((await api('/deal?sort=-created_at,version')).status).toBe(200);
  });
});

describe('keyset pagination', () => {
  it.each([
    '',
    'quantity',
    '-quantity',
    'stage,-amount',
    '-closedAt',
    'closedAt,title',
    'closeDate,-closed',
    'created_at',
    '-id',
    'amount,quantity',
  ])('sort=%s walks every row exactly once, in order', async (sort) => {
    const full = (await api(`/deal?limit=500&sort=${sort}`)).body.data.map((d: Deal) => d.id);
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await api(`/deal?limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      walked.push(...page.body.data.map((d: Deal) => d.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(walked).toEqual(full);
    expect(new Set(walked).size).toBe(30);
    expect(pages).toBe(8);
  });

  it('keeps filters applied across pages and ends with a null cursor', async () => {
    const first = await api('/deal?filter[closed]=true&limit=10');
    expect(first.body.data).toHaveLength(10);
    const second = await api(`/deal?filter[closed]=true&limit=10&cursor=${first.body.nextCursor}`);
    expect(second.body.data).toHaveLength(5);
    expect(second.body.nextCursor).toBeNull();
  });

  it('defaults to 50 rows', async () => {
    const page = await api('/deal');
    expect(page.body.data).toHaveLength(30);
    expect(page.body.nextCursor).toBeNull();
  });
});

describe('fields and expand', () => {
  it('returns only the selected fields (and id)', async () => {
    const page = await api('/deal?fields=title,contacts&sort=title&limit=2');
    expect(page.body.data).toEqual([
      { id: expect.any(String), title: 'Deal 00', contacts: [ids.tagged] },
      { id: expect.any(String), title: 'Deal 01', contacts: [ids.tagged] },
    ]);
  });

  it('expands with one record per relation value', async () => {
    const page = await api('/deal?fields=title&expand=customer,contacts&sort=title&limit=2');
    expect(page.body.data[0].customer).toMatchObject({ id: ids.east, name: 'East Co' });
    expect(page.body.data[1].customer).toMatchObject({ id: ids.west, region: 'West' });
    expect(page.body.data[0].contacts).toEqual([expect.objectContaining({ id: ids.tagged, name: 'Tagged' })]);
  });
});

describe('bad requests are 400 with a pointer', () => {
  const cursorOf = async (sort: string) => (await api(`/deal?limit=1&sort=${sort}`)).body.nextCursor as string;
  it.each([
    ['filter[amount][gt]=abc', '/query/filter[amount][gt]', 'type'],
    ['filter[nope]=1', '/query/filter[nope]', 'unknownField'],
    ['filter[title][regex]=.*', '/query/filter[title][regex]', 'unknownOperator'],
    ['filter[customer.nope]=1', '/query/filter[customer.nope]', 'unknownField'],
    ['filter[customer]=acme', '/query/filter[customer]', 'type'],
    ['sort=nope', '/query/sort', 'unknownField'],
    ['sort=labels', '/query/sort', 'unsortable'],
    ['fields=title,nope', '/query/fields', 'unknownField'],
    ['expand=title', '/query/expand', 'notRelation'],
    ['limit=1000', '/query/limit', 'maximum'],
    ['cursor=bm9wZQ', '/query/cursor', 'cursor'],
    ['page=2', '/query/page', 'unknownParameter'],
  ])('%s', async (query, pointer, keyword) => {
    const response = await api(`/deal?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(response.body.issues).toEqual([expect.objectContaining({ pointer, keyword })]);
  });

  it('refuses a cursor made for another sort, or edited', async () => {
    const cursor = await cursorOf('quantity');
    expect((await api(`/deal?sort=-quantity&cursor=${cursor}`)).status).toBe(400);
    const edited = Buffer.from(
      Buffer.from(cursor, 'base64url')
        .toString()
        .replace(/"v":\[/, '"v":["x",'),
    ).toString('base64url');
    expect((await api(`/deal?sort=quantity&cursor=${edited}`)).status).toBe(400);
  });
});

describe('injection attempts are 4xx, never 5xx, and change nothing', () => {
  const attempts = [
    "filter[title]=x' OR '1'='1",
    "filter[title][contains]='; DROP TABLE deal; --",
    'filter[title";DROP TABLE deal;--]=1',
    'filter[title][eq) OR 1=1 --]=x',
    'filter[customer.region") OR 1=1 --]=x',
    'filter[quantity][in]=1) OR (1=1',
    'sort=title;DROP TABLE deal',
    'sort=(select 1)',
    'sort=-title desc nulls first, 1',
    'fields=title,(select password from users)',
    'expand=customer;drop table customer',
    "q=%' OR 1=1 --",
    `cursor=${Buffer.from('{"s":"id","v":["1\' OR 1=1"]}').toString('base64url')}`,
  ];
  it.each(attempts)('%s', async (query) => {
    const response = await api(`/deal?${encodeURI(query).replace(/;/g, '%3B')}`);
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(500);
    if (response.status === 200) expect(response.body.data.length).toBeLessThan(30);
  });

  it.each(['filter[title]=%00', 'q=%00', 'filter[quantity]=99999999999', 'filter[title][contains]=%C0'])(
    '%s (raw bytes)',
    async (query) => {
      const response = await api(`/deal?${query}`);
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(500);
    },
  );

  it('left the table intact', async () => {
    expect((await api('/deal?limit=500')).body.data).toHaveLength(30);
  });
});
