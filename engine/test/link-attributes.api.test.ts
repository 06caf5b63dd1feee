import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { CUTE_ROLE, INFLUENCE, linkAttributeSet } from './support/link-attribute-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Links with attributes (x-relation.attributes) over HTTP on PostgreSQL: writes, reads, audit, publishes. */
let server: TestServer;
let [zhang, li, wang]: string[] = [];
const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);

async function publish(set: DefinitionSet, body: Record<string, unknown> = {}) {
  const put = await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const plan = await server.request('POST', '/api/v1/meta/drafts/main/plan');
  const published = await server.request('POST', '/api/v1/meta/drafts/main/publish', body);
  return { plan, published };
}

beforeAll(async () => {
  server = await startTestServer({ definitions: linkAttributeSet() });
  [zhang, li, wang] = await Promise.all(
    ['张总', '李工', '王经理'].map(async (name) => (await api('POST', '/contact', { name })).body.id as string),
  );
});
afterAll(async () => {
  await server?.close();
});

describe('writes and reads', () => {
  it('writes links as objects or ids, reads them as objects, and refuses a bad attribute at its pointer', async () => {
    const created = await api('POST', '/deal', {
      name: '杭州项目',
      contacts: [{ id: zhang, role: 'economicBuyer', influence: 5 }, li],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const expected = [
      { id: zhang, role: 'economicBuyer', influence: 5 },
      { id: li, role: null, influence: null },
    ];
    expect(created.body.contacts).toEqual(expected);
    expect((await api('GET', `/deal/${created.body.id}`)).body.contacts).toEqual(expected);

    const bad = await api('PATCH', `/deal/${created.body.id}`, {
      contacts: [zhang, { id: li, role: 'boss', influence: 9 }],
      version: created.body.version,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((i: { pointer: string; keyword: string }) => [i.pointer, i.keyword])).toEqual(
      expect.arrayContaining([
        ['/contacts/1/role', 'enum'],
        ['/contacts/1/influence', 'maximum'],
      ]),
    );
    expect(JSON.stringify(bad.body)).not.toContain('anyOf');
    expect((await api('GET', `/deal/${created.body.id}`)).body.contacts).toEqual(expected);
    expect((await api('POST', '/deal', { name: 'x', contacts: [{ role: 'coach' }] })).status).toBe(422);
  });

  it('updates and removes attributes in one transaction, audited, and lists deals from the contact side', async () => {
    const deal = (
      await api('POST', '/deal', { name: '宁波项目', contacts: [{ id: wang, role: 'coach', influence: 2 }] })
    ).body;
    const updated = await api('PATCH', `/deal/${deal.id}`, {
      contacts: [
        { id: wang, role: 'technicalBuyer', influence: 4 },
        { id: li, role: 'user' },
      ],
      version: deal.version,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.contacts).toEqual([
      { id: wang, role: 'technicalBuyer', influence: 4 },
      { id: li, role: 'user', influence: null },
    ]);
    const audit = (await api('GET', `/deal/${deal.id}/audit`)).body.data;
    const change = audit.find((row: { changes?: Record<string, unknown> }) => row.changes?.contacts);
    expect(change.changes.contacts).toEqual([
      [{ id: wang, role: 'coach', influence: 2 }],
      [
        { id: wang, role: 'technicalBuyer', influence: 4 },
        { id: li, role: 'user', influence: null },
      ],
    ]);

    // The contact's side: the deals linking Wang, each with Wang's role on it.
    const linked = await api('GET', `/deal?filter[contacts][contains]=${wang}&fields=name,contacts`);
    expect(linked.status).toBe(200);
    expect(
      linked.body.data.map((d: { name: string; contacts: { id: string; role: string }[] }) => [
        d.name,
        d.contacts.find((c) => c.id === wang)?.role,
      ]),
    ).toEqual([['宁波项目', 'technicalBuyer']]);
    const expanded = await api('GET', `/deal/${deal.id}?expand=contacts`);
    expect(expanded.body.contacts[0]).toMatchObject({
      id: wang,
      name: '王经理',
      link_attributes: { role: 'technicalBuyer', influence: 4 },
    });

    const removed = await api('PATCH', `/deal/${deal.id}`, { contacts: [li], version: updated.body.version });
    expect(removed.body.contacts).toEqual([{ id: li, role: null, influence: null }]);
  });

  it('documents links as ids or objects with their attributes in OpenAPI', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const items =
      doc.components.schemas.Deal.properties.contacts.items ??
      doc.components.schemas.Deal.properties.contacts.anyOf?.[0]?.items;
    const object = items.anyOf.find((s: { type?: string }) => s.type === 'object');
    expect(object.properties.role.enum).toEqual(['coach', 'user', 'technicalBuyer', 'economicBuyer', null]);
    expect(object.properties.influence).toMatchObject({ minimum: 1, maximum: 5 });
  });

  it('checks link attributes in definitions with pointers', async () => {
    const set = linkAttributeSet({ id: { type: 'string' }, score: { type: 'string', format: 'uuid', 'x-user': true } });
    set.entities[1]!.properties.lead = {
      type: 'string',
      format: 'uuid',
      'x-relation': { entity: 'contact', attributes: { role: CUTE_ROLE } },
    };
    const put = await server.request('PUT', '/api/v1/meta/drafts/bad', { definitions: set });
    const issues = put.body.issues.map((i: { pointer: string; keyword: string }) => [i.pointer, i.keyword]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['/properties/contacts/x-relation/attributes/id', 'reserved'],
        ['/properties/contacts/x-relation/attributes/score/x-user', 'linkAttributeKeyword'],
        ['/properties/lead/x-relation/attributes', 'linkAttributesKind'],
      ]),
    );
  });
});

describe('publishes', () => {
  it('adds and removes an attribute on a link table holding data, in words, keeping the links', async () => {
    const deal = (await api('POST', '/deal', { name: '苏州项目', contacts: [{ id: zhang, role: 'coach' }] })).body;
    const note = { type: 'string', maxLength: 200, 'x-i18n': { title: { zh: '备注', en: 'Note' } } } as const;
    let { plan, published } = await publish(linkAttributeSet({ role: CUTE_ROLE, influence: INFLUENCE, note }));
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const added = plan.body.steps.find((s: { kind: string }) => s.kind === 'addColumn');
    expect(added.text).toEqual({
      en: 'add the field “Note” to “Deal · Contacts” (text up to 200 characters)',
      zh: '为「商机 · 联系人」添加字段「备注」（文本，最多 200 字）',
    });
    expect((await api('GET', `/deal/${deal.id}`)).body.contacts).toEqual([
      { id: zhang, role: 'coach', influence: null, note: null },
    ]);
    expect(
      (
        await api('PATCH', `/deal/${deal.id}`, {
          contacts: [{ id: zhang, role: 'coach', note: '关键人' }],
          version: deal.version,
        })
      ).status,
    ).toBe(200);

    // Removing an attribute that links hold is destructive: confirmed, the links stay.
    expect((await publish(linkAttributeSet({ role: CUTE_ROLE, influence: INFLUENCE }))).published.status).toBe(409);
    ({ plan, published } = await publish(linkAttributeSet({ role: CUTE_ROLE, influence: INFLUENCE }), {
      confirmDestructive: true,
    }));
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const dropped = plan.body.steps.find((s: { kind: string }) => s.kind === 'dropColumn');
    expect(dropped).toMatchObject({ safety: 'destructive', text: { zh: '从「商机 · 联系人」删除字段「备注」' } });
    expect((await api('GET', `/deal/${deal.id}`)).body.contacts).toEqual([
      { id: zhang, role: 'coach', influence: null },
    ]);
  });
});
