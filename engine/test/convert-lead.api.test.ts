import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossRecordSet } from './support/carry-forward-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// convert (issue 15): a lead becomes a customer (or finds its existing one through the customer's
// duplicate check), a contact and an opportunity linked to it, all in the lead's CONVERT transition.

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitions: crossRecordSet() });
});
afterAll(async () => {
  await server?.close();
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/records${path}`, body, headers);
const db = () => server.testDb.db.knex;
const count = async (table: string) => Number((await db()(table).count({ n: '*' }))[0]!.n);
const counts = async () => ({
  customer: await count('customer'),
  contact: await count('contact'),
  opportunity: await count('opportunity'),
});

async function lead(values: Record<string, unknown>) {
  const created = await api('POST', '/lead', values);
  expect(created.status).toBe(201);
  return created.body as { id: string; version: number };
}

const convert = (id: string, headers?: Record<string, string>) =>
  api('POST', `/lead/${id}/events`, { type: 'CONVERT' }, headers);

describe('lead conversion', () => {
  it('creates the customer, contact and opportunity, links them, and records them on the lead', async () => {
    const before = await counts();
    const l = await lead({
      name: '王经理',
      company: '杭州西湖智能制造有限公司',
      creditCode: '91330106MA2B3C4D5E',
      phone: '13900000001',
      budget: 250000,
    });
    const converted = await convert(l.id);
    expect(converted.status).toBe(200);
    const record = converted.body.record;
    expect(record).toMatchObject({ state: 'converted', version: l.version + 1 });
    expect(await counts()).toEqual({
      customer: before.customer + 1,
      contact: before.contact + 1,
      opportunity: before.opportunity + 1,
    });
    const customer = (await api('GET', `/customer/${record.convertedCustomer}`)).body;
    expect(customer).toMatchObject({
      name: '杭州西湖智能制造有限公司',
      creditCode: '91330106MA2B3C4D5E',
      record_type: 'company',
      owner_id: server.admin.id,
    });
    expect((await api('GET', `/contact/${record.convertedContact}`)).body).toMatchObject({
      name: '王经理',
      phone: '13900000001',
      customer: customer.id,
    });
    expect((await api('GET', `/opportunity/${record.convertedOpportunity}`)).body).toMatchObject({
      name: '杭州西湖智能制造有限公司',
      amount: 250000,
      customer: customer.id,
      contact: record.convertedContact,
    });
  });

  it('reuses the customer with the same credit code, however it is written', async () => {
    const existing = (
      await api('POST', '/customer', { name: '宁波港机械', creditCode: '91330200ABCDEF1234', record_type: 'company' })
    ).body;
    const before = await counts();
    const l = await lead({ name: '李工', company: '宁波港口机械设备', creditCode: '91330200abcdef1234' });
    const converted = await convert(l.id);
    expect(converted.status).toBe(200);
    expect(converted.body.record.convertedCustomer).toBe(existing.id);
    expect(await counts()).toEqual({ ...before, contact: before.contact + 1, opportunity: before.opportunity + 1 });
    expect((await api('GET', `/contact/${converted.body.record.convertedContact}`)).body.customer).toBe(existing.id);
  });

  it('reuses the customer with the same name once the company suffix is set aside', async () => {
    const existing = (await api('POST', '/customer', { name: '苏州工业园区博远科技有限公司', record_type: 'company' }))
      .body;
    const before = await counts();
    const converted = await convert((await lead({ name: '赵总', company: '苏州工业园区博远科技' })).id);
    expect(converted.status).toBe(200);
    expect(converted.body.record.convertedCustomer).toBe(existing.id);
    expect((await counts()).customer).toBe(before.customer);
  });

  it('rolls back the customer and the contact when the opportunity is refused, naming entity and field', async () => {
    const before = await counts();
    const l = await lead({ name: '钱女士', company: '无锡负数预算有限公司', budget: -5 });
    const refused = await convert(l.id);
    expect(refused.status).toBe(422);
    expect(refused.body.i18n.zh).toMatch(/^流程无法创建商机：“预计金额”：/);
    expect(refused.body.i18n.en).toMatch(/^the workflow could not create the Opportunity: Amount: /);
    expect(refused.body.issues).toContainEqual(expect.objectContaining({ pointer: '/opportunity/amount' }));
    expect(await counts()).toEqual(before);
    expect((await api('GET', `/lead/${l.id}`)).body).toMatchObject({
      state: 'open',
      convertedCustomer: null,
      convertedContact: null,
      version: l.version,
    });
  });

  it('refuses a second conversion of the same lead', async () => {
    const l = await lead({ name: '孙先生', company: '常州二次转化有限公司' });
    expect((await convert(l.id)).status).toBe(200);
    expect((await api('POST', `/lead/${l.id}/events`, { type: 'REOPEN' })).status).toBe(200);
    const before = await counts();
    const again = await convert(l.id);
    expect(again.status).toBe(409);
    expect(again.body.extra?.reason ?? again.body.reason ?? again.body.i18n).toMatchObject({
      zh: '该线索已经转化过（“转化的客户”、“转化的联系人”、“转化的商机”已有值），不能再次转化',
    });
    expect(await counts()).toEqual(before);
  });

  it('does not link a customer the converting user cannot see: refused with what the check may reveal', async () => {
    await api('POST', '/customer', { name: '嘉兴隐秘客户', creditCode: '91330400HIDDEN0001', record_type: 'company' });
    const rep = await server.userToken({ email: 'rep@lodestar.test', roles: ['rep'] });
    const as = { authorization: `Bearer ${rep.token}` };
    const created = await api(
      'POST',
      '/lead',
      { name: '周先生', company: '嘉兴某公司', creditCode: '91330400HIDDEN0001' },
      as,
    );
    expect(created.status).toBe(201);
    const before = await counts();
    const refused = await convert(created.body.id, as);
    expect(refused.status).toBe(409);
    expect(refused.body.i18n.zh).toBe(
      '已存在：嘉兴隐秘客户，负责人 Admin，但您无权查看，无法把该线索转化到这个客户；请联系其负责人或管理员',
    );
    expect(await counts()).toEqual(before);
  });
});
