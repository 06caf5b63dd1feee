import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCOUNT_MESSAGE, RULES, ruleDefinitions as definitions } from './support/rule-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Cross-field rules written as formulas (issue 14 item 8): checked at publish, judged on every write
 * (create, patch, workflow action) with a 422 on the rule's field in both languages; the comparison
 * form of x-rules keeps working beside them.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitions: definitions(RULES) });
});
afterAll(() => server?.close());

const create = (body: Record<string, unknown>) => server.request('POST', '/api/v1/records/deal', body);
const patch = async (id: string, body: Record<string, unknown>) => {
  const version = (await server.request('GET', `/api/v1/records/deal/${id}`)).body.version as number;
  return server.request('PATCH', `/api/v1/records/deal/${id}`, body, { 'if-match': `"${version}"` });
};
const issuesOf = (body: { issues?: { pointer: string; keyword: string; i18n?: unknown }[] }) =>
  (body.issues ?? []).map(({ pointer, keyword, i18n }) => ({ pointer, keyword, i18n }));

describe('formula rules on writes', () => {
  it('refuses a create that breaks a rule, on its field, in both languages', async () => {
    const refused = await create({ record_type: 'standard', name: 'A', discount: 0.35, note: 'big order' });
    expect(refused.status).toBe(422);
    expect(issuesOf(refused.body)).toEqual([{ pointer: '/discount', keyword: 'rule', i18n: DISCOUNT_MESSAGE }]);
    expect((await server.request('GET', '/api/v1/records/deal')).body.data).toHaveLength(0);
  });

  it('lets the record type decide: a strategic deal may have the larger discount', async () => {
    const created = await create({ record_type: 'strategic', name: 'B', discount: 0.35, note: 'strategic' });
    expect(created.status).toBe(201);
    expect(created.body.discount).toBe(0.35);
  });

  it('judges a patch on the whole record, also when it clears a field a rule reads', async () => {
    const created = await create({ record_type: 'standard', name: 'C', discount: 0.2, note: 'loyal customer' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const raised = await patch(id, { discount: 0.31 });
    expect(raised.status).toBe(422);
    expect(issuesOf(raised.body)).toEqual([{ pointer: '/discount', keyword: 'rule', i18n: DISCOUNT_MESSAGE }]);
    const cleared = await patch(id, { note: null });
    expect(cleared.status).toBe(422);
    expect(issuesOf(cleared.body)).toEqual([
      { pointer: '/note', keyword: 'rule', i18n: { en: 'Say why there is a discount', zh: '有折扣时请填写说明' } },
    ]);
    expect((await patch(id, { note: 'renewal' })).status).toBe(200);
    const stored = (await server.request('GET', `/api/v1/records/deal/${id}`)).body;
    expect(stored).toMatchObject({ discount: 0.2, note: 'renewal' });
  });

  it('words a rule without a message from its check, and a blank side never fires', async () => {
    const refused = await create({
      record_type: 'standard',
      name: 'D',
      plannedStart: '2026-03-01',
      plannedEnd: '2026-02-28',
    });
    expect(refused.status).toBe(422);
    expect(issuesOf(refused.body)).toEqual([
      {
        pointer: '/plannedEnd',
        keyword: 'rule',
        i18n: { en: 'must meet the rule plannedEnd >= plannedStart', zh: '不符合规则：plannedEnd >= plannedStart' },
      },
    ]);
    expect((await create({ record_type: 'standard', name: 'E', plannedEnd: '2026-02-28' })).status).toBe(201);
    expect(
      (await create({ record_type: 'standard', name: 'F', plannedStart: '2026-02-28', plannedEnd: '2026-02-28' }))
        .status,
    ).toBe(201);
  });

  it('refuses a workflow action that would break a rule, and writes nothing', async () => {
    const created = await create({ record_type: 'standard', name: 'G', discount: 0.1, note: 'pilot' });
    const id = created.body.id as string;
    const before = (await server.request('GET', `/api/v1/records/deal/${id}`)).body;
    const event = await server.request('POST', `/api/v1/records/deal/${id}/events`, { type: 'RAISE' });
    expect(event.status).toBe(422);
    expect(issuesOf(event.body)).toEqual([{ pointer: '/discount', keyword: 'rule', i18n: DISCOUNT_MESSAGE }]);
    const after = (await server.request('GET', `/api/v1/records/deal/${id}`)).body;
    expect(after).toMatchObject({ discount: 0.1, version: before.version });
    // The same action on a strategic deal is fine.
    const strategic = await create({ record_type: 'strategic', name: 'H', discount: 0.1, note: 'pilot' });
    const raised = await server.request('POST', `/api/v1/records/deal/${strategic.body.id}/events`, { type: 'RAISE' });
    expect(raised.status).toBe(200);
  });

  it('keeps the comparison form of x-rules', async () => {
    const refused = await create({ record_type: 'standard', name: 'I', discount: -0.1, note: 'refund' });
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toEqual([expect.objectContaining({ pointer: '/discount', keyword: 'rule' })]);
  });
});

describe('formula rules in OpenAPI', () => {
  it('lists each rule on the create and change operations', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    for (const operation of [doc.paths['/records/deal'].post, doc.paths['/records/deal/{id}'].patch]) {
      expect(operation.description).toContain('Cross-field rules');
      expect(operation.description).toContain('- on `discount`: `discount <= 0.3 OR recordType = "strategic"`');
      expect(operation.description).toContain(DISCOUNT_MESSAGE.zh);
      expect(operation.description).toContain('- on `discount`: `discount >= 0`');
    }
  });
});

describe('formula rules at validation', () => {
  const validate = async (rules: unknown[]) =>
    (await server.request('POST', '/api/v1/meta/validate', { definitions: definitions(rules) })).body.issues as {
      pointer: string;
      keyword: string;
      i18n?: { en: string; zh: string };
      params?: Record<string, unknown>;
    }[];

  it('accepts the rules above', async () => {
    expect(await validate(RULES)).toEqual([]);
  });

  it('points at the rule and the place in its formula, in both languages', async () => {
    const issues = await validate([
      { check: 'discount <= "a"', field: 'discount' },
      { check: 'discont > 0', field: 'discount' },
      { check: 'discount + 1', field: 'discount' },
      { check: 'customer.level = "key"', field: 'discount' },
      { check: 'state = "won"', field: 'discount' },
      { check: 'discount > 0', field: 'nope' },
      { check: 'discount >', field: 'discount' },
    ]);
    const at = (i: number) =>
      issues.filter((issue) => issue.pointer.startsWith(`/x-rules/${i}/`) || issue.pointer === `/x-rules/${i}`);
    expect(at(0)).toEqual([
      expect.objectContaining({ pointer: '/x-rules/0/check', params: { offset: 0, length: 15 } }),
    ]);
    expect(at(0)[0]!.i18n!.zh).toContain('不能比较数字和文本');
    expect(at(1)).toEqual([expect.objectContaining({ pointer: '/x-rules/1/check', params: { offset: 0, length: 7 } })]);
    expect(at(2)[0]!.i18n!.en).toContain('must be TRUE or FALSE');
    expect(at(3)[0]!.i18n!.en).toContain('related record');
    expect(at(4)[0]!.i18n!.zh).toContain('流程状态');
    expect(at(5)).toEqual([expect.objectContaining({ pointer: '/x-rules/5/field' })]);
    expect(at(6)[0]).toMatchObject({ pointer: '/x-rules/6/check', params: { offset: 10 } });
    for (const issue of issues.filter((issue) => issue.i18n)) expect(issue.i18n!.zh).not.toBe(issue.i18n!.en);
  });

  it('refuses a rule written both ways at once (the meta-schema)', async () => {
    const issues = await validate([{ check: 'discount > 0', field: 'discount', rule: 'gt', value: 0 }]);
    expect(issues).toContainEqual(expect.objectContaining({ pointer: '/x-rules/0', keyword: 'oneOf' }));
    expect(issues).toContainEqual(expect.objectContaining({ pointer: '/x-rules/0/check' }));
  });
});
