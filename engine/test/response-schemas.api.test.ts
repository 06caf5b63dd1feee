import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/*
 * The response schemas of the routes the apps read are what the generated client types promise, so they must
 * not lie: real answers of a real engine (a draft that adds, changes and drops things, its plan, the publish,
 * the diff, a rollback, a template install…) are validated against the schemas the served OpenAPI document
 * gives them. The schemas are closed objects, so an answer member nobody documented fails too.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);

let server: TestServer;
let doc: any;

beforeAll(async () => {
  server = await startTestServer();
  doc = (await server.request('GET', '/api/v1/openapi.json')).body;
});
afterAll(async () => {
  await server?.close();
});

/** The problems of an answer against the schema the document gives `method path` for its status; none when it fits. */
function problemsOf(method: string, path: string, response: TestResponse): string[] {
  const operation = doc.paths[path]?.[method];
  if (!operation) return [`${method} ${path} is not documented`];
  const schema = operation.responses[String(response.status)]?.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${path} documents no JSON answer for ${response.status}`];
  const validate = ajv.compile({ ...schema, components: doc.components });
  return validate(response.body)
    ? []
    : validate.errors!.map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

/** The problems of a value against one component schema (a core type shared by every entity's routes). */
function componentProblems(name: string, value: unknown): string[] {
  const validate = ajv.compile({ $ref: `#/components/schemas/${name}`, components: doc.components });
  return validate(value)
    ? []
    : validate.errors!.map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

/** Calls a route as the administrator and expects `status` with an answer its documented schema accepts. */
async function documented(method: string, path: string, status: number, url: string, body?: unknown) {
  const response = await server.request(method.toUpperCase(), `/api/v1${url}`, body);
  expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBe(status);
  expect(problemsOf(method, path, response), `${method} ${url}`).toEqual([]);
  return response.body;
}

/** The published set with something of every kind changed: fields added, retyped, required and dropped, a new
 *  entity with both kinds of relation, a workflow state and a role changed. */
function changed(set: DefinitionSet): DefinitionSet {
  const next = structuredClone(set);
  const customer = next.entities.find((e) => e.$id === 'customer')!;
  customer.properties.fax = { type: 'string', title: 'Fax', maxLength: 40 };
  customer.properties.tier = { type: 'string', title: 'Tier', enum: ['a', 'b'], default: 'a' };
  customer.required = [...(customer.required ?? []), 'tier'];
  (customer.properties.shortName as { maxLength: number }).maxLength = 80;
  delete customer.properties.registeredCapital;
  const company = customer['x-entity'].recordTypes!.company!;
  company.fields = company.fields!.filter((field) => field !== 'registeredCapital');
  next.entities.push({
    $id: 'visit',
    title: 'Visit',
    type: 'object',
    'x-i18n': { title: { en: 'Visit', zh: '拜访' } },
    'x-entity': { titleField: 'subject', indexes: [['customer', 'subject']] },
    properties: {
      subject: { type: 'string', title: 'Subject', maxLength: 100, 'x-i18n': { title: { en: 'Subject', zh: '主题' } } },
      customer: {
        type: 'string',
        format: 'uuid',
        title: 'Customer',
        'x-relation': { entity: 'customer', onDelete: 'cascade' },
        'x-i18n': { title: { en: 'Customer', zh: '客户' } },
      },
      contacts: {
        type: 'array',
        title: 'Contacts',
        items: { type: 'string', format: 'uuid' },
        uniqueItems: true,
        'x-relation': { entity: 'contact' },
        'x-i18n': { title: { en: 'Contacts', zh: '联系人' } },
      },
    },
    required: ['subject'],
  } as DefinitionSet['entities'][number]);
  const sales = next.workflows.find((w) => w.id === 'opportunity-sales')!;
  const lost = (sales.states as Record<string, { meta: { title: { zh: string; en: string } } }>).lost!;
  lost.meta.title = { zh: '已输单', en: 'Lost deal' };
  next.roles!.roles.salesManager!.entities.customer!.delete = 'own';
  return next;
}

describe('the answers the apps read fit their documented schemas', () => {
  it('the model, entities, versions and the workflow library', async () => {
    await documented('get', '/meta/model', 200, '/meta/model');
    await documented('get', '/meta/entities', 200, '/meta/entities');
    await documented('get', '/meta/entities/{id}', 200, '/meta/entities/customer');
    await documented('get', '/meta/versions', 200, '/meta/versions');
    await documented('get', '/meta/versions/{version}', 200, '/meta/versions/1');
    const library = await documented('get', '/meta/library', 200, '/meta/library');
    expect(library.actions.length).toBeGreaterThan(3);
  });

  it('the history of a deal, and the reports of its workflow over an open deal and a lost one', async () => {
    const customer = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: 'Acme',
      industry: 'retail',
    });
    const deal = (name: string, more: Record<string, unknown> = {}) =>
      server.request('POST', '/api/v1/records/opportunity', {
        name,
        customer: customer.body.id,
        amount: 1000,
        expectedCloseDate: '2026-03-31',
        ...more,
      });
    const twins = await documented('post', '/records/customer/duplicates', 200, '/records/customer/duplicates', {
      name: 'Acme',
    });
    expect(twins.matches.map((match: { id: string }) => match.id)).toEqual([customer.body.id]);
    const open = await deal('Acme renewal');
    expect(open.status).toBe(201);
    const events = await documented(
      'get',
      '/records/opportunity/{id}/transitions',
      200,
      `/records/opportunity/${open.body.id}/transitions?all=1`,
    );
    expect(events.data.map((e: { event: string }) => e.event)).toContain('LOSE');
    // These schemas are closed too (they were open objects before they were core's types).
    const withExtra = (body: { data: object[] }) => ({ body: { ...body, data: [{ ...body.data[0], extra: 1 }] } });
    const path = '/records/opportunity/{id}/transitions';
    expect(problemsOf('get', path, { ...open, status: 200, ...withExtra(events) })).not.toEqual([]);
    const lost = await deal('Acme expansion', { lostReason: 'budget cut' });
    const moved = await documented(
      'post',
      '/records/opportunity/{id}/events',
      200,
      `/records/opportunity/${lost.body.id}/events`,
      { type: 'LOSE' },
    );
    expect(moved.transition).toMatchObject({ event: 'LOSE', to: 'lost' });
    const history = await documented(
      'get',
      '/records/opportunity/{id}/history',
      200,
      `/records/opportunity/${lost.body.id}/history`,
    );
    expect(history.data.map((row: { event: string }) => row.event)).toEqual(['START', 'LOSE']);
    const trail = await documented(
      'get',
      '/records/opportunity/{id}/audit',
      200,
      `/records/opportunity/${lost.body.id}/audit`,
    );
    expect(trail.data.map((row: { action: string }) => row.action)).toEqual(['transition', 'create']);
    await documented('get', '/admin/audit', 200, `/admin/audit?entity=opportunity&recordId=${lost.body.id}`);
    const groups = await documented(
      'get',
      '/records/opportunity/groups',
      200,
      '/records/opportunity/groups?by=state&sum=amount',
    );
    expect(groups.data.map((row: { key: string; sum: number }) => [row.key, row.sum])).toEqual(
      expect.arrayContaining([['lost', 1000]]),
    );
    // The envelope every entity's records routes share (core's RecordPage, RecordJson) holds a real page and record.
    const page = (await server.request('GET', '/api/v1/records/opportunity?expand=customer')).body;
    expect(page.data).toHaveLength(2);
    expect(componentProblems('RecordPage', page)).toEqual([]);
    expect(componentProblems('RecordJson', { ...page.data[0], version: 'one' })).not.toEqual([]);
    for (const report of ['funnel', 'time-in-stage', 'forecast', 'win-rate']) {
      const answer = await documented(
        'get',
        `/reports/{workflow}/${report}`,
        200,
        `/reports/opportunity-sales/${report}?owner=${server.admin.id}`,
      );
      expect(answer.filters.owner).toBe(server.admin.id);
    }
  });

  it('a draft, its issues, its plan and its publish; the diff between the versions and a rollback', async () => {
    const model = await documented('get', '/meta/model', 200, '/meta/model');
    const definitions = changed(model.definitions);
    expect((await documented('post', '/meta/validate', 200, '/meta/validate', { definitions })).issues).toEqual([]);
    await documented('put', '/meta/drafts/{id}', 200, '/meta/drafts/studio', { definitions, baseVersion: 1 });
    expect((await documented('get', '/meta/drafts', 200, '/meta/drafts?id=studio')).data).toHaveLength(1);
    await documented('get', '/meta/drafts/{id}', 200, '/meta/drafts/studio');

    const plan = await documented('post', '/meta/drafts/{id}/plan', 200, '/meta/drafts/studio/plan', {});
    // The plan holds steps of many kinds, nested specs included, so the schemas of all of them were judged
    // (retyping a searched field rebuilds the entity's search column: dropSearch first, setSearch last).
    expect(new Set(plan.steps.map((s: { kind: string }) => s.kind))).toEqual(
      new Set([
        'addColumn',
        'addForeignKey',
        'alterType',
        'createJunction',
        'createTable',
        'dropColumn',
        'dropSearch',
        'setSearch',
      ]),
    );
    const published = await documented('post', '/meta/drafts/{id}/publish', 201, '/meta/drafts/studio/publish', {
      confirmDestructive: true,
    });
    expect(published.version).toBe(2);

    const diff = await documented('get', '/meta/versions/{from}/diff/{to}', 200, '/meta/versions/1/diff/2');
    expect([diff.entities.added, diff.workflows.changed.length, diff.roles.changed.length]).toEqual([['visit'], 1, 1]);
    await documented('get', '/meta/versions', 200, '/meta/versions');

    const rollback = await documented(
      'post',
      '/meta/versions/{version}/rollback',
      200,
      '/meta/versions/1/rollback',
      {},
    );
    expect(rollback.steps.map((s: { kind: string }) => s.kind)).toContain('dropTable');
  });

  it('a template exported and installed as a dry run', async () => {
    const template = await documented('get', '/meta/template', 200, '/meta/template');
    const customer = template.schemas['customer.schema.json'];
    customer.properties.telex = { type: 'string', title: 'Telex', maxLength: 40 };
    const install = await documented('post', '/meta/template/install', 200, '/meta/template/install', {
      ...template,
      dryRun: true,
    });
    expect(install.status).toBe('planned');
  });

  it('the signed-in user, a sign-in, the directory, my day and the administration lists', async () => {
    await documented('get', '/auth/me', 200, '/auth/me');
    await documented('get', '/users', 200, '/users');
    const now = new Date().toISOString();
    const task = { subject: 'Call Acme', type: 'task', status: 'planned', plannedStart: now, remindAt: now };
    expect((await server.request('POST', '/api/v1/records/activity', task)).status).toBe(201);
    const day = await documented('get', '/my-day', 200, '/my-day?tz=Asia/Shanghai');
    expect([day.due.length, day.reminders.length]).toEqual([1, 1]);
    const colleague = await documented('post', '/admin/users', 201, '/admin/users', {
      email: 'li.na@example.com',
      password: 'a long enough secret',
      displayName: '李娜',
      roles: ['salesperson'],
    });
    await documented('get', '/admin/users', 200, '/admin/users');
    const signedIn = await documented('post', '/auth/login', 200, '/auth/login', {
      email: 'li.na@example.com',
      password: 'a long enough secret',
    });
    expect(signedIn.user.id).toBe(colleague.id);
    const handover = await documented('post', '/admin/handover', 200, '/admin/handover', {
      fromUserId: server.admin.id,
      toUserId: colleague.id,
      dryRun: true,
    });
    expect(handover.dryRun).toBe(true);
    await documented('post', '/admin/org-units', 201, '/admin/org-units', { name: 'East China' });
    expect((await documented('get', '/admin/org-units', 200, '/admin/org-units')).data).toHaveLength(1);
    const view = { name: 'Mine', query: { filters: [{ field: 'owner_id', op: 'eq', value: 'me' }] } };
    await documented('post', '/views/{entity}', 201, '/views/customer', view);
    expect((await documented('get', '/views/{entity}', 200, '/views/customer')).data).toHaveLength(1);
  });

  it('fails an answer with a member its schema does not declare, a step of the wrong shape or a fractional version', async () => {
    const plan = await server.request('POST', '/api/v1/meta/drafts/studio/plan', {});
    const [step] = plan.body.steps;
    expect(problemsOf('post', '/meta/drafts/{id}/plan', { ...plan, body: { ...plan.body, extra: 1 } })).not.toEqual([]);
    expect(
      problemsOf('post', '/meta/drafts/{id}/plan', {
        ...plan,
        body: { ...plan.body, steps: [{ ...step, kind: 'x' }] },
      }),
    ).not.toEqual([]);
    expect(
      problemsOf('post', '/meta/drafts/{id}/plan', {
        ...plan,
        body: { ...plan.body, steps: [{ ...step, text: 'x' }] },
      }),
    ).not.toEqual([]);
    // @integer members: a version is a whole number.
    expect(
      problemsOf('post', '/meta/drafts/{id}/plan', { ...plan, body: { ...plan.body, baseVersion: 1.5 } }),
    ).not.toEqual([]);
  });
});
