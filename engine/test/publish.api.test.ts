import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition } from '../src/definitions/entity.js';
import { seedFromFolder } from '../src/store/seed.js';
import { FIXTURES } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const folder = mkdtempSync(join(tmpdir(), 'lodestar-publish-'));
cpSync(join(FIXTURES, 'small-crm'), folder, { recursive: true });
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: folder });
  const knex = server.testDb.db.knex;
  const [acme] = await knex('customer')
    .insert({ record_type: 'company', name: 'Acme', industry: 'retail', employees: '120' })
    .returning('id');
  await knex('customer').insert({
    record_type: 'company',
    name: 'Beta',
    industry: 'services',
    employees: 'about 50',
    parent: acme.id,
  });
  await knex('contact').insert({ name: 'Li Lei', customer: acme.id });
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

const columnsOf = async (table: string) =>
  (
    await server.testDb.db
      .knex('information_schema.columns')
      .where({ table_name: table })
      .select('column_name', 'data_type')
  )
    .map((c: { column_name: string; data_type: string }) => `${c.column_name}:${c.data_type}`)
    .sort();

async function currentSet(): Promise<DefinitionSet> {
  return (await server.request('GET', '/api/v1/meta/model')).body.definitions;
}

function editCustomer(set: DefinitionSet, edit: (customer: EntityDefinition) => void): DefinitionSet {
  const copy = structuredClone(set);
  edit(copy.entities.find((e) => e.$id === 'customer')!);
  return copy;
}

async function publishDraft(set: DefinitionSet, body: Record<string, unknown> = {}) {
  const put = await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set });
  expect(put.status).toBe(200);
  const plan = await server.request('POST', '/api/v1/meta/drafts/main/plan');
  const published = await server.request('POST', '/api/v1/meta/drafts/main/publish', body);
  return { plan, published };
}

describe('definitions in the database', () => {
  it('lists the workflow library (guards and actions with their params schemas) for administrators only', async () => {
    const library = await server.request('GET', '/api/v1/meta/library');
    expect(library.status).toBe(200);
    const requireFields = library.body.guards.find((g: { name: string }) => g.name === 'requireFields');
    expect(requireFields.params).toMatchObject({ type: 'object', required: ['fields'] });
    expect(library.body.actions.map((a: { name: string }) => a.name)).toContain('setField');
    const { token } = await server.userToken({ email: 'rep@example.com', roles: [] });
    expect(
      (await server.request('GET', '/api/v1/meta/library', undefined, { authorization: `Bearer ${token}` })).status,
    ).toBe(403);
  });

  it('seeds version 1 from the folder at first start', async () => {
    const versions = await server.request('GET', '/api/v1/meta/versions');
    expect(versions.body.data.map((v: { version: number; source: string }) => [v.version, v.source])).toEqual([
      [1, 'folder'],
    ]);
    expect(await columnsOf('contact')).toContain('customer:uuid');
  });

  it('re-seeding an unchanged folder is a no-op; a changed folder produces a plan without applying it', async () => {
    const knex = server.testDb.db.knex;
    expect(await seedFromFolder(knex, folder, { apply: 'always' })).toEqual({ status: 'unchanged', version: 1 });
    const file = join(folder, 'schemas/contact.schema.json');
    const contact = JSON.parse(readFileSync(file, 'utf8'));
    contact.properties.phone = { type: 'string', format: 'phone' };
    writeFileSync(file, JSON.stringify(contact));
    const result = await seedFromFolder(knex, folder, { apply: 'never' });
    expect(result.status).toBe('planned');
    expect(result.status === 'planned' && result.plan.steps.map((s) => s.kind)).toEqual(['addColumn']);
    expect(await columnsOf('contact')).not.toContain('phone:character varying');
  });

  it('publishes an added field as a safe step and version N+1, reachable without restart', async () => {
    const set = editCustomer(await currentSet(), (c) => (c.properties.website = { type: 'string', format: 'uri' }));
    const { plan, published } = await publishDraft(set, { note: 'add website' });
    expect(plan.body.steps).toEqual([
      expect.objectContaining({ kind: 'addColumn', table: 'customer', safety: 'safe' }),
    ]);
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(2);
    expect(await columnsOf('customer')).toContain('website:text');
    expect((await server.request('GET', '/api/v1/meta/model')).body.version).toBe(2);
  });

  it('renames a field declared with x-renamedFrom and keeps its values', async () => {
    const set = editCustomer(await currentSet(), (c) => {
      c.properties.headcount = { ...c.properties.employees!, 'x-renamedFrom': 'employees' };
      delete c.properties.employees;
    });
    const { plan, published } = await publishDraft(set);
    expect(plan.body.steps.map((s: { kind: string }) => s.kind)).toEqual(['renameColumn']);
    expect(published.status).toBe(201);
    const rows = await server.testDb.db.knex('customer').orderBy('name').pluck('headcount');
    expect(rows).toEqual(['120', 'about 50']);
  });

  it('refuses a destructive retype until confirmed, naming the rows, then converts what it can', async () => {
    const set = editCustomer(await currentSet(), (c) => (c.properties.headcount = { type: 'integer', minimum: 0 }));
    const before = await columnsOf('customer');
    const { plan, published } = await publishDraft(set);
    expect(plan.body.steps).toEqual([expect.objectContaining({ kind: 'alterType', safety: 'destructive', rows: 1 })]);
    expect(published.status).toBe(409);
    expect(published.body.type).toMatch(/confirmation-required/);
    expect(await columnsOf('customer')).toEqual(before);
    const confirmed = await server.request('POST', '/api/v1/meta/drafts/main/publish', { confirmDestructive: true });
    expect(confirmed.status).toBe(201);
    const rows = await server.testDb.db.knex('customer').orderBy('name').pluck('headcount');
    expect(rows).toEqual([120, null]);
  });

  it('rejects an invalid draft with every issue and changes nothing', async () => {
    const version = (await server.request('GET', '/api/v1/meta/model')).body.version;
    const set = editCustomer(await currentSet(), (c) => {
      c['x-entity'].titleField = 'nope';
      c.properties.region = { type: 'string', 'x-relation': { entity: 'ghost' } };
    });
    const { plan, published } = await publishDraft(set);
    for (const response of [plan, published]) {
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ pointer: '/x-entity/titleField', keyword: 'unknownField' }),
          expect.objectContaining({ pointer: '/properties/region/x-relation/entity', keyword: 'unknownEntity' }),
        ]),
      );
    }
    expect((await server.request('GET', '/api/v1/meta/model')).body.version).toBe(version);
  });

  it('refuses to publish a draft based on an older version', async () => {
    const set = await currentSet();
    await server.request('PUT', '/api/v1/meta/drafts/old', { definitions: set, baseVersion: 1 });
    const response = await server.request('POST', '/api/v1/meta/drafts/old/publish', {});
    expect(response.status).toBe(409);
  });

  it('keeps every published version with its plan', async () => {
    const versions = (await server.request('GET', '/api/v1/meta/versions')).body.data;
    expect(versions[0].version).toBeGreaterThanOrEqual(4);
    const v2 = (await server.request('GET', '/api/v1/meta/versions/2')).body;
    expect(v2.plan.steps[0]).toMatchObject({ kind: 'addColumn' });
    expect(v2.note).toBe('add website');
  });
});

describe('stored definitions', () => {
  it('keep the authored property order, which is the form order', async () => {
    const customer = (await currentSet()).entities.find((e) => e.$id === 'customer')!;
    expect(Object.keys(customer.properties).slice(0, 3)).toEqual(['name', 'industry', 'region']);
  });
});

describe('GET /meta/entities', () => {
  it('reports each field kind as the engine decides it', async () => {
    const { body } = await server.request('GET', '/api/v1/meta/entities');
    expect(body.kinds.customer).toMatchObject({
      name: 'text',
      industry: 'choice',
      annualRevenue: 'money',
      parent: 'manyToOne',
    });
    expect(body.kinds.contact).toMatchObject({ customer: 'manyToOne' });
  });
});

describe('roles in the definition set', () => {
  const roles = {
    roles: {
      sales: {
        title: { zh: '销售代表', en: 'Salesperson' },
        entities: {
          customer: { read: 'own', create: 'own', update: 'own', fields: { industry: 'readOnly' } },
          contact: { read: 'own' },
        },
      },
    },
  };

  it('publishes a roles-only change as version N+1 with no database steps, and keeps the roles', async () => {
    const before = (await server.request('GET', '/api/v1/meta/model')).body.version as number;
    const columns = await columnsOf('customer');
    const { plan, published } = await publishDraft({ ...(await currentSet()), roles } as DefinitionSet, {
      note: 'add roles',
    });
    expect(plan.status).toBe(200);
    expect(plan.body).toEqual({ baseVersion: before, steps: [] });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: before + 1, plan: { baseVersion: before, steps: [] } });
    expect(await columnsOf('customer')).toEqual(columns);
    const model = (await server.request('GET', '/api/v1/meta/model')).body;
    expect(model.version).toBe(before + 1);
    expect(model.definitions.roles).toEqual(roles);
    expect((await server.request('GET', `/api/v1/meta/versions/${before + 1}`)).body.definitions.roles).toEqual(roles);
  });

  it('publishes a change of one scope as a new version too, and rejects a role naming an unknown field', async () => {
    const set = await currentSet();
    expect(set.roles).toEqual(roles);
    const wider = structuredClone(set);
    wider.roles!.roles.sales!.entities.customer!.read = 'team';
    const { published } = await publishDraft(wider);
    expect(published.status).toBe(201);
    expect((await currentSet()).roles?.roles.sales?.entities.customer?.read).toBe('team');

    const broken = structuredClone(wider);
    broken.roles!.roles.sales!.entities.customer!.fields = { ghost: 'hidden' };
    const rejected = await publishDraft(broken);
    expect(rejected.published.status).toBe(422);
    expect(rejected.published.body.issues).toEqual([
      expect.objectContaining({
        file: 'roles.json',
        pointer: '/roles/sales/entities/customer/fields/ghost',
        keyword: 'unknownField',
      }),
    ]);
  });

  it('seeds a folder whose only change is roles.json as a new version with no database steps', async () => {
    const knex = server.testDb.db.knex;
    // First make the folder hold exactly the published set, so roles.json is all that differs next.
    const current = await currentSet();
    for (const entity of current.entities)
      writeFileSync(join(folder, `schemas/${entity.$id}.schema.json`), JSON.stringify(entity));
    writeFileSync(join(folder, 'roles.json'), JSON.stringify(current.roles));
    const before = (await server.request('GET', '/api/v1/meta/model')).body.version as number;
    expect(await seedFromFolder(knex, folder, { apply: 'always' })).toEqual({ status: 'unchanged', version: before });

    const changed = structuredClone(current.roles!);
    changed.roles.sales!.entities.contact = { read: 'team', update: 'own' };
    writeFileSync(join(folder, 'roles.json'), JSON.stringify(changed));
    const result = await seedFromFolder(knex, folder, { apply: 'always' });
    expect(result).toEqual({ status: 'published', version: before + 1, plan: { baseVersion: before, steps: [] } });
    // Seeded behind the server's back: read the stored version (the model cache catches up on its own).
    expect((await server.request('GET', `/api/v1/meta/versions/${before + 1}`)).body.definitions.roles).toEqual(
      changed,
    );
    expect(await seedFromFolder(knex, folder, { apply: 'always' })).toEqual({
      status: 'unchanged',
      version: before + 1,
    });
  });
});
