import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteSet } from './support/line-item-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * The new lines of a list are ONE INSERT (records/create-lines.ts), not one per line: every row a single
 * statement inserts carries that statement's command id (`cmin`), so the lines of one request share one.
 * Each line still gets its own audit row, its number in list order, and its own 422 pointer.
 */

let server: TestServer;

beforeAll(async () => {
  const set = quoteSet();
  const line = set.entities.find((e) => e.$id === 'quoteLine')!;
  line.properties.lineNo = { type: 'string', title: 'Line number', 'x-sequence': { pattern: 'L-{000}' } };
  server = await startTestServer({ definitions: set });
});
afterAll(async () => {
  await server?.close();
});

const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);

interface Line {
  id: string;
  product: string;
  lineNo: string;
}

const lines = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({ product: `P${from + i}`, quantity: from + i, unitPrice: 10 }));

/** How many statements inserted the lines with these ids (distinct command ids), and their audit rows. */
async function statementsOf(ids: string[]) {
  const knex = server.testDb.db.knex;
  const { rows } = (await knex.raw(`select count(distinct cmin::text)::int as n from "quoteLine" where id = any(?)`, [
    ids,
  ])) as { rows: { n: number }[] };
  const audit = await knex('lodestar_audit').where({ entity: 'quoteLine', action: 'create' }).whereIn('record_id', ids);
  return { statements: rows[0]!.n, auditRows: audit.length };
}

describe('new lines written together', () => {
  it('creates the ten lines of a new quote in one statement, each audited, numbered in list order', async () => {
    const created = await api('POST', '/quote', { name: 'Ten', lines: lines(10) });
    expect(created.status).toBe(201);
    const ids = (created.body.lines as Line[]).map((l) => l.id);
    expect(await statementsOf(ids)).toEqual({ statements: 1, auditRows: 10 });
    expect((created.body.lines as Line[]).map((l) => l.lineNo)).toEqual(
      Array.from({ length: 10 }, (_, i) => `L-${String(i + 1).padStart(3, '0')}`),
    );
    // 10 × (1 + … + 10): the roll-up statement trigger saw every line.
    expect(created.body).toMatchObject({ total: 550, lineCount: 10 });
  });

  it('adds the new lines of a patch in one statement beside the kept ones', async () => {
    const quote = (await api('POST', '/quote', { name: 'Grow', lines: lines(2) })).body;
    const patched = await api('PATCH', `/quote/${quote.id}`, {
      version: quote.version,
      lines: [...(quote.lines as Line[]).map((l) => ({ id: l.id })), ...lines(3, 3)],
    });
    expect(patched.status).toBe(200);
    const added = (patched.body.lines as Line[]).slice(2);
    expect(added.map((l) => l.product)).toEqual(['P3', 'P4', 'P5']);
    expect(await statementsOf(added.map((l) => l.id))).toEqual({ statements: 1, auditRows: 3 });
    expect(added.map((l) => l.lineNo)).toEqual(['L-013', 'L-014', 'L-015']);
    expect(patched.body).toMatchObject({ total: 10 * (1 + 2 + 3 + 4 + 5), lineCount: 5 });
  });

  it('refuses bad lines under their own pointers and writes nothing, numbers given back', async () => {
    const refused = await api('POST', '/quote', {
      name: 'Bad',
      lines: [...lines(2), { product: 'P3', quantity: 0, unitPrice: 10 }, { product: 'P4', unitPrice: -1 }],
    });
    expect(refused.status).toBe(422);
    expect((refused.body.issues as { pointer: string }[]).map((i) => i.pointer)).toEqual([
      '/lines/2/quantity',
      '/lines/3/quantity',
      '/lines/3/unitPrice',
    ]);
    expect(await server.testDb.db.knex('quote').where({ name: 'Bad' })).toHaveLength(0);
    const next = await api('POST', '/quote', { name: 'After', lines: lines(1) });
    expect((next.body.lines as Line[])[0]!.lineNo).toBe('L-016');
  });
});
