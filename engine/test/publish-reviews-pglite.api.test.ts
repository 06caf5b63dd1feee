import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { FIXTURES } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The review flow on the embedded PGlite (`npm start`'s database: json columns read back as text, one connection). */
const folder = mkdtempSync(join(tmpdir(), 'lodestar-reviews-pglite-'));
cpSync(join(FIXTURES, 'small-crm'), folder, { recursive: true });
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ kind: 'pglite', definitionsDir: folder });
  await server.testDb.db
    .knex('customer')
    .insert({ record_type: 'company', name: 'Acme', industry: 'retail', employees: '9' });
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

it('refuses a destructive publish, then publishes it once another administrator approves the submission', async () => {
  const { user, token } = await server.userToken({
    email: 'second@lodestar.test',
    displayName: '李审核',
    roles: ['admin'],
  });
  const second = { authorization: `Bearer ${token}` };
  expect((await server.request('PUT', '/api/v1/meta/review-settings', { requireReview: true })).status).toBe(200);
  const definitions = (await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet;
  const next = structuredClone(definitions);
  delete next.entities.find((e) => e.$id === 'customer')!.properties.employees;
  await server.request('PUT', '/api/v1/meta/drafts/studio', { definitions: next });

  const refused = await server.request('POST', '/api/v1/meta/drafts/studio/publish', { confirmDestructive: true });
  expect(refused.status).toBe(409);
  expect(refused.body.reasons.map((r: { code: string }) => r.code)).toEqual(['dataLoss']);

  const submitted = await server.request('POST', '/api/v1/meta/drafts/studio/review', { note: '去掉人数' });
  expect(submitted.status).toBe(201);
  const detail = await server.request('GET', `/api/v1/meta/reviews/${submitted.body.id}`);
  expect(detail.body.diff.plan.steps).toEqual([expect.objectContaining({ kind: 'dropColumn' })]);
  expect((await server.request('POST', `/api/v1/meta/reviews/${submitted.body.id}/approve`, {})).status).toBe(403);
  const approved = await server.request('POST', `/api/v1/meta/reviews/${submitted.body.id}/approve`, {}, second);
  expect(approved.status).toBe(201);
  expect(approved.body.review).toMatchObject({
    status: 'approved',
    version: 2,
    submittedBy: { name: 'Admin' },
    reviewedBy: { id: user.id, name: '李审核' },
  });
  const [version] = (await server.request('GET', '/api/v1/meta/versions')).body.data;
  expect(version).toMatchObject({ version: 2, source: 'review', note: '去掉人数', published_by: user.id });
});
