import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { readFolder } from '../src/definitions/read-folder.js';
import { FIXTURES } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;
let server: TestServer;
let set: DefinitionSet;

beforeAll(async () => {
  set = (await readFolder(join(FIXTURES, 'openapi'))).set;
  server = await startTestServer({ definitions: set });
});
afterAll(async () => {
  await server?.close();
});

async function fetchDocument() {
  const response = await server.request('GET', '/api/v1/openapi.json');
  expect(response.status).toBe(200);
  const result = await new Validator().validate(response.body);
  if (!result.valid) console.error(JSON.stringify(result.errors, null, 2));
  expect(result.valid).toBe(true);
  return response.body;
}

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document of the published model', async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('1');
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it.each([
    ['account', 'Account'],
    ['contact', 'Contact'],
    ['deal', 'Deal'],
  ])('describes the records of %s', async (id, name) => {
    const doc = await fetchDocument();
    expect(doc.paths[`/records/${id}`].get.operationId).toBe(`list${name}`);
    expect(doc.paths[`/records/${id}`].post.operationId).toBe(`create${name}`);
    expect(Object.keys(doc.paths[`/records/${id}/{id}`])).toEqual(['parameters', 'get', 'patch', 'delete']);
    for (const schema of [name, `${name}List`, `${name}Create`, `${name}Patch`])
      expect(doc.components.schemas).toHaveProperty([schema]);
  });

  it('describes workflow events, transitions, history and reports for workflow-bound entities only', async () => {
    const doc = await fetchDocument();
    const bound = set.workflows.map((w) => w.meta.entity);
    for (const entity of set.entities.map((e) => e.$id)) {
      const has = Boolean(doc.paths[`/records/${entity}/{id}/events`]);
      expect(has, entity).toBe(bound.includes(entity));
    }
    const [workflow] = set.workflows;
    if (!workflow) throw new Error('the openapi fixture needs a workflow');
    const events =
      doc.paths[`/records/${workflow.meta.entity}/{id}/events`].post.requestBody.content['application/json'].schema
        .properties.type.enum;
    expect(events).toEqual(expect.arrayContaining(Object.keys(workflow.states[workflow.initial]!.on ?? {})));
    expect(doc.paths['/reports/{workflow}/funnel'].parameters[0].schema.enum).toContain(workflow.id);
  });

  it('offers one create body per record type, chosen by record_type', async () => {
    const doc = await fetchDocument();
    expect(doc.components.schemas.AccountCreate.discriminator).toEqual({
      propertyName: 'record_type',
      mapping: {
        company: '#/components/schemas/AccountCreate.company',
        person: '#/components/schemas/AccountCreate.person',
      },
    });
    expect(doc.components.schemas['AccountCreate.company'].required).toEqual(['record_type', 'name', 'industry']);
    expect(Object.keys(doc.components.schemas['AccountCreate.person'].properties)).toEqual([
      'record_type',
      'owner_id',
      'name',
      'email',
      'parent',
    ]);
  });

  it('describes what the records API answers', async () => {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addSchema(await fetchDocument(), 'doc');
    const expectValid = (schema: string, value: unknown) => {
      const validate = ajv.compile({ $ref: `doc#/components/schemas/${schema}` });
      expect(validate(value) ? [] : validate.errors).toEqual([]);
    };
    const account = {
      record_type: 'company',
      name: 'Acme',
      industry: 'retail',
      annualRevenue: 1200.5,
      founded: '1999-04-01',
    };
    expectValid('AccountCreate', account);
    const created = await server.request('POST', '/api/v1/records/account', account);
    expect(created.status).toBe(201);
    expectValid('Account', created.body);
    const contact = await server.request('POST', '/api/v1/records/contact', {
      name: 'Li Lei',
      account: created.body.id,
    });
    const deal = {
      name: 'Big one',
      account: created.body.id,
      contacts: [contact.body.id],
      amount: 5000,
      source: 'website',
      closeDate: '2026-12-01',
    };
    expectValid('DealCreate', deal);
    expect((await server.request('POST', '/api/v1/records/deal', deal)).status).toBe(201);
    expectValid('DealList', (await server.request('GET', '/api/v1/records/deal')).body);
    expectValid('ContactList', (await server.request('GET', '/api/v1/records/contact')).body);
    const invalid = await server.request('POST', '/api/v1/records/account', {
      record_type: 'company',
      name: 'No industry',
    });
    expect(invalid.status).toBe(422);
    expectValid('Problem', invalid.body);
  });

  it('shows an entity published through the draft API without a restart', async () => {
    const project = {
      $id: 'project',
      title: 'Project',
      type: 'object',
      'x-entity': { titleField: 'name' },
      properties: {
        name: { type: 'string', title: 'Name' },
        account: { type: 'string', format: 'uuid', 'x-relation': { entity: 'account' } },
      },
      required: ['name'],
    };
    const definitions = { ...set, entities: [...set.entities, project] };
    expect((await server.request('PUT', '/api/v1/meta/drafts/main', { definitions })).body.issues).toEqual([]);
    expect((await server.request('POST', '/api/v1/meta/drafts/main/plan')).status).toBe(200);
    expect((await server.request('POST', '/api/v1/meta/drafts/main/publish', { note: 'add project' })).status).toBe(
      201,
    );
    const doc = await fetchDocument();
    expect(doc.info.version).toBe('2');
    expect(doc.paths['/records/project'].post.operationId).toBe('createProject');
    expect(doc.components.schemas.Project.properties.account).toMatchObject({
      format: 'uuid',
      'x-relation': { entity: 'account' },
    });
  });
});

describe('GET /api/v1/docs', () => {
  it('serves Swagger UI pointed at the document, with its assets', async () => {
    for (const path of ['/api/v1/docs', '/api/v1/docs/', '/api/v1']) {
      const page = await server.request('GET', path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.body).toContain('/api/v1/docs/swagger-ui-bundle.js');
    }
    const bundle = await fetch(`${server.url}/api/v1/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${server.url}/api/v1/docs/swagger-ui.css`)).status).toBe(200);
    const init = await server.request('GET', '/api/v1/docs/swagger-initializer.js');
    expect(init.body).toContain('url: "/api/v1/openapi.json"');
  });
});
