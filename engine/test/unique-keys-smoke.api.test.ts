import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * The default template ships a unique key on the customer's 统一社会信用代码 and a duplicate check on name,
 * code and phone; the same case on both databases the engine runs on.
 */
describe.each(['pglite', 'postgres'] as const)('the default template’s customer keys on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ kind });
  });
  afterAll(() => server?.close());

  const customer = (name: string, unifiedSocialCreditCode: string) => ({
    record_type: 'company',
    name,
    industry: 'manufacturing',
    unifiedSocialCreditCode,
  });

  it('refuses a second customer with the same credit code and flags a similar name while typing', async () => {
    const first = await server.request(
      'POST',
      '/api/v1/records/customer',
      customer('杭州西湖智能制造有限公司', '91330106MA2H0XY812'),
    );
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await server.request('POST', '/api/v1/records/customer', customer('西湖智能', '91330106MA2H0XY812'));
    expect(again.status).toBe(409);
    expect(again.body.i18n.zh).toBe('已存在统一社会信用代码相同的客户');
    expect(again.body.issues[0].pointer).toBe('/unifiedSocialCreditCode');
    const check = await server.request('POST', '/api/v1/records/customer/duplicates', {
      name: '杭州西湖智能制造股份有限公司',
    });
    expect(check.status).toBe(200);
    expect(check.body.matches).toEqual([
      expect.objectContaining({ readable: true, id: first.body.id, title: '杭州西湖智能制造有限公司' }),
    ]);
    expect(check.body.matches[0].text.zh).toMatch(/^已存在：杭州西湖智能制造有限公司，负责人 /);
    // While typing: the start of a stored name (a prefix search on the lookup index).
    const typing = await server.request('POST', '/api/v1/records/customer/duplicates', { name: '杭州西湖智能' });
    expect(typing.body.matches.map((m: { title: string }) => m.title)).toEqual(['杭州西湖智能制造有限公司']);
    expect(typing.body.matches[0].text.zh).toMatch(/^名称相近：杭州西湖智能制造有限公司，负责人 /);
  });
});
