import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/records${path}`, body, headers);
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: join(FIXTURES, 'records') });
});
afterAll(() => server?.close());

async function create(
  entity: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown> & { id: string; version: number }> {
  const response = await api('POST', `/${entity}`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const company = (name = 'Acme', extra: Record<string, unknown> = {}) =>
  create('customer', { record_type: 'company', name, industry: 'retail', ...extra });

/** Every field kind once. */
const fullDeal = (customer: string, contacts: string[]) => ({
  title: 'Big deal',
  notes: 'line 1\nline 2',
  quantity: 3,
  probability: 0.25,
  amount: 1234.5,
  closed: false,
  closeDate: '2024-02-29',
  closedAt: '2024-03-01T10:00:00.123Z',
  email: 'buyer@example.com',
  phone: '+1 555 0100',
  website: 'https://example.com/a?b=c',
  externalId: '1b4e28ba-2fa1-11d2-883f-0016541b4e28',
  stage: 'proposal',
  labels: ['hot', 'strategic'],
  aliases: ['say "hi"', 'a,b', '{braces}', 'back\\slash', 'NULL'],
  extra: { nested: { list: [1, 'two', null] } },
  customer,
  contacts,
});

describe('create and read', () => {
  it('round-trips every field kind, with system columns, ETag and Location', async () => {
    const customer = await company();
    const [a, b] = [await create('contact', { name: 'A' }), await create('contact', { name: 'B' })];
    const input = fullDeal(customer.id, [b.id, a.id]);
    const created = await api('POST', '/deal', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...input,
      owner_id: server.admin.id,
      version: 1,
      state: 'open',
      record_type: null,
      created_by: server.admin.id,
      updated_by: server.admin.id,
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/api/v1/records/deal/${created.body.id}`);
    const read = await server.request('GET', created.headers.get('location')!);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
  });

  it('answers absent values as null and unset many-to-many fields as []', async () => {
    const deal = await create('deal', { title: 'Small' });
    expect(deal).toMatchObject({
      notes: null,
      quantity: null,
      labels: null,
      extra: null,
      customer: null,
      contacts: [],
    });
    expect(Object.keys(deal)).toEqual(
      expect.arrayContaining([
        'id',
        'record_type',
        'state',
        'owner_id',
        'created_at',
        'updated_at',
        'created_by',
        'updated_by',
        'version',
      ]),
    );
  });

  it('accepts owner_id and treats null fields as absent', async () => {
    const deal = await create('deal', { title: 'Owned', owner_id: MISSING, notes: null });
    expect(deal).toMatchObject({ owner_id: MISSING, notes: null });
  });

  it('returns only the requested fields, id always', async () => {
    const deal = await create('deal', { title: 'Few', quantity: 7 });
    const read = await api('GET', `/deal/${deal.id}?fields=title,quantity`);
    expect(read.body).toEqual({ id: deal.id, title: 'Few', quantity: 7 });
  });

  it.each([
    ['unknown entity', '/nope/' + MISSING],
    ['non-uuid id', '/deal/123'],
    ['injection in the id', "/deal/1'%20or%20'1'='1"],
    ['missing record', '/deal/' + MISSING],
  ])('GET of a %s is 404', async (_case, path) => {
    const response = await api('GET', path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('lists of an unknown entity are 404', async () => {
    expect((await api('GET', '/nope')).status).toBe(404);
    expect((await api('POST', '/nope', { name: 'x' })).status).toBe(404);
  });
});

describe('validation on create', () => {
  it.each([
    ['company without industry', { record_type: 'company', name: 'X' }, '/industry', 'required'],
    ['government without jurisdiction', { record_type: 'government', name: 'X' }, '/jurisdiction', 'required'],
    ['no record type', { name: 'X', industry: 'retail' }, '/record_type', 'required'],
    ['an unknown record type', { record_type: 'charity', name: 'X' }, '/record_type', 'enum'],
    ['a too long name', { record_type: 'company', industry: 'retail', name: 'x'.repeat(201) }, '/name', 'maxLength'],
    ['an unknown industry', { record_type: 'company', name: 'X', industry: 'mining' }, '/industry', 'enum'],
    [
      'negative revenue',
      { record_type: 'company', name: 'X', industry: 'retail', annualRevenue: -1 },
      '/annualRevenue',
      'minimum',
    ],
    [
      'text revenue',
      { record_type: 'company', name: 'X', industry: 'retail', annualRevenue: 'lots' },
      '/annualRevenue',
      'type',
    ],
    [
      'an unknown field',
      { record_type: 'company', name: 'X', industry: 'retail', color: 'red' },
      '/color',
      'additionalProperties',
    ],
    [
      'a parent that is no uuid',
      { record_type: 'company', name: 'X', industry: 'retail', parent: 'acme' },
      '/parent',
      'format',
    ],
    [
      'an owner that is no uuid',
      { record_type: 'company', name: 'X', industry: 'retail', owner_id: 'me' },
      '/owner_id',
      'format',
    ],
    ['an id', { record_type: 'company', name: 'X', industry: 'retail', id: MISSING }, '/id', 'readOnly'],
    ['a version', { record_type: 'company', name: 'X', industry: 'retail', version: 3 }, '/version', 'readOnly'],
    [
      'a created_at',
      { record_type: 'company', name: 'X', industry: 'retail', created_at: '2020-01-01T00:00:00Z' },
      '/created_at',
      'readOnly',
    ],
  ])('%s is a 422 at %s (%s)', async (_case, body, pointer, keyword) => {
    const response = await api('POST', '/customer', body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(response.body.issues).toEqual([expect.objectContaining({ pointer, keyword })]);
  });

  it.each([
    ['email', { email: 'not-an-email' }, '/email', 'format'],
    ['integer', { quantity: 1.5 }, '/quantity', 'type'],
    ['multiChoice', { labels: ['lukewarm'] }, '/labels/0', 'enum'],
    ['date', { closeDate: '2024-02-30' }, '/closeDate', 'format'],
    ['manyToMany', { contacts: ['nope'] }, '/contacts/0', 'format'],
    ['integer beyond int4', { quantity: 2 ** 31 }, '/quantity', 'maximum'],
    ['text with NUL', { notes: 'a\u0000b' }, '/notes', 'format'],
    ['json with NUL', { extra: { a: ['\u0000'] } }, '/extra', 'format'],
  ])('a bad %s value is a 422 at %s (%s)', async (_kind, body, pointer, keyword) => {
    const response = await api('POST', '/deal', { title: 'T', ...body });
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([expect.objectContaining({ pointer, keyword })]);
  });

  it('reports every issue at once, state with a clear message', async () => {
    const response = await api('POST', '/deal', { state: 'won', quantity: -1, email: 'x' });
    expect(response.status).toBe(422);
    const issues = response.body.issues.map((i: { pointer: string; keyword: string }) => `${i.pointer} ${i.keyword}`);
    expect(issues.sort()).toEqual(['/email format', '/quantity minimum', '/state readOnly', '/title required']);
    expect(response.body.issues.find((i: { pointer: string }) => i.pointer === '/state').message).toMatch(
      /only through workflow events/,
    );
  });

  it.each([
    ['a related record that does not exist', { customer: MISSING }, '/customer'],
    ['linked records that do not exist', { contacts: [MISSING] }, '/contacts'],
  ])('%s is a 422 naming the field', async (_case, body, pointer) => {
    const response = await api('POST', '/deal', { title: 'T', ...body });
    expect(response.status).toBe(422);
    expect(response.body.issues[0].pointer).toBe(pointer);
  });

  it.each([
    ['an array', [{ title: 'x' }], 422],
    ['not JSON', '{"title":', 400],
  ])('a body that is %s is a %i', async (_case, body, status) => {
    expect((await api('POST', '/deal', body)).status).toBe(status);
  });
});

describe('patch', () => {
  it('merges, clears nulls, bumps version and updated_at', async () => {
    const deal = await create('deal', { title: 'Patch me', notes: 'n', quantity: 1 });
    const response = await api('PATCH', `/deal/${deal.id}`, { version: 1, quantity: 2, notes: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(response.body).toMatchObject({
      title: 'Patch me',
      quantity: 2,
      notes: null,
      version: 2,
      created_at: deal.created_at,
    });
    expect(response.body.updated_at > (deal.updated_at as string)).toBe(true);
    expect((await api('GET', `/deal/${deal.id}`)).body).toEqual(response.body);
  });

  it('accepts If-Match instead of a body version', async () => {
    const deal = await create('deal', { title: 'Etag' });
    const first = await api('PATCH', `/deal/${deal.id}`, { quantity: 5 }, { 'if-match': '"1"' });
    expect(first.status).toBe(200);
    const second = await api('PATCH', `/deal/${deal.id}`, { quantity: 6 }, { 'if-match': first.headers.get('etag')! });
    expect(second.body).toMatchObject({ quantity: 6, version: 3 });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const deal = await create('deal', { title: 'Stale' });
    await api('PATCH', `/deal/${deal.id}`, { version: 1, quantity: 1 });
    const stale = await api('PATCH', `/deal/${deal.id}`, { version: 1, quantity: 99, title: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    expect((await api('GET', `/deal/${deal.id}`)).body).toMatchObject({ title: 'Stale', quantity: 1, version: 2 });
    expect((await api('PATCH', `/deal/${deal.id}`, { quantity: 99 }, { 'if-match': '"1"' })).status).toBe(409);
  });

  it.each([
    ['no version', {}, {}, 428],
    ['a malformed If-Match', {}, { 'if-match': 'soon' }, 400],
    ['a version that is not a number', { version: 'one' }, {}, 422],
    ['body version and If-Match that disagree', { version: 1 }, { 'if-match': '"2"' }, 400],
  ])('a patch with %s is a %i', async (_case, body, headers, status) => {
    const deal = await create('deal', { title: 'Precondition' });
    const response = await api('PATCH', `/deal/${deal.id}`, { ...body, quantity: 1 }, headers);
    expect(response.status).toBe(status);
    expect((await api('GET', `/deal/${deal.id}`)).body.version).toBe(1);
  });

  it('refuses to write state, with a clear message', async () => {
    const deal = await create('deal', { title: 'Stateful' });
    const response = await api('PATCH', `/deal/${deal.id}`, { version: 1, state: 'won' });
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([
      expect.objectContaining({
        pointer: '/state',
        keyword: 'readOnly',
        message: 'state changes only through workflow events',
      }),
    ]);
  });

  it('validates the merged record: clearing a required field fails', async () => {
    const deal = await create('deal', { title: 'Required' });
    const response = await api('PATCH', `/deal/${deal.id}`, { version: 1, title: null });
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([expect.objectContaining({ pointer: '/title', keyword: 'required' })]);
  });

  it('applies the new record type rules when record_type changes', async () => {
    const customer = await company('Switcher');
    const missing = await api('PATCH', `/customer/${customer.id}`, { version: 1, record_type: 'government' });
    expect(missing.status).toBe(422);
    expect(missing.body.issues).toEqual([
      expect.objectContaining({ pointer: '/jurisdiction', keyword: 'required' }),
      expect.objectContaining({ pointer: '/industry', keyword: 'additionalProperties' }),
    ]);
    const ok = await api('PATCH', `/customer/${customer.id}`, {
      version: 1,
      record_type: 'government',
      jurisdiction: 'Berlin',
      industry: null,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ record_type: 'government', jurisdiction: 'Berlin', industry: null, version: 2 });
  });

  it.each([
    ['clears a field its type requires', 'company', { industry: null }, '/industry', 'required'],
    ['sets a field its type does not show', 'government', { industry: 'retail' }, '/industry', 'additionalProperties'],
    ['sets an invalid value', 'company', { annualRevenue: -5 }, '/annualRevenue', 'minimum'],
  ])('a patch that %s is judged against the stored record type', async (_case, type, patch, pointer, keyword) => {
    const customer =
      type === 'company'
        ? await company('Judged')
        : await create('customer', { record_type: type, name: 'Judged', jurisdiction: 'Beijing' });
    const response = await api('PATCH', `/customer/${customer.id}`, { version: 1, ...patch });
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([expect.objectContaining({ pointer, keyword })]);
    expect((await api('GET', `/customer/${customer.id}`)).body).toEqual(customer);
  });

  it('a patch that only sets valid values answers with the whole record', async () => {
    const customer = await company('Whole', { region: 'East' });
    const agency = await create('customer', { record_type: 'government', name: 'Agency', jurisdiction: 'Beijing' });
    const patched = await api('PATCH', `/customer/${customer.id}`, { version: 1, annualRevenue: 12.5, region: null });
    expect(patched.body).toEqual({
      ...customer,
      annualRevenue: 12.5,
      region: null,
      version: 2,
      updated_at: patched.body.updated_at,
    });
    expect(patched.body.updated_at >= (customer.updated_at as string)).toBe(true);
    expect((await api('PATCH', `/customer/${agency.id}`, { version: 1, region: 'North' })).body).toMatchObject({
      region: 'North',
      version: 2,
    });
  });

  it('stamps who created and who last changed a record', async () => {
    const { user, token } = await server.userToken({ email: 'editor@example.com', roles: ['salesperson'] });
    const created = (
      await api('POST', '/customer', { record_type: 'company', name: 'Stamped', industry: 'retail', owner_id: user.id })
    ).body;
    const patched = await server.request(
      'PATCH',
      `/api/v1/records/customer/${created.id}`,
      { version: 1, region: 'East' },
      { authorization: `Bearer ${token}` },
    );
    expect(patched.body).toMatchObject({ created_by: server.admin.id, updated_by: user.id, version: 2 });
  });

  it('a valid patch at a stale version is a 409 and of a missing record a 404', async () => {
    const customer = await company('Blind');
    expect((await api('PATCH', `/customer/${customer.id}`, { version: 1, region: 'West' })).status).toBe(200);
    expect((await api('PATCH', `/customer/${customer.id}`, { version: 1, region: 'South' })).body).toMatchObject({
      status: 409,
      currentVersion: 2,
    });
    expect((await api('PATCH', `/customer/${MISSING}`, { version: 1, region: 'South' })).status).toBe(404);
  });

  it.each([
    ['a non-uuid id', '/deal/42'],
    ['a missing record', `/deal/${MISSING}`],
  ])('a patch of %s is a 404', async (_case, path) => {
    expect((await api('PATCH', path, { version: 1, title: 'x' })).status).toBe(404);
  });
});

describe('many-to-many and expand', () => {
  it('sets, reorders, replaces and clears links', async () => {
    const [a, b, c] = [
      await create('contact', { name: 'A' }),
      await create('contact', { name: 'B' }),
      await create('contact', { name: 'C' }),
    ];
    const deal = await create('deal', { title: 'Links', contacts: [c.id, a.id, c.id] });
    expect(deal.contacts).toEqual([c.id, a.id]);
    const replaced = await api('PATCH', `/deal/${deal.id}`, { version: 1, contacts: [b.id, c.id] });
    expect(replaced.body.contacts).toEqual([b.id, c.id]);
    const untouched = await api('PATCH', `/deal/${deal.id}`, { version: 2, title: 'Links 2' });
    expect(untouched.body.contacts).toEqual([b.id, c.id]);
    const cleared = await api('PATCH', `/deal/${deal.id}`, { version: 3, contacts: null });
    expect(cleared.body.contacts).toEqual([]);
    expect((await api('GET', `/deal/${deal.id}`)).body.contacts).toEqual([]);
  });

  it('rolls the whole create back when a link fails', async () => {
    const before = (await api('GET', '/deal?filter[title]=Half&limit=500')).body.data.length;
    expect((await api('POST', '/deal', { title: 'Half', contacts: [MISSING] })).status).toBe(422);
    expect((await api('GET', '/deal?filter[title]=Half&limit=500')).body.data).toHaveLength(before);
  });

  it('embeds the related record and the linked records', async () => {
    const customer = await company('Expanded');
    const [a, b] = [
      await create('contact', { name: 'A', customer: customer.id }),
      await create('contact', { name: 'B' }),
    ];
    const deal = await create('deal', { title: 'Expand', customer: customer.id, contacts: [b.id, a.id] });
    const read = await api('GET', `/deal/${deal.id}?expand=customer,contacts&fields=title`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ id: deal.id, title: 'Expand', customer, contacts: [b, a] });
    const list = await api('GET', `/contact?expand=customer&filter[customer]=${customer.id}`);
    expect(list.body.data).toEqual([{ ...a, customer }]);
  });

  it('expands an absent relation to null', async () => {
    const deal = await create('deal', { title: 'Alone' });
    expect((await api('GET', `/deal/${deal.id}?expand=customer,contacts`)).body).toMatchObject({
      customer: null,
      contacts: [],
    });
  });

  it.each([
    ['expand=nope', '/query/expand'],
    ['expand=title', '/query/expand'],
    ['fields=nope', '/query/fields'],
    ['sort=title', '/query/sort'],
  ])('GET one with %s is a 400 at %s', async (query, pointer) => {
    const deal = await create('deal', { title: 'Params' });
    const response = await api('GET', `/deal/${deal.id}?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.issues[0].pointer).toBe(pointer);
  });
});

describe('delete', () => {
  it('needs the version, refuses a stale one, then deletes', async () => {
    const deal = await create('deal', { title: 'Doomed' });
    expect((await api('DELETE', `/deal/${deal.id}`)).status).toBe(428);
    expect((await api('DELETE', `/deal/${deal.id}`, undefined, { 'if-match': '"7"' })).status).toBe(409);
    expect((await api('DELETE', `/deal/${deal.id}?version=2`)).status).toBe(409);
    expect((await api('DELETE', `/deal/${deal.id}?version=1`)).status).toBe(204);
    expect((await api('GET', `/deal/${deal.id}`)).status).toBe(404);
    expect((await api('DELETE', `/deal/${deal.id}`, { version: 1 })).status).toBe(404);
  });

  it('refuses to delete a record a restrict relation still references', async () => {
    const customer = await company('Referenced');
    await create('contact', { name: 'Holder', customer: customer.id });
    const response = await api('DELETE', `/customer/${customer.id}`, { version: 1 });
    expect(response.status).toBe(409); // a conflict with stored records, named in the body (records/delete-cascade.ts)
    expect((await api('GET', `/customer/${customer.id}`)).status).toBe(200);
  });

  it('removes the links of a deleted record (set null and cascade relations)', async () => {
    const customer = await company('Gone');
    const contact = await create('contact', { name: 'Linked' });
    const deal = await create('deal', { title: 'Orphan', customer: customer.id, contacts: [contact.id] });
    expect((await api('DELETE', `/customer/${customer.id}`, { version: 1 })).status).toBe(204);
    expect((await api('DELETE', `/contact/${contact.id}`, { version: 1 })).status).toBe(204);
    expect((await api('GET', `/deal/${deal.id}`)).body).toMatchObject({ customer: null, contacts: [] });
  });
});

describe('concurrent patches', () => {
  it('let exactly one of many writers at the same version win; the others get 409 and nothing is lost', async () => {
    const created = await create('deal', { title: 'Contended' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api('PATCH', `/deal/${created.id}`, { title: `writer ${i}`, version: created.version }),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const stored = await api('GET', `/deal/${created.id}`);
    expect(stored.body).toMatchObject({ title: winners[0]!.body.title, version: created.version + 1 });
  });
});
