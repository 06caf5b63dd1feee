import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { readFolder } from '../src/definitions/read-folder.js';
import { REPO_ROOT, startTestServer, type TestServer } from './support/test-server.js';

/*
 * A reader learns nothing about a field hidden from them, by any path (over HTTP against PostgreSQL):
 * the marketing role of the default template may read every opportunity but not its `amount`.
 */
let server: TestServer;
let marketing = '';
let opportunity = '';
const SECRET_URL = 'https://hooks.example.com/T0/B0/s3cr3t-token';

const asMarketing = () => ({ authorization: `Bearer ${marketing}` });
const version = async (id: string) =>
  (await server.request('GET', `/api/v1/records/opportunity/${id}`)).body.version as number;
const patchAmount = async (amount: number | null) => {
  const res = await server.request(
    'PATCH',
    `/api/v1/records/opportunity/${opportunity}`,
    { amount },
    { 'if-match': `"${await version(opportunity)}"` },
  );
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  // The default template, plus a webhook with a secret in its URL on one transition.
  const definitions: DefinitionSet = structuredClone((await readFolder(REPO_ROOT)).set);
  const sales = definitions.workflows.find((w) => w.id === 'opportunity-sales')!;
  const lose = sales.states.needsIdentified!.on!.LOSE as { actions?: unknown[] };
  lose.actions = [...(lose.actions ?? []), { type: 'callWebhook', params: { url: SECRET_URL } }];
  // Marketing may send events to deals (still without seeing their amount).
  definitions.roles!.roles.marketing!.entities.opportunity!.update = 'all';
  // And storage settings and a rule that name the hidden amount.
  const deal = definitions.entities.find((e) => e.$id === 'opportunity')!;
  deal['x-entity'].indexes = [...(deal['x-entity'].indexes ?? []), ['amount']];
  deal['x-rules'] = [...(deal['x-rules'] ?? []), { field: 'amount', rule: 'gte', value: 0 }];
  server = await startTestServer({ definitions });
  marketing = (await server.userToken({ email: 'mark@example.com', roles: ['marketing'] })).token;
  const customer = (
    await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: 'Leak Co',
      industry: 'retail',
    })
  ).body.id;
  const contact = (await server.request('POST', '/api/v1/records/contact', { name: 'Dana', customer })).body.id;
  opportunity = (
    await server.request('POST', '/api/v1/records/opportunity', {
      name: 'Leak deal',
      customer,
      decisionMaker: contact,
      description: 'needs',
    })
  ).body.id;
  for (const type of ['MEET_DECISION_MAKERS', 'CONFIRM_NEEDS']) {
    expect((await server.request('POST', `/api/v1/records/opportunity/${opportunity}/events`, { type })).status).toBe(
      200,
    );
  }
});

afterAll(async () => {
  await server?.close();
});

describe('a field hidden from the reader', () => {
  it('does not change the blocked reason of a transition whose guard reads it (empty or 0)', async () => {
    const propose = async () => {
      const res = await server.request(
        'GET',
        `/api/v1/records/opportunity/${opportunity}/transitions?all=1`,
        undefined,
        asMarketing(),
      );
      expect(res.status).toBe(200);
      return res.body.data.find((e: { event: string }) => e.event === 'PROPOSE');
    };
    await patchAmount(null);
    const empty = await propose();
    await patchAmount(0);
    const zero = await propose();
    expect(empty.allowed).toBe(false);
    expect(zero).toEqual(empty);
    expect(JSON.stringify(empty)).not.toMatch(/amount|Amount|金额/);
  });

  it('does not change the refusal of an event whose guard reads it (empty or 0)', async () => {
    const send = async () => {
      const res = await server.request(
        'POST',
        `/api/v1/records/opportunity/${opportunity}/events`,
        { type: 'PROPOSE' },
        asMarketing(),
      );
      expect(res.status).toBe(409);
      const { type, title, status, detail, i18n, reason } = res.body;
      return { type, title, status, detail, i18n, reason };
    };
    await patchAmount(null);
    const empty = await send();
    await patchAmount(0);
    expect(await send()).toEqual(empty);
    expect(JSON.stringify(empty)).not.toMatch(/amount|Amount|金额/);
  });

  it('leaves out audit rows that changed only the hidden field, and shows the rest without it', async () => {
    await patchAmount(777);
    const named = await server.request(
      'PATCH',
      `/api/v1/records/opportunity/${opportunity}`,
      { name: 'Leak deal 2', amount: 778 },
      { 'if-match': `"${await version(opportunity)}"` },
    );
    expect(named.status).toBe(200);
    const trail = await server.request(
      'GET',
      `/api/v1/records/opportunity/${opportunity}/audit?limit=200`,
      undefined,
      asMarketing(),
    );
    expect(trail.status).toBe(200);
    const rows = trail.body.data as { action: string; changes: Record<string, unknown>; detail: unknown }[];
    expect(rows.filter((r) => r.action === 'update' && Object.keys(r.changes).length === 0 && !r.detail)).toEqual([]);
    expect(JSON.stringify(rows.map((r) => [r.changes, r.detail]))).not.toMatch(/amount|\b77[78]\b/);
    expect(rows.some((r) => 'name' in r.changes)).toBe(true);
    // The administrator still sees every row.
    const full = await server.request('GET', `/api/v1/records/opportunity/${opportunity}/audit?limit=200`);
    expect(JSON.stringify(full.body.data)).toContain('777');
  });

  it('is not named by /meta/model or /meta/entities, and no secret of the definitions reaches a non-administrator', async () => {
    const model = await server.request('GET', '/api/v1/meta/model', undefined, asMarketing());
    expect(model.status).toBe(200);
    for (const path of ['/meta/entities', '/meta/entities/opportunity']) {
      const res = await server.request('GET', `/api/v1${path}`, undefined, asMarketing());
      expect(res.status, path).toBe(200);
      expect(JSON.stringify(res.body), path).not.toContain('"amount"');
    }
    const sales = model.body.definitions.workflows.find((w: { id: string }) => w.id === 'opportunity-sales');
    expect(sales).toBeTruthy();
    const text = JSON.stringify(model.body);
    expect(text).not.toContain('"amount"');
    // Nor by the definition's lists of fields: header highlights, search fields, unique keys, duplicate checks.
    const opportunity = model.body.definitions.entities.find((e: { $id: string }) => e.$id === 'opportunity');
    expect(opportunity['x-ui'].highlights).toEqual(['expectedCloseDate', 'customer', 'decisionMaker']);
    const contact = model.body.definitions.entities.find((e: { $id: string }) => e.$id === 'contact');
    expect(contact['x-entity'].search.map((entry: { field: string }) => entry.field)).not.toContain('familyNotes');
    expect(text).not.toContain('familyNotes');
    expect(text).not.toContain('s3cr3t');
    expect(sales.states.needsIdentified.on.PROPOSE.target).toBe('solutionProposed');
    const admin = JSON.stringify((await server.request('GET', '/api/v1/meta/model')).body);
    expect(admin).toContain(SECRET_URL);
  });
});
