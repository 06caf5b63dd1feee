import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * filter[field][any]=a,b: records whose multiple-choice field (or text list, or many-to-many links) holds at
 * least one of the values, on the default template's customer tags and opportunity contacts.
 */
let server: TestServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  const customer = async (name: string, tags: string[]) => {
    const answer = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name,
      industry: 'manufacturing',
      tags,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return (ids[name] = answer.body.id as string);
  };
  await customer('国企甲', ['stateOwned', 'listed']);
  await customer('外企乙', ['foreignInvested']);
  await customer('新客丙', ['newCustomer', 'highPotential']);
  const wu = await customer('无标签丁', []);
  const contact = async (name: string) => {
    const answer = await server.request('POST', '/api/v1/records/contact', { name, customer: wu });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return (ids[name] = answer.body.id as string);
  };
  const zhang = await contact('张伟');
  const li = await contact('李娜');
  const wang = await contact('王芳');
  const deal = async (name: string, contacts: string[]) => {
    const answer = await server.request('POST', '/api/v1/records/opportunity', { name, customer: wu, contacts });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  };
  await deal('一号项目', [zhang]);
  await deal('二号项目', [li, wang]);
  await deal('三号项目', []);
});
afterAll(() => server?.close());

const names = async (entity: string, query: string) => {
  const answer = await server.request('GET', `/api/v1/records/${entity}?${query}&sort=name&fields=name`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data.map((r: { name: string }) => r.name);
};

describe('filter any', () => {
  it('finds records holding at least one of the choices', async () => {
    expect(await names('customer', 'filter[tags][any]=listed,foreignInvested')).toEqual(['国企甲', '外企乙']);
    expect(await names('customer', 'filter[tags][any]=churnRisk')).toEqual([]);
    // contains keeps its meaning: the one value
    expect(await names('customer', 'filter[tags][contains]=highPotential')).toEqual(['新客丙']);
  });

  it('works on many-to-many links and takes repeated parameters as one list', async () => {
    expect(await names('opportunity', `filter[contacts][any]=${ids['张伟']},${ids['王芳']}`)).toEqual([
      '二号项目',
      '一号项目',
    ]);
    const repeated = `filter[contacts][any]=${ids['李娜']}&filter[contacts][any]=${ids['张伟']}`;
    expect(await names('opportunity', repeated)).toEqual(['二号项目', '一号项目']);
  });

  it('is offered only for list fields, and checks the values’ kind, in both languages', async () => {
    const scalar = await server.request('GET', '/api/v1/records/customer?filter[name][any]=a,b');
    expect(scalar.status).toBe(400);
    expect(scalar.body.issues[0]).toMatchObject({ keyword: 'unknownOperator' });
    expect(scalar.body.issues[0].i18n.zh).toContain('不支持运算符');
    const badId = await server.request('GET', '/api/v1/records/opportunity?filter[contacts][any]=x');
    expect(badId.status).toBe(400);
    expect(badId.body.issues[0].i18n.zh).toContain('记录 ID');
  });

  it('is documented in the OpenAPI filter operators', async () => {
    const doc = await server.request('GET', '/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    const ops = doc.body.components.schemas.FilterOperators;
    expect(Object.keys(ops.properties)).toContain('any');
    expect(ops.description).toContain('`any`');
  });
});
