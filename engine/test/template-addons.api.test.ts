import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT } from './support/paths.js';
import { startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/*
 * Add-on templates over HTTP against PostgreSQL: the standard CRM (the repo root's definitions) with records
 * in it, then two add-ons from the shipped gallery and as a JSON document, an upgrade of one, and the
 * conflicts an add-on must not get through. The engine's definitions folder is a copy of the repo root
 * whose templates/ holds the two fixture add-ons.
 */
const definitions = mkdtempSync(join(tmpdir(), 'lodestar-addons-'));
for (const part of ['schemas', 'workflows', 'roles.json', 'template.json'])
  cpSync(join(REPO_ROOT, part), join(definitions, part), { recursive: true });
for (const addon of ['competitors', 'campaigns'])
  cpSync(join(FIXTURES, 'addons', addon), join(definitions, 'templates', addon), { recursive: true });

let server: TestServer;
let customer: string;
let opportunity: string;

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: definitions });
  customer = (
    await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: '华东精密机械有限公司',
      industry: 'manufacturing',
    })
  ).body.id;
  opportunity = (await server.request('POST', '/api/v1/records/opportunity', { name: '数控机床改造', customer })).body
    .id;
});
afterAll(async () => {
  await server?.close();
  rmSync(definitions, { recursive: true, force: true });
});

const knex = () => server.testDb.db.knex;
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);

/** The problems of an answer against the schema the served OpenAPI document gives it (closed objects). */
async function misfits(method: string, path: string, response: TestResponse): Promise<unknown[]> {
  const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
  const schema = doc.paths[path]?.[method]?.responses[String(response.status)]?.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${path} ${response.status} is not documented`];
  const validate = ajv.compile({ ...schema, components: doc.components });
  return validate(response.body) ? [] : validate.errors!;
}
const versionCount = async () => Number((await knex()('lodestar_model_versions').count({ n: '*' }))[0]!.n);
const columnsOf = async (table: string) =>
  knex()('information_schema.columns').where({ table_name: table }).pluck('column_name');
const versionOf = async (entity: string, id: string): Promise<number> =>
  (await server.request('GET', `/api/v1/records/${entity}/${id}`)).body.version;
const installed = async () => (await server.request('GET', '/api/v1/meta/templates')).body.data;

/** A template folder as the JSON document POST /meta/template/install takes. */
function templateJson(folder: string, edit: (doc: Record<string, Record<string, unknown>>) => void = () => {}) {
  const read = (path: string) => JSON.parse(readFileSync(join(folder, path), 'utf8'));
  const files = (dir: string, suffix: string) =>
    Object.fromEntries(
      readdirSync(join(folder, dir), { withFileTypes: true })
        .filter((f) => f.name.endsWith(suffix))
        .map((f) => [f.name, read(`${dir}/${f.name}`)]),
    );
  const doc = {
    manifest: read('template.json'),
    schemas: files('schemas', '.schema.json'),
    extensions: files('schemas', '.extend.json'),
    workflows: (() => {
      try {
        return files('workflows', '.workflow.json');
      } catch {
        return {};
      }
    })(),
    roles: read('roles.json'),
  };
  edit(doc);
  return doc;
}

describe('add-on templates on the standard CRM', () => {
  it('the standard CRM is the installed model, and the gallery lists the shipped add-ons as not installed', async () => {
    expect(await installed()).toEqual([
      expect.objectContaining({ name: 'lodestar-standard', version: '1.0.0', kind: 'model', modelVersion: 1 }),
    ]);
    const shipped = await server.request('GET', '/api/v1/meta/templates/shipped');
    expect(shipped.status).toBe(200);
    expect(shipped.body.data).toEqual([
      expect.objectContaining({
        folder: 'campaigns',
        name: 'campaigns',
        kind: 'addon',
        extends: ['lodestar-standard'],
        title: { zh: '市场活动', en: 'Campaigns' },
      }),
      expect.objectContaining({ folder: 'competitors', name: 'competitors', version: '1.0.0', kind: 'addon' }),
    ]);
    expect(shipped.body.data[1]).not.toHaveProperty('installedVersion');
  });

  it('a dry run lists what the add-on adds and changes nothing', async () => {
    const dry = await server.request('POST', '/api/v1/meta/templates/shipped/competitors/install', { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      status: 'planned',
      template: { name: 'competitors', version: '1.0.0' },
      extends: ['lodestar-standard'],
    });
    const texts = dry.body.plan.steps.map((s: { text: { en: string } }) => s.text.en);
    expect(texts.join('\n')).toMatch(/competitor/i);
    expect(dry.body.plan.steps.every((s: { safety: string }) => s.safety !== 'destructive')).toBe(true);
    expect(await versionCount()).toBe(1);
  });

  it('installs competitors from the gallery: the records stay, the new entity, relation and field work', async () => {
    const done = await server.request('POST', '/api/v1/meta/templates/shipped/competitors/install', {});
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'published', version: 2 });
    expect(done.body).not.toHaveProperty('previous');
    expect((await knex()('lodestar_model_versions').where({ version: 2 }).first()).note).toBe(
      'add-on competitors@1.0.0',
    );
    expect(await columnsOf('customer')).toContain('incumbentVendor');
    const rival = await server.request('POST', '/api/v1/records/competitor', { name: '蓝星数控' });
    expect(rival.status).toBe(201);
    const linked = await server.request('PATCH', `/api/v1/records/opportunity/${opportunity}`, {
      competitors: [rival.body.id],
      version: await versionOf('opportunity', opportunity),
    });
    expect(linked.status).toBe(200);
    const patched = await server.request('PATCH', `/api/v1/records/customer/${customer}`, {
      incumbentVendor: '德玛吉',
      version: await versionOf('customer', customer),
    });
    expect(patched.status).toBe(200);
    expect((await server.request('GET', `/api/v1/records/customer/${customer}`)).body.name).toBe(
      '华东精密机械有限公司',
    );
    expect(await installed()).toEqual([
      expect.objectContaining({ name: 'lodestar-standard', kind: 'model' }),
      expect.objectContaining({ name: 'competitors', version: '1.0.0', kind: 'addon', modelVersion: 2 }),
    ]);
  });

  it('installs campaigns as a JSON document on top: both add-ons installed, its workflow and role grants work', async () => {
    const done = await server.request(
      'POST',
      '/api/v1/meta/template/install',
      templateJson(join(FIXTURES, 'addons/campaigns')),
    );
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'published', version: 3, template: { name: 'campaigns' } });
    expect((await installed()).map((t: { name: string }) => t.name)).toEqual([
      'lodestar-standard',
      'competitors',
      'campaigns',
    ]);
    const { token } = await server.userToken({ email: 'mkt@lodestar.test', roles: ['marketing'] });
    const campaign = await server.request(
      'POST',
      '/api/v1/records/campaign',
      { name: '春季新品发布会', budget: 50000 },
      { authorization: `Bearer ${token}` },
    );
    expect(campaign.status).toBe(201);
    expect(campaign.body.state).toBe('planned');
    const opp = await server.request('PATCH', `/api/v1/records/opportunity/${opportunity}`, {
      campaign: campaign.body.id,
      version: await versionOf('opportunity', opportunity),
    });
    expect(opp.status).toBe(200);
    expect(opp.body.competitors).toHaveLength(1);
    const listed = await server.request('GET', '/api/v1/meta/templates/shipped');
    expect(listed.body.data.map((t: { installedVersion?: string }) => t.installedVersion)).toEqual(['1.0.0', '1.0.0']);
    // The answers are what the OpenAPI document (and the apps' generated types) promise.
    expect(await misfits('get', '/meta/templates/shipped', listed)).toEqual([]);
    expect(await misfits('get', '/meta/templates', await server.request('GET', '/api/v1/meta/templates'))).toEqual([]);
    expect(await misfits('post', '/meta/template/install', done)).toEqual([]);
  });

  it('installing the same release again changes nothing', async () => {
    const again = await server.request('POST', '/api/v1/meta/templates/shipped/campaigns/install', {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'unchanged', version: 3, previous: { version: '1.0.0' } });
    expect(await versionCount()).toBe(3);
  });

  it('refuses conflicts with file and pointer in both languages, and publishes nothing', async () => {
    const rival = templateJson(join(FIXTURES, 'addons/competitors'), (doc) => {
      doc.manifest!.name = 'rival';
      doc.manifest!.extends = ['lodestar-standard', 'lodestar-marketing'];
      doc.schemas = { 'campaign.schema.json': doc.schemas!['competitor.schema.json'] };
      (doc.schemas['campaign.schema.json'] as { $id: string }).$id = 'campaign';
      doc.extensions = {
        'customer.extend.json': { $id: 'customer', properties: { campaign: { type: 'string', maxLength: 20 } } },
        'opportunity.extend.json': { $id: 'opportunity', properties: { name: { type: 'string' } } },
      };
      doc.roles = { roles: { salesperson: { title: '销售', entities: {} } } };
    });
    const refused = await server.request('POST', '/api/v1/meta/template/install', rival);
    expect(refused.status).toBe(422);
    const issues = refused.body.issues as { file: string; pointer: string; keyword: string; i18n: { zh: string } }[];
    const where = issues.map((i) => `${i.file} ${i.pointer} ${i.keyword}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'template.json /extends/1 extendsMissing',
        'schemas/campaign.schema.json /$id addonConflict',
        'schemas/customer.extend.json /properties/campaign addonConflict',
        'schemas/opportunity.extend.json /properties/name addonConflict',
        'roles.json /roles/salesperson/title addonRole',
      ]),
    );
    const field = issues.find((i) => i.pointer === '/properties/campaign')!;
    expect(field.i18n.zh).toContain('附加模板 campaigns@1.0.0');
    expect(issues.find((i) => i.pointer === '/extends/1')!.i18n.zh).toContain('lodestar-marketing');

    const badShape = templateJson(join(FIXTURES, 'addons/competitors'), (doc) => {
      doc.manifest!.version = '1.0.1';
      Object.assign(doc.extensions!['customer.extend.json'] as object, {
        title: 'Kunde',
        'x-rules': { field: 'name' },
      });
    });
    const shape = await server.request('POST', '/api/v1/meta/template/install', badShape);
    expect(shape.status).toBe(422);
    expect(shape.body.issues).toHaveLength(2);
    expect(shape.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'schemas/customer.extend.json',
          pointer: '/title',
          keyword: 'additionalProperties',
        }),
        expect.objectContaining({ file: 'schemas/customer.extend.json', pointer: '/x-rules', keyword: 'type' }),
      ]),
    );
    expect(await versionCount()).toBe(3);
  });

  it('upgrades competitors 1.0.0 → 1.1.0: what the new release drops is dropped (confirmed), the rest and campaigns stay', async () => {
    const folder = join(definitions, 'templates/competitors');
    const edit = (file: string, change: (value: Record<string, unknown>) => void) => {
      const value = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      change(value);
      writeFileSync(join(folder, file), JSON.stringify(value, null, 2));
    };
    edit('template.json', (m) => (m.version = '1.1.0'));
    edit('schemas/competitor.schema.json', (s) =>
      Object.assign(s.properties as object, {
        website: {
          type: 'string',
          format: 'uri',
          title: 'Website',
          'x-i18n': { title: { zh: '网站', en: 'Website' } },
        },
      }),
    );
    rmSync(join(folder, 'schemas/customer.extend.json'));

    const planned = await server.request('POST', '/api/v1/meta/templates/shipped/competitors/install', {
      dryRun: true,
    });
    expect(planned.body).toMatchObject({ status: 'planned', previous: { name: 'competitors', version: '1.0.0' } });
    const destructive = planned.body.plan.steps.filter((s: { safety: string }) => s.safety === 'destructive');
    expect(destructive.map((s: { text: { en: string } }) => s.text.en).join('\n')).toMatch(
      /incumbentVendor|Current supplier/,
    );

    const refused = await server.request('POST', '/api/v1/meta/templates/shipped/competitors/install', {});
    expect(refused.status).toBe(409);
    expect(await columnsOf('customer')).toContain('incumbentVendor');

    const done = await server.request('POST', '/api/v1/meta/templates/shipped/competitors/install', {
      confirmDestructive: true,
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'published', version: 4, previous: { version: '1.0.0' } });
    expect(await columnsOf('customer')).not.toContain('incumbentVendor');
    expect(await columnsOf('competitor')).toContain('website');
    const opp = (await server.request('GET', `/api/v1/records/opportunity/${opportunity}`)).body;
    expect(opp.competitors).toHaveLength(1);
    expect(opp.campaign).toBeTruthy();
    expect(await installed()).toEqual([
      expect.objectContaining({ name: 'lodestar-standard' }),
      expect.objectContaining({ name: 'campaigns', version: '1.0.0' }),
      expect.objectContaining({ name: 'competitors', version: '1.1.0', modelVersion: 4 }),
    ]);
  });

  it('the export is still the whole model, add-ons included, and a shipped name outside templates/ is 404', async () => {
    const exported = (await server.request('GET', '/api/v1/meta/template')).body;
    expect(Object.keys(exported.schemas)).toEqual(
      expect.arrayContaining(['campaign.schema.json', 'competitor.schema.json']),
    );
    expect(exported).not.toHaveProperty('extensions');
    expect(exported.schemas['opportunity.schema.json'].properties).toHaveProperty('campaign');
    expect((await server.request('POST', '/api/v1/meta/templates/shipped/..%2Fschemas/install', {})).status).toBe(404);
    expect((await server.request('POST', '/api/v1/meta/templates/shipped/nothing/install', {})).status).toBe(404);
  });

  it('a rollback to the model before the add-ons takes them out of what the model is made of', async () => {
    const rollback = await server.request('POST', '/api/v1/meta/versions/1/rollback', {});
    expect(rollback.status).toBe(200);
    const published = await server.request('POST', '/api/v1/meta/drafts/studio/publish', { confirmDestructive: true });
    expect(published.status).toBe(201);
    expect(await installed()).toEqual([expect.objectContaining({ name: 'lodestar-standard', kind: 'model' })]);
    const shipped = (await server.request('GET', '/api/v1/meta/templates/shipped')).body.data;
    expect(shipped.every((t: object) => !('installedVersion' in t))).toBe(true);
    // Installed again, competitors is a fresh install (nothing to upgrade from).
    const again = await server.request('POST', '/api/v1/meta/templates/shipped/competitors/install', { dryRun: true });
    expect(again.body.status).toBe('planned');
    expect(again.body).not.toHaveProperty('previous');
  });
});
