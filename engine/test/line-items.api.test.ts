import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition } from '../src/definitions/entity.js';
import { quoteSet } from './support/line-item-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitions: quoteSet() });
});
afterAll(async () => {
  await server?.close();
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/records${path}`, body, headers);

interface Line {
  id: string;
  version: number;
  product: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  position: number;
  quote: string;
}

const tenLines = () =>
  Array.from({ length: 10 }, (_, i) => ({ product: `P${i + 1}`, quantity: i + 1, unitPrice: 12.5 }));

const lineRows = (quoteId: string) =>
  server.testDb.db.knex('quoteLine').where({ quote: quoteId }).orderBy('position') as Promise<Line[]>;
const auditRows = (entity: string, ids: string[]) =>
  server.testDb.db.knex('lodestar_audit').where({ entity }).whereIn('record_id', ids).orderBy('id');

describe('line items written with their parent', () => {
  it('creates a quote with 10 lines in one request: ordered, computed, totalled, audited', async () => {
    const created = await api('POST', '/quote', { name: 'Ten', lines: tenLines() }, { 'x-request-id': 'ten-lines' });
    expect(created.status).toBe(201);
    const quote = created.body;
    expect(quote.lines).toHaveLength(10);
    expect(quote.lines.map((l: Line) => l.product)).toEqual(tenLines().map((l) => l.product));
    expect(quote.lines.map((l: Line) => l.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(quote.lines[2]).toMatchObject({ amount: 37.5, quote: quote.id, version: 1 });
    // Roll-ups are current in the answer: 12.5 * (1 + … + 10).
    expect(quote).toMatchObject({ total: 687.5, lineCount: 10, version: 1 });
    expect(await lineRows(quote.id)).toHaveLength(10);
    const audit = await auditRows(
      'quoteLine',
      quote.lines.map((l: Line) => l.id),
    );
    expect(audit.map((a) => [a.action, a.request_id])).toEqual(Array(10).fill(['create', 'ten-lines']));
    const read = await api('GET', `/quote/${quote.id}`);
    expect(read.body.lines.map((l: Line) => l.id)).toEqual(quote.lines.map((l: Line) => l.id));
  });

  it('patches the lines as a complete list: update, add, remove and reorder in one request', async () => {
    const quote = (await api('POST', '/quote', { name: 'Edit', lines: tenLines().slice(0, 3) })).body;
    const [a, b, c] = quote.lines as Line[];
    const patched = await api('PATCH', `/quote/${quote.id}`, {
      version: quote.version,
      name: 'Edited',
      // c first, a with a new quantity, a new line, b removed.
      lines: [{ ...c }, { id: a!.id, quantity: 4 }, { product: 'New', quantity: 2, unitPrice: 100 }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Edited', version: 2, total: 4 * 12.5 + 3 * 12.5 + 200, lineCount: 3 });
    expect(patched.body.lines.map((l: Line) => [l.product, l.position, l.quantity])).toEqual([
      ['P3', 1, 3],
      ['P1', 2, 4],
      ['New', 3, 2],
    ]);
    expect(patched.headers.get('etag')).toBe('"2"');
    const rows = await lineRows(quote.id);
    expect(rows.map((r) => r.id)).not.toContain(b!.id);
    // c only moved: its version rises once, with an audit row naming the position.
    const cAudit = await auditRows('quoteLine', [c!.id]);
    expect(cAudit.map((r) => r.action)).toEqual(['create', 'update']);
    expect(cAudit[1].changes).toEqual({ position: [3, 1] });
    expect((await auditRows('quoteLine', [b!.id])).map((r) => r.action)).toEqual(['create', 'delete']);
    // Sending the lines back as read changes nothing (formulas and system values sent back are no change).
    const again = await api('PATCH', `/quote/${quote.id}`, { version: 2, lines: patched.body.lines });
    expect(again.status).toBe(200);
    expect(again.body.lines.map((l: Line) => l.version)).toEqual(patched.body.lines.map((l: Line) => l.version));
  });

  it('answers a bad line with 422 pointing into the request, and writes nothing', async () => {
    const before = await server.testDb.db.knex('quote').count({ n: '*' });
    const lines = tenLines();
    lines[2]!.quantity = 0;
    lines[7] = { product: '', quantity: 1, unitPrice: -1 };
    const refused = await api('POST', '/quote', { name: 'Bad', lines });
    expect(refused.status).toBe(422);
    const pointers = refused.body.issues.map((i: { pointer: string }) => i.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/lines/2/quantity', '/lines/7/product', '/lines/7/unitPrice']));
    expect(
      refused.body.issues.find((i: { pointer: string }) => i.pointer === '/lines/2/quantity').i18n.zh,
    ).toBeTruthy();
    expect(await server.testDb.db.knex('quote').count({ n: '*' })).toEqual(before);

    const quote = (await api('POST', '/quote', { name: 'Keep', lines: tenLines().slice(0, 2) })).body;
    const stale = await api('PATCH', `/quote/${quote.id}`, {
      version: 1,
      name: 'Changed',
      lines: [
        { id: quote.lines[0].id, quantity: 5 },
        { product: 'X', quantity: -3, unitPrice: 1 },
      ],
    });
    expect(stale.status).toBe(422);
    expect(stale.body.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/lines/1/quantity']);
    const stored = (await api('GET', `/quote/${quote.id}`)).body;
    expect(stored).toMatchObject({ name: 'Keep', version: 1, total: 37.5 });
    expect(stored.lines.map((l: Line) => l.quantity)).toEqual([1, 2]);
    // A parent refused too: its issue and the lines' in one answer.
    const both = await api('POST', '/quote', { name: 7, lines: [{ product: 'Y', quantity: 0, unitPrice: 1 }] });
    expect(both.status).toBe(422);
    expect(both.body.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/name', '/lines/0/quantity']);
  });

  it('refuses a line of another quote, a list that is not one, and moving a line away', async () => {
    const one = (await api('POST', '/quote', { name: 'One', lines: tenLines().slice(0, 1) })).body;
    const two = (await api('POST', '/quote', { name: 'Two', lines: [] })).body;
    const stolen = await api('PATCH', `/quote/${two.id}`, { version: 1, lines: [{ id: one.lines[0].id }] });
    expect(stolen.status).toBe(422);
    expect(stolen.body.issues[0]).toMatchObject({ pointer: '/lines/0/id', keyword: 'items' });
    const notList = await api('POST', '/quote', { name: 'N', lines: { product: 'x' } });
    expect(notList.status).toBe(422);
    expect(notList.body.issues[0].pointer).toBe('/lines');
    const moved = await api('PATCH', `/quote/${one.id}`, { version: 1, lines: [{ ...one.lines[0], quote: two.id }] });
    expect(moved.status).toBe(422);
    expect(moved.body.issues[0].pointer).toBe('/lines/0/quote');
    // Children keep their own API.
    const own = await api('PATCH', `/quoteLine/${one.lines[0].id}`, { version: 1, quantity: 9 });
    expect(own.status).toBe(200);
    expect((await api('GET', `/quote/${one.id}`)).body.total).toBe(9 * 12.5);
  });

  it('follows the child permissions: a clerk may change the quote but not its lines', async () => {
    const { token } = await server.userToken({ email: 'clerk@example.com', roles: ['clerk'] });
    const auth = { authorization: `Bearer ${token}` };
    const quote = (await api('POST', '/quote', { name: 'Locked', lines: tenLines().slice(0, 2) })).body;
    const read = await api('GET', `/quote/${quote.id}`, undefined, auth);
    expect(read.body.lines).toHaveLength(2);
    const refused = await api(
      'PATCH',
      `/quote/${quote.id}`,
      { version: 1, name: 'Mine', lines: [{ id: quote.lines[0].id, quantity: 7 }, quote.lines[1]] },
      auth,
    );
    expect(refused.status).toBe(403);
    expect((await api('GET', `/quote/${quote.id}`)).body).toMatchObject({ name: 'Locked', version: 1 });
    // Unchanged lines are no write, so the clerk can still rename the quote while sending them back.
    const renamed = await api(
      'PATCH',
      `/quote/${quote.id}`,
      { version: 1, name: 'Mine', lines: read.body.lines },
      auth,
    );
    expect(renamed.status).toBe(200);
    const created = await api('POST', '/quote', { name: 'New', lines: tenLines().slice(0, 1) }, auth);
    expect(created.status).toBe(403);
  });
});

describe('the permissions of line items', () => {
  it('follow the parent where a role names only the parent: own quotes, own lines, nobody else’s', async () => {
    const assistant = async (email: string) => {
      const { token } = await server.userToken({ email, roles: ['assistant'] });
      return { authorization: `Bearer ${token}` };
    };
    const [a, b] = [await assistant('assistant-a@example.com'), await assistant('assistant-b@example.com')];
    const created = await api('POST', '/quote', { name: 'Mine', lines: tenLines().slice(0, 2) }, a);
    expect(created.status).toBe(201);
    expect(created.body.lines).toHaveLength(2);
    const changed = await api(
      'PATCH',
      `/quote/${created.body.id}`,
      { version: 1, lines: [{ ...created.body.lines[0], quantity: 9 }] },
      a,
    );
    expect(changed.status).toBe(200);
    expect(changed.body.lines.map((l: Line) => l.quantity)).toEqual([9]);
    // The lines' own API answers the same scope: the owner reads them, another assistant does not.
    expect((await api('GET', `/quoteLine/${created.body.lines[0].id}`, undefined, a)).status).toBe(200);
    expect((await api('GET', `/quoteLine/${created.body.lines[0].id}`, undefined, b)).status).toBe(404);
    // Removing a line is changing the quote: allowed on one's own, not on another's.
    const line = changed.body.lines[0] as Line;
    expect((await api('DELETE', `/quoteLine/${line.id}?version=${line.version}`, undefined, b)).status).toBe(404);
    expect((await api('DELETE', `/quoteLine/${line.id}?version=${line.version}`, undefined, a)).status).toBe(204);
    // The role's own quote rules still hold: it may not delete the quote itself.
    expect((await api('DELETE', `/quote/${created.body.id}`, undefined, a)).status).toBe(403);
  });
});

describe('line items of a record its stage locks', () => {
  let locked: TestServer;
  beforeAll(async () => {
    locked = await startTestServer({ definitions: quoteSet({ workflow: true }) });
  });
  afterAll(async () => {
    await locked?.close();
  });

  it('are locked with it: a change is 422 naming the stage, lines sent back unchanged are not', async () => {
    const call = (method: string, path: string, body?: unknown) =>
      locked.request(method, `/api/v1/records${path}`, body);
    const quote = (await call('POST', '/quote', { name: 'Q', lines: tenLines().slice(0, 2) })).body;
    const approved = await call('POST', `/quote/${quote.id}/events`, { type: 'APPROVE', version: 1 });
    expect(approved.status).toBe(200);
    const { version, lines } = (await call('GET', `/quote/${quote.id}`)).body;
    for (const change of [
      [{ ...lines[0], quantity: 9 }, lines[1]],
      [lines[0]],
      [...lines, { product: 'More', quantity: 1, unitPrice: 1 }],
    ]) {
      const refused = await call('PATCH', `/quote/${quote.id}`, { version, lines: change });
      expect(refused.status).toBe(422);
      expect(refused.body.issues[0]).toMatchObject({ pointer: '/lines', params: { stage: 'approved' } });
    }
    const renamed = await call('PATCH', `/quote/${quote.id}`, { version, name: 'Renamed', lines });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed', total: 37.5, lineCount: 2 });
  });

  it('stay open when the lock lets the list through, and a stage may name the list only to lock or free it', async () => {
    const call = (method: string, path: string, body?: unknown) =>
      locked.request(method, `/api/v1/records${path}`, body);
    const quote = (await call('POST', '/quote', { name: 'R', lines: tenLines().slice(0, 1) })).body;
    expect((await call('POST', `/quote/${quote.id}/events`, { type: 'REVIEW', version: 1 })).status).toBe(200);
    const { version, lines } = (await call('GET', `/quote/${quote.id}`)).body;
    const changed = await call('PATCH', `/quote/${quote.id}`, { version, lines: [{ ...lines[0], quantity: 4 }] });
    expect(changed.status).toBe(200);
    expect(changed.body.total).toBe(50);
    const renamed = await call('PATCH', `/quote/${quote.id}`, { version: changed.body.version, name: 'No' });
    expect(renamed.status).toBe(422);

    const set = quoteSet({ workflow: true });
    set.workflows[0]!.states.draft!.meta!.fields = { hidden: ['lines'] };
    const put = await locked.request('PUT', '/api/v1/meta/drafts/items', { definitions: set });
    expect(put.body.issues.map((i: { pointer: string; keyword: string }) => `${i.pointer} ${i.keyword}`)).toEqual([
      '/states/draft/meta/fields/hidden/0 unknownField',
    ]);
  });
});

describe('line items in OpenAPI', () => {
  it('documents the lines on the record, the create and the change bodies', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const schemas = doc.components.schemas as Record<string, { title?: string; properties: Record<string, any> }>;
    const byTitle = (title: string) => Object.entries(schemas).find(([, s]) => s.title === title)!;
    const [lineName] = byTitle('Quote line');
    expect(byTitle('Quote')[1].properties.lines.items).toEqual({ $ref: `#/components/schemas/${lineName}` });
    const create = byTitle('New Quote')[1].properties.lines;
    expect(create.items.properties).toHaveProperty('quantity');
    expect(create.items.properties).not.toHaveProperty('quote');
    expect(create.description).toContain('/lines/<index>/<field>');
    expect(byTitle('Quote changes')[1].properties.lines.items.properties).toHaveProperty('id');
  });
});

describe('line item definitions', () => {
  async function issuesOf(set: DefinitionSet) {
    const put = await server.request('PUT', '/api/v1/meta/drafts/items', { definitions: set });
    expect(put.status).toBe(200);
    return put.body.issues as { file: string; pointer: string; keyword: string; i18n: { zh: string } }[];
  }
  const at = (issues: { pointer: string; keyword: string }[]) =>
    issues.filter((i) => i.keyword === 'items').map((i) => i.pointer);

  it('names a name taken by a field, two lists of one name, a bad order field and a list on a many-to-many', async () => {
    const set = quoteSet();
    const [quote, line] = set.entities as [EntityDefinition, EntityDefinition];
    quote.properties.lines = { type: 'string' };
    expect(at(await issuesOf(set))).toEqual(['/properties/quote/x-relation/items']);

    const twice = quoteSet();
    const [, line2] = twice.entities as [EntityDefinition, EntityDefinition];
    line2.properties.otherQuote = {
      type: 'string',
      format: 'uuid',
      'x-relation': { entity: 'quote', items: 'lines', itemOrder: 'product' },
    };
    expect(at(await issuesOf(twice))).toEqual([
      '/properties/otherQuote/x-relation/items',
      '/properties/otherQuote/x-relation/itemOrder',
    ]);

    const many = quoteSet();
    const [, line3] = many.entities as [EntityDefinition, EntityDefinition];
    line3.properties.quote = {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      'x-relation': { entity: 'quote', items: 'lines' },
    };
    const issues = await issuesOf(many);
    expect(at(issues)).toEqual(['/properties/quote/x-relation/items']);
    expect(issues.find((i) => i.keyword === 'items')!.i18n.zh).toContain('多对一');
    expect(line).toBeDefined();
  });
});
