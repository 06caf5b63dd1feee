import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition } from '../src/definitions/entity.js';
import { contractSet } from './support/rollup-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitions: contractSet() });
});
afterAll(async () => {
  await server?.close();
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/records${path}`, body, headers);

async function contract(name: string): Promise<{ id: string; version: number }> {
  const created = await api('POST', '/contract', { name });
  expect(created.status).toBe(201);
  return created.body;
}

async function pay(contractId: string | null, amount: number, paidOn = '2026-01-10') {
  const created = await api('POST', '/payment', { label: 'p', amount, paidOn, contract: contractId });
  expect(created.status).toBe(201);
  return created.body as { id: string; version: number };
}

async function rollupsOf(id: string) {
  const { body } = await api('GET', `/contract/${id}`);
  const { lineCount, paidTotal, smallest, largest, average, lastPaid, version } = body;
  return { lineCount, paidTotal, smallest, largest, average, lastPaid, version };
}

describe('roll-ups over HTTP', () => {
  it('start at zero (count, sum) or empty (min, max, avg) on a new parent', async () => {
    const a = await contract('Empty');
    expect(await rollupsOf(a.id)).toMatchObject({
      lineCount: 0,
      paidTotal: 0,
      smallest: null,
      largest: null,
      average: null,
      lastPaid: null,
    });
  });

  it('follow every child write: create, update, re-parent (both parents) and delete', async () => {
    const a = await contract('A');
    const b = await contract('B');
    const p1 = await pay(a.id, 100.5, '2026-01-10');
    const p2 = await pay(a.id, 20, '2026-03-01');
    expect(await rollupsOf(a.id)).toMatchObject({
      lineCount: 2,
      paidTotal: 120.5,
      smallest: 20,
      largest: 100.5,
      average: 60.25,
      lastPaid: '2026-03-01',
      // A roll-up is derived: a child write does not make the parent a new version.
      version: 1,
    });

    expect((await api('PATCH', `/payment/${p2.id}`, { version: 1, amount: 30 })).status).toBe(200);
    expect(await rollupsOf(a.id)).toMatchObject({ lineCount: 2, paidTotal: 130.5, smallest: 30 });

    const moved = await api('PATCH', `/payment/${p1.id}`, { version: 1, contract: b.id });
    expect(moved.status).toBe(200);
    expect(await rollupsOf(a.id)).toMatchObject({ lineCount: 1, paidTotal: 30, largest: 30, average: 30 });
    expect(await rollupsOf(b.id)).toMatchObject({ lineCount: 1, paidTotal: 100.5, lastPaid: '2026-01-10' });

    expect((await api('DELETE', `/payment/${p2.id}`, { version: 2 })).status).toBe(204);
    expect(await rollupsOf(a.id)).toMatchObject({
      lineCount: 0,
      paidTotal: 0,
      smallest: null,
      largest: null,
      average: null,
    });
  });

  it('refuses writing a roll-up with 422 naming the field, in both languages', async () => {
    const created = await api('POST', '/contract', { name: 'X', paidTotal: 5 });
    expect(created.status).toBe(422);
    const issue = created.body.issues.find((i: { pointer: string }) => i.pointer === '/paidTotal');
    expect(issue).toMatchObject({ keyword: 'readOnly' });
    expect(issue.i18n.zh).toContain('汇总');
    const a = await contract('Y');
    const patched = await api('PATCH', `/contract/${a.id}`, { version: 1, lineCount: 3 });
    expect(patched.status).toBe(422);
    expect(patched.body.issues.map((i: { pointer: string }) => i.pointer)).toContain('/lineCount');
  });

  it('is sortable and filterable, and read-only in the OpenAPI document', async () => {
    const big = await contract('Big');
    await pay(big.id, 9000);
    const list = await api('GET', '/contract?sort=-paidTotal&filter[paidTotal][gte]=5000');
    expect(list.status).toBe(200);
    expect(list.body.data[0]).toMatchObject({ name: 'Big', paidTotal: 9000 });
    expect(list.body.data.every((c: { paidTotal: number }) => c.paidTotal >= 5000)).toBe(true);
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const schemas = doc.components.schemas;
    const record = Object.values(schemas).find((s) => (s as { title?: string }).title === 'Contract') as {
      properties: Record<string, { readOnly?: boolean }>;
    };
    expect(record.properties.paidTotal!.readOnly).toBe(true);
    const create = Object.values(schemas).find((s) => (s as { title?: string }).title === 'New Contract') as {
      properties: Record<string, unknown>;
    };
    expect(create.properties).not.toHaveProperty('paidTotal');
  });

  it('follows the engine cascade: deleting a parent deletes its lines, deleting lines of another parent', async () => {
    const a = await contract('Gone');
    await pay(a.id, 10);
    const deleted = await api('DELETE', `/contract/${a.id}`, { version: 1 });
    expect(deleted.status).toBe(204);
    const count = await server.testDb.db.knex('payment').where({ contract: a.id }).count({ n: '*' });
    expect(Number(count[0]!.n)).toBe(0);
  });

  it('is a parent read never stale after a child write (transitions and reads see the stored value)', async () => {
    const a = await contract('Fresh');
    await rollupsOf(a.id); // remembered by this engine
    await pay(a.id, 7);
    expect((await rollupsOf(a.id)).paidTotal).toBe(7);
  });
});

describe('roll-up definitions', () => {
  async function issuesOf(set: DefinitionSet) {
    const put = await server.request('PUT', '/api/v1/meta/drafts/bad', { definitions: set });
    expect(put.status).toBe(200);
    return put.body.issues as { file: string; pointer: string; keyword: string; i18n: { zh: string } }[];
  }

  it('names the pointer of an unknown child, a relation that does not point here, and a wrong kind', async () => {
    const set = contractSet();
    const props = set.entities[0]!.properties;
    props.paidTotal!['x-rollup'] = { from: 'nothing', via: 'contract', op: 'sum', field: 'amount' };
    props.smallest!['x-rollup'] = { from: 'payment', via: 'label', op: 'min', field: 'amount' };
    props.average!['x-rollup'] = { from: 'payment', via: 'contract', op: 'avg', field: 'label' };
    props.lineCount!.type = 'number';
    props.largest!['x-rollup'] = { from: 'payment', via: 'contract', op: 'sum' };
    const issues = await issuesOf(set);
    const at = (pointer: string) => issues.find((i) => i.pointer === pointer);
    expect(at('/properties/paidTotal/x-rollup/from')).toMatchObject({ keyword: 'unknownEntity' });
    expect(at('/properties/smallest/x-rollup/via')).toMatchObject({ keyword: 'rollupVia' });
    expect(at('/properties/average/x-rollup/field')).toMatchObject({ keyword: 'rollupFieldKind' });
    expect(at('/properties/lineCount/type')).toMatchObject({ keyword: 'rollupType' });
    expect(at('/properties/largest/x-rollup')).toMatchObject({ keyword: 'required' });
    expect(at('/properties/lineCount/type')!.i18n.zh).toContain('整数');
  });

  it('makes removing the relation a roll-up uses an issue on the roll-up', async () => {
    const set = contractSet();
    delete set.entities[1]!.properties.contract;
    const issues = await issuesOf(set);
    expect(issues.filter((i) => i.keyword === 'unknownField').map((i) => i.pointer)).toEqual(
      expect.arrayContaining(['/properties/lineCount/x-rollup/via', '/properties/paidTotal/x-rollup/via']),
    );
  });

  it('refuses roll-ups that read each other in a circle, and a roll-up a record type requires', async () => {
    const set = contractSet();
    const [contract, payment] = set.entities as [EntityDefinition, EntityDefinition];
    contract.properties.lastPayment = { type: 'string', format: 'uuid', 'x-relation': { entity: 'payment' } };
    payment.properties.echo = {
      type: 'number',
      'x-currency': 'CNY',
      'x-rollup': { from: 'contract', via: 'lastPayment', op: 'sum', field: 'largest' },
    };
    contract.properties.largest!['x-rollup'] = { from: 'payment', via: 'contract', op: 'max', field: 'echo' };
    contract['x-entity'].recordTypes = { big: { title: 'Big', required: ['paidTotal'] } };
    const issues = await issuesOf(set);
    const cycles = issues.filter((i) => i.keyword === 'rollupCycle').map((i) => `${i.file} ${i.pointer}`);
    expect(cycles).toHaveLength(2);
    expect(cycles.join()).toContain('/properties/largest/x-rollup');
    expect(cycles.join()).toContain('/properties/echo/x-rollup');
    expect(issues.find((i) => i.keyword === 'rollupRequired')?.pointer).toBe('/properties/paidTotal');
  });

  it('refuses a workflow action that sets a roll-up, naming the action', async () => {
    const set = contractSet();
    set.workflows.push({
      id: 'contract-flow',
      initial: 'open',
      meta: { entity: 'contract' },
      states: {
        open: {
          on: {
            CLOSE: { target: 'closed', actions: [{ type: 'setField', params: { field: 'paidTotal', value: 1 } }] },
          },
        },
        closed: { type: 'final' },
      },
    } as never);
    const issues = await issuesOf(set);
    const issue = issues.find((i) => i.keyword === 'readOnly');
    expect(issue?.pointer).toMatch(/actions\/0.*\/field$/);
    expect(issue?.i18n.zh).toContain('汇总');
  });
});
