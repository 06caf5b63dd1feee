import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { FIXTURES } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const folder = mkdtempSync(join(tmpdir(), 'lodestar-reviews-'));
cpSync(join(FIXTURES, 'small-crm'), folder, { recursive: true });
let server: TestServer;
let second: { id: string; auth: { authorization: string } };

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: folder });
  await server.testDb.db.knex('customer').insert([
    { record_type: 'company', name: 'Acme', industry: 'retail', employees: '120', annualRevenue: 5000000 },
    { record_type: 'company', name: 'Beta', industry: 'services', jurisdiction: 'x' },
  ]);
  const { user, token } = await server.userToken({
    email: 'second@lodestar.test',
    displayName: '李审核',
    roles: ['admin'],
  });
  second = { id: user.id, auth: { authorization: `Bearer ${token}` } };
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

const knex = () => server.testDb.db.knex;
const published = async (): Promise<DefinitionSet> =>
  (await server.request('GET', '/api/v1/meta/model')).body.definitions;
const latestVersion = async () => (await server.request('GET', '/api/v1/meta/versions')).body.data[0].version as number;
const saveDraft = async (definitions: DefinitionSet) =>
  expect((await server.request('PUT', '/api/v1/meta/drafts/studio', { definitions })).status).toBe(200);
const customer = (set: DefinitionSet) => set.entities.find((e) => e.$id === 'customer')!;
function without(set: DefinitionSet, field: string): DefinitionSet {
  const copy = structuredClone(set);
  delete customer(copy).properties[field];
  return copy;
}
function withField(set: DefinitionSet, field: string): DefinitionSet {
  const copy = structuredClone(set);
  customer(copy).properties[field] = { type: 'string', title: field, maxLength: 50 };
  return copy;
}
function withSalesRole(set: DefinitionSet, read: 'own' | 'all'): DefinitionSet {
  return {
    ...structuredClone(set),
    roles: {
      roles: {
        sales: {
          title: { zh: '销售', en: 'Sales' },
          entities: {
            customer: { read, create: 'own', update: 'own', delete: 'own' },
            contact: { read: 'own', create: 'own', update: 'own', delete: 'own' },
          },
        },
      },
    },
  } as DefinitionSet;
}
const setReview = async (on: boolean) =>
  expect((await server.request('PUT', '/api/v1/meta/review-settings', { requireReview: on })).body.requireReview).toBe(
    on,
  );

describe('four eyes for risky publishes', () => {
  it('with the setting off (the default), a destructive publish goes through as today', async () => {
    expect((await server.request('GET', '/api/v1/meta/review-settings')).body).toMatchObject({ requireReview: false });
    await saveDraft(without(await published(), 'employees'));
    const result = await server.request('POST', '/api/v1/meta/drafts/studio/publish', { confirmDestructive: true });
    expect(result.status).toBe(201);
    expect(result.body.plan.steps).toEqual([expect.objectContaining({ kind: 'dropColumn', safety: 'destructive' })]);
  });

  it('with it on, a destructive publish is refused 409 with its reasons; adding an optional field publishes', async () => {
    await setReview(true);
    await saveDraft(without(await published(), 'annualRevenue'));
    const before = await latestVersion();
    const refused = await server.request('POST', '/api/v1/meta/drafts/studio/publish', { confirmDestructive: true });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('https://lodestar.dev/problems/review-required');
    expect(refused.body.i18n.zh).toContain('第二位管理员审核');
    expect(refused.body.i18n.zh).toContain('会丢失或改变已有数据');
    expect(refused.body.reasons).toEqual([
      expect.objectContaining({ code: 'dataLoss', items: [expect.objectContaining({ zh: expect.any(String) })] }),
    ]);
    expect(await latestVersion()).toBe(before);
    expect(Number((await knex()('customer').whereNotNull('annualRevenue').count({ n: '*' }))[0]!.n)).toBe(1);

    const status = await server.request('GET', '/api/v1/meta/drafts/studio/review');
    expect(status.body).toMatchObject({ requireReview: true, required: true, latest: null });

    await saveDraft(withField(await published(), 'website'));
    const harmless = await server.request('POST', '/api/v1/meta/drafts/studio/publish', {});
    expect(harmless.status).toBe(201);
    expect(harmless.body.version).toBe(before + 1);
    await knex()('customer').where({ name: 'Acme' }).update({ website: 'acme.example' });
  });

  it('submit → list → self-approval 403 → another admin approves: one version naming both', async () => {
    await saveDraft(withSalesRole(without(await published(), 'annualRevenue'), 'own'));
    const base = await latestVersion();
    const submitted = await server.request('POST', '/api/v1/meta/drafts/studio/review', {
      note: '去掉地区字段，加销售角色',
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      status: 'pending',
      baseVersion: base,
      note: '去掉地区字段，加销售角色',
      submittedBy: { id: server.admin.id, name: 'Admin' },
      reviewedBy: null,
      stale: null,
    });
    expect(submitted.body.reasons.map((r: { code: string }) => r.code)).toEqual(['dataLoss', 'permissions']);
    expect(submitted.body.reasons[1].items).toEqual([{ en: 'adds the role “Sales”', zh: '新增角色“销售”' }]);

    const list = await server.request('GET', '/api/v1/meta/reviews');
    expect(list.body.data.map((r: { id: string }) => r.id)).toEqual([submitted.body.id]);
    const detail = await server.request('GET', `/api/v1/meta/reviews/${submitted.body.id}`);
    expect(detail.body.diff.entities.changed[0].fields.removed).toEqual(['annualRevenue']);
    expect(detail.body.diff.roles.added).toEqual(['sales']);
    expect(detail.body.diff.plan.steps).toEqual([
      expect.objectContaining({ kind: 'dropColumn', safety: 'destructive' }),
    ]);

    const self = await server.request('POST', `/api/v1/meta/reviews/${submitted.body.id}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.i18n.zh).toBe('这项变更是您提交的，需由另一位管理员批准');
    expect(await latestVersion()).toBe(base);

    const approved = await server.request(
      'POST',
      `/api/v1/meta/reviews/${submitted.body.id}/approve`,
      { note: '已核对，地区字段无人使用' },
      second.auth,
    );
    expect(approved.status).toBe(201);
    expect(approved.body.version).toBe(base + 1);
    expect(approved.body.review).toMatchObject({
      status: 'approved',
      version: base + 1,
      submittedBy: { id: server.admin.id, name: 'Admin' },
      reviewedBy: { id: second.id, name: '李审核' },
      note: '去掉地区字段，加销售角色',
      reviewNote: '已核对，地区字段无人使用',
    });
    expect(approved.body.review.reviewedAt).toEqual(expect.any(String));
    const [version] = (await server.request('GET', '/api/v1/meta/versions')).body.data;
    expect(version).toMatchObject({
      version: base + 1,
      source: 'review',
      note: '去掉地区字段，加销售角色',
      published_by: second.id,
    });
    expect((await published()).roles?.roles).toHaveProperty('sales');
    expect(
      await knex()('information_schema.columns').where({ table_name: 'customer', column_name: 'annualRevenue' }),
    ).toEqual([]);
    // The draft was what got published; the approved review is listed by status.
    expect((await server.request('GET', '/api/v1/meta/drafts?id=studio')).body.data).toEqual([]);
    const approvedList = await server.request('GET', '/api/v1/meta/reviews?status=approved');
    expect(approvedList.body.data[0]).toMatchObject({ id: submitted.body.id, version: base + 1 });
    expect((await server.request('GET', '/api/v1/meta/reviews')).body.data).toEqual([]);

    const audit = await knex()('lodestar_audit')
      .where({ entity: 'lodestar.review', record_id: submitted.body.id })
      .orderBy('id');
    expect(audit.map((a) => [a.action, a.changes.status, a.actor_id])).toEqual([
      ['create', [null, 'pending'], server.admin.id],
      ['update', ['pending', 'approved'], second.id],
    ]);
  });

  it('a role gaining a scope is a permission change; the reviewer can return it with a comment', async () => {
    await saveDraft(withSalesRole(await published(), 'all'));
    const refused = await server.request('POST', '/api/v1/meta/drafts/studio/publish', {});
    expect(refused.status).toBe(409);
    expect(refused.body.reasons).toEqual([
      {
        code: 'permissions',
        text: expect.any(Object),
        items: [{ en: 'changes what “Sales” may do', zh: '修改角色“销售”的权限' }],
      },
    ]);
    const submitted = await server.request('POST', '/api/v1/meta/drafts/studio/review', {});
    const empty = await server.request(
      'POST',
      `/api/v1/meta/reviews/${submitted.body.id}/return`,
      { comment: '  ' },
      second.auth,
    );
    expect(empty.status).toBe(422);
    const returned = await server.request(
      'POST',
      `/api/v1/meta/reviews/${submitted.body.id}/return`,
      { comment: '销售不应看到全部客户' },
      second.auth,
    );
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      reviewNote: '销售不应看到全部客户',
      reviewedBy: { id: second.id },
    });
    // The draft stays, and its submitter sees the comment on it.
    const status = await server.request('GET', '/api/v1/meta/drafts/studio/review');
    expect(status.body).toMatchObject({
      required: true,
      latest: { status: 'returned', reviewNote: '销售不应看到全部客户' },
    });
    const again = await server.request('POST', `/api/v1/meta/reviews/${submitted.body.id}/approve`, {}, second.auth);
    expect(again.status).toBe(409);
    const audit = await knex()('lodestar_audit')
      .where({ entity: 'lodestar.review', record_id: submitted.body.id })
      .orderBy('id');
    expect(audit.map((a) => a.detail?.reviewNote ?? null)).toEqual([null, '销售不应看到全部客户']);
  });

  it('a submission whose draft changed afterwards is stale: approval is refused with the reason', async () => {
    const submitted = await server.request('POST', '/api/v1/meta/drafts/studio/review', { note: 'v1' });
    expect(submitted.status).toBe(201);
    await saveDraft(withField(withSalesRole(await published(), 'all'), 'fax'));
    const listed = (await server.request('GET', '/api/v1/meta/reviews')).body.data[0];
    expect(listed.stale.zh).toContain('提交审核后草稿又被修改');
    const before = await latestVersion();
    const refused = await server.request('POST', `/api/v1/meta/reviews/${submitted.body.id}/approve`, {}, second.auth);
    expect(refused.status).toBe(409);
    expect(refused.body.i18n.en).toContain('the draft changed after it was submitted');
    expect(await latestVersion()).toBe(before);
    // A new submission supersedes the stale one.
    const resubmitted = await server.request('POST', '/api/v1/meta/drafts/studio/review', {});
    expect((await server.request('GET', '/api/v1/meta/reviews')).body.data.map((r: { id: string }) => r.id)).toEqual([
      resubmitted.body.id,
    ]);
    expect((await server.request('GET', `/api/v1/meta/reviews/${submitted.body.id}`)).body.review.status).toBe(
      'superseded',
    );
    await server.request('POST', `/api/v1/meta/reviews/${resubmitted.body.id}/return`, { comment: '先不改' });
    await server.request('DELETE', '/api/v1/meta/drafts/studio');
  });

  it('a rollback that loses data needs review too; it goes through review like any draft', async () => {
    const versions = (await server.request('GET', '/api/v1/meta/versions')).body.data as { version: number }[];
    const current = versions[0]!.version;
    // Going back before `website` was added drops its column, which holds a value: data loss.
    const target = versions.find((v) => v.version === 2)!.version;
    const rollback = await server.request('POST', `/api/v1/meta/versions/${target}/rollback`, {});
    expect(rollback.body.steps.some((s: { safety: string }) => s.safety === 'destructive')).toBe(true);
    const refused = await server.request('POST', '/api/v1/meta/drafts/studio/publish', { confirmDestructive: true });
    expect(refused.status).toBe(409);
    expect(refused.body.reasons.map((r: { code: string }) => r.code)).toContain('dataLoss');
    expect(await latestVersion()).toBe(current);
    const submitted = await server.request('POST', '/api/v1/meta/drafts/studio/review', { note: '回滚' });
    const approved = await server.request('POST', `/api/v1/meta/reviews/${submitted.body.id}/approve`, {}, second.auth);
    expect(approved.status).toBe(201);
    expect(approved.body.version).toBe(current + 1);
  });

  it('only administrators reach the review routes, and a template install that loses data needs review', async () => {
    const { token } = await server.userToken({ email: 'staff@lodestar.test', roles: [] });
    const staff = { authorization: `Bearer ${token}` };
    for (const [method, path] of [
      ['GET', '/api/v1/meta/review-settings'],
      ['GET', '/api/v1/meta/reviews'],
      ['POST', '/api/v1/meta/drafts/studio/review'],
    ] as const)
      expect((await server.request(method, path, method === 'POST' ? {} : undefined, staff)).status).toBe(403);

    const template = (await server.request('GET', '/api/v1/meta/template')).body;
    await knex()('customer').where({ name: 'Acme' }).update({ annualRevenue: 1 });
    delete template.schemas['customer.schema.json'].properties.annualRevenue;
    const dry = await server.request('POST', '/api/v1/meta/template/install', { ...template, dryRun: true });
    expect(dry.status).toBe(200);
    const refused = await server.request('POST', '/api/v1/meta/template/install', {
      ...template,
      confirmDestructive: true,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.i18n.zh).toContain('请把模板写入草稿后提交审核');
    await setReview(false);
    const installed = await server.request('POST', '/api/v1/meta/template/install', {
      ...template,
      confirmDestructive: true,
    });
    expect(installed.status).toBe(201);
  });
});
