import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { FieldDefinition } from '../src/definitions/entity.js';
import { FIXTURES } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const folder = mkdtempSync(join(tmpdir(), 'lodestar-versions-'));
cpSync(join(FIXTURES, 'small-crm'), folder, { recursive: true });
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: folder });
  await server.testDb.db.knex('customer').insert([
    { record_type: 'company', name: 'Acme', industry: 'retail', employees: '120' },
    { record_type: 'company', name: 'Beta', industry: 'services' },
  ]);
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

const knex = () => server.testDb.db.knex;
const versionCount = async () => Number((await knex()('lodestar_model_versions').count({ n: '*' }))[0]!.n);
const columnsOf = async (table: string) =>
  (await knex()('information_schema.columns').where({ table_name: table }).pluck('column_name')).sort();
const published = async (): Promise<DefinitionSet> =>
  (await server.request('GET', '/api/v1/meta/model')).body.definitions;

function withCustomerField(set: DefinitionSet, name: string, field: FieldDefinition): DefinitionSet {
  const copy = structuredClone(set);
  copy.entities.find((e) => e.$id === 'customer')!.properties[name] = field;
  return copy;
}

describe('version diff and rollback', () => {
  it('publishes v2 adding a field, and the diff of v1 → v2 names it, with the table step', async () => {
    await server.request('PUT', '/api/v1/meta/drafts/main', {
      definitions: withCustomerField(await published(), 'website', { type: 'string', format: 'uri' }),
    });
    expect(
      (await server.request('POST', '/api/v1/meta/drafts/main/publish', { note: 'add website' })).body.version,
    ).toBe(2);
    await knex()('customer').where({ name: 'Acme' }).update({ website: 'https://acme.example' });

    const diff = await server.request('GET', '/api/v1/meta/versions/1/diff/2');
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      from: 1,
      to: 2,
      entities: {
        added: [],
        removed: [],
        changed: [
          {
            id: 'customer',
            fields: { added: ['website'], removed: [], changed: [] },
            recordTypes: { added: [], removed: [], changed: [] },
            other: [],
          },
        ],
      },
      workflows: { added: [], removed: [], changed: [] },
      roles: { added: [], removed: [], changed: [] },
    });
    expect(diff.body.plan.steps).toEqual([
      expect.objectContaining({ kind: 'addColumn', table: 'customer', safety: 'safe' }),
    ]);
    const backwards = await server.request('GET', '/api/v1/meta/versions/2/diff/1');
    expect(backwards.body.entities.changed[0].fields.removed).toEqual(['website']);
  });

  it('answers 404 for an unknown version and 403 for a non-admin', async () => {
    expect((await server.request('GET', '/api/v1/meta/versions/1/diff/99')).status).toBe(404);
    expect((await server.request('GET', '/api/v1/meta/versions/x/diff/1')).status).toBe(404);
    expect((await server.request('POST', '/api/v1/meta/versions/99/rollback')).status).toBe(404);
    const { token } = await server.userToken({ email: 'staff@lodestar.test', roles: [] });
    for (const [method, path] of [
      ['GET', '/api/v1/meta/versions/1/diff/2'],
      ['POST', '/api/v1/meta/versions/1/rollback'],
      ['GET', '/api/v1/meta/template'],
      ['POST', '/api/v1/meta/template/install'],
    ] as const) {
      expect(
        (await server.request(method, path, method === 'POST' ? {} : undefined, { authorization: `Bearer ${token}` }))
          .status,
      ).toBe(403);
    }
  });

  it('rolls back to v1 through the studio draft: the plan shows the dropColumn with its rows, and publishing needs confirmation', async () => {
    const rollback = await server.request('POST', '/api/v1/meta/versions/1/rollback');
    expect(rollback.status).toBe(200);
    expect(rollback.body).toMatchObject({ draft: 'studio', rollbackTo: 1, baseVersion: 2 });
    expect(rollback.body.steps).toEqual([
      expect.objectContaining({
        kind: 'dropColumn',
        table: 'customer',
        column: 'website',
        safety: 'destructive',
        rows: 1,
      }),
    ]);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body;
    expect(draft.base_version).toBe(2);
    expect(draft.definitions).toEqual((await server.request('GET', '/api/v1/meta/versions/1')).body.definitions);
    // Nothing changed yet: the rollback only wrote a draft.
    expect(await versionCount()).toBe(2);

    const refused = await server.request('POST', '/api/v1/meta/drafts/studio/publish', {});
    expect(refused.status).toBe(409);
    expect(await columnsOf('customer')).toContain('website');

    const confirmed = await server.request('POST', '/api/v1/meta/drafts/studio/publish', {
      confirmDestructive: true,
      note: 'roll back to 1',
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.version).toBe(3);
    const [v1, v3] = [
      (await server.request('GET', '/api/v1/meta/versions/1')).body,
      (await server.request('GET', '/api/v1/meta/versions/3')).body,
    ];
    expect(v3.hash).toBe(v1.hash);
    expect(v3.definitions).toEqual(v1.definitions);
    expect(await columnsOf('customer')).not.toContain('website');
    expect(await knex()('customer').orderBy('name').select('name', 'industry', 'employees')).toEqual([
      { name: 'Acme', industry: 'retail', employees: '120' },
      { name: 'Beta', industry: 'services', employees: null },
    ]);
    const diff = await server.request('GET', '/api/v1/meta/versions/1/diff/3');
    expect(diff.body.entities).toEqual({ added: [], removed: [], changed: [], titles: {} });
  });
});

describe('templates over HTTP', () => {
  it('exports the published model as a template document', async () => {
    const template = (await server.request('GET', '/api/v1/meta/template?name=small-crm&version=1.0.0')).body;
    expect(template.manifest).toEqual({
      name: 'small-crm',
      version: '1.0.0',
      exportedFrom: { modelVersion: 3, hash: expect.any(String) },
    });
    expect(Object.keys(template.schemas)).toEqual(['contact.schema.json', 'customer.schema.json']);
    expect(template.workflows).toEqual({});
    expect((await server.request('GET', '/api/v1/meta/template?version=latest')).status).toBe(422);
  });

  it('rejects a broken template with every issue, changing nothing', async () => {
    const template = (await server.request('GET', '/api/v1/meta/template')).body;
    template.manifest.version = 'one';
    template.schemas['customer.schema.json'].required = ['name', 'ghost'];
    template.schemas['contact.schema.json'].properties.customer['x-relation'].entity = 'nobody';
    template.workflows['sales.workflow.json'] = {
      id: 'sales',
      initial: 'lead',
      meta: { entity: 'customer' },
      states: { lead: { on: { GO: 'nowhere' } } },
    };
    template.roles = { roles: { clerk: { title: 'Clerk', entities: { invoice: { read: 'all' } } } } };
    const before = { versions: await versionCount(), columns: await columnsOf('customer') };
    const response = await server.request('POST', '/api/v1/meta/template/install', {
      ...template,
      confirmDestructive: true,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const seen = response.body.issues.map((i: { file: string; pointer: string }) => `${i.file} ${i.pointer}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'template.json /version',
        'schemas/customer.schema.json /required/1',
        'schemas/contact.schema.json /properties/customer/x-relation/entity',
        'workflows/sales.workflow.json /states/lead/on/GO',
        'roles.json /roles/clerk/entities/invoice',
      ]),
    );
    expect({ versions: await versionCount(), columns: await columnsOf('customer') }).toEqual(before);
  });

  it('plans an upgraded template on a dry run, then installs it as the next version recorded with its name and version', async () => {
    const template = (await server.request('GET', '/api/v1/meta/template?name=small-crm&version=1.1.0')).body;
    template.schemas['contact.schema.json'].properties.phone = { type: 'string', title: 'Phone' };
    const dry = await server.request('POST', '/api/v1/meta/template/install', { ...template, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      status: 'planned',
      template: { name: 'small-crm', version: '1.1.0' },
      plan: { baseVersion: 3 },
    });
    expect(dry.body.plan.steps).toEqual([
      expect.objectContaining({ kind: 'addColumn', table: 'contact', safety: 'safe' }),
    ]);
    expect(await versionCount()).toBe(3);

    const installed = await server.request('POST', '/api/v1/meta/template/install', template);
    expect(installed.status).toBe(201);
    expect(installed.body).toMatchObject({
      status: 'published',
      version: 4,
      template: { name: 'small-crm', version: '1.1.0' },
    });
    expect(await columnsOf('contact')).toContain('phone');
    const v4 = (await server.request('GET', '/api/v1/meta/versions/4')).body;
    expect(v4).toMatchObject({ source: 'template', note: 'template small-crm@1.1.0' });
    expect(await knex()('lodestar_seeds').where({ source: 'template:small-crm' }).first('version', 'hash')).toEqual({
      version: 4,
      hash: v4.hash,
    });
    expect((await server.request('GET', '/api/v1/meta/model')).body.version).toBe(4);
    // The export now defaults to the installed template; installing it again changes nothing.
    const again = (await server.request('GET', '/api/v1/meta/template')).body;
    expect(again.manifest).toMatchObject({ name: 'small-crm', version: '1.1.0' });
    const rerun = await server.request('POST', '/api/v1/meta/template/install', again);
    expect(rerun.body).toMatchObject({
      status: 'unchanged',
      version: 4,
      previous: { name: 'small-crm', version: '1.1.0' },
    });
  });
});
