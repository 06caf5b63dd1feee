import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/paths.js';
import { readFolder } from '../definitions/read-folder.js';
import { validateDefinitionSet } from '../definitions/validate-definition-set.js';
import { compileModel, type Model } from '../model/compile-model.js';
import { toOpenApi, type OpenApiDocument } from './openapi.js';
import { toTypeNames } from './openapi/names.js';

const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;
let model: Model;
let doc: OpenApiDocument;

beforeAll(async () => {
  const { set } = await readFolder(join(FIXTURES, 'openapi'));
  expect(validateDefinitionSet(set)).toEqual([]);
  model = compileModel(set, 7, 'hash');
  doc = toOpenApi(model);
});

/** A validator for one component schema, the way a client library would read the document. */
function validatorOf(name: string) {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  ajv.addFormat('phone', true);
  ajv.addSchema(doc as object, 'doc');
  return ajv.compile({ $ref: `doc#/components/schemas/${name}` });
}

describe('toOpenApi', () => {
  it('is a valid OpenAPI 3.1 document, cached per model', async () => {
    const result = await new Validator().validate(
      structuredClone(doc) as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.info.version).toBe('7');
    expect(toOpenApi(model)).toBe(doc);
  });

  it.each([
    ['Account', ['listAccount', 'createAccount', 'getAccount', 'updateAccount', 'deleteAccount']],
    ['Contact', ['listContact', 'createContact', 'getContact', 'updateContact', 'deleteContact']],
    ['Deal', ['listDeal', 'createDeal', 'getDeal', 'updateDeal', 'deleteDeal']],
  ])('describes %s with operations %j', (name, operationIds) => {
    const id = name.toLowerCase();
    const ops = [doc.paths[`/records/${id}`], doc.paths[`/records/${id}/{id}`]].flatMap((item) =>
      Object.values(item ?? {}).flatMap((op) =>
        (op as { operationId?: string }).operationId ? [(op as { operationId: string }).operationId] : [],
      ),
    );
    expect(ops).toEqual(operationIds);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([name, `${name}List`, `${name}Create`, `${name}Patch`]),
    );
  });

  it('describes the record with system fields, nullable fields, id lists and a state only when a workflow is bound', () => {
    const deal = doc.components.schemas.Deal as {
      properties: Record<string, { type?: unknown; items?: unknown }>;
      required: string[];
    };
    expect(deal.required.slice(0, 7)).toEqual([
      'id',
      'record_type',
      'state',
      'state_entered_at',
      'sla_breached_at',
      'sla_due_at',
      'owner_id',
    ]);
    expect(deal.properties.name).toMatchObject({ type: 'string', maxLength: 200 });
    expect(deal.properties.amount).toMatchObject({ type: ['number', 'null'], 'x-currency': 'USD', 'x-scale': 0 });
    expect(deal.properties.source).toMatchObject({ enum: ['referral', 'website', 'other', null] });
    expect(deal.properties.contacts).toMatchObject({
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      'x-relation': { entity: 'contact' },
    });
    expect(deal.properties.notes).not.toHaveProperty('x-multiline');
    expect((doc.components.schemas.Contact as { properties: object }).properties).not.toHaveProperty('state');
  });

  it.each([
    ['a company', { record_type: 'company', name: 'Acme', industry: 'retail', annualRevenue: 10.5 }, true],
    ['a company without its required industry', { record_type: 'company', name: 'Acme' }, false],
    ['a person with null for an optional field', { record_type: 'person', name: 'Li Lei', email: null }, true],
    [
      'a person with a field its type does not show',
      { record_type: 'person', name: 'Li Lei', founded: '2020-01-01' },
      false,
    ],
    ['no record type', { name: 'Acme' }, false],
    ['an unknown record type', { record_type: 'agency', name: 'Acme' }, false],
  ])('AccountCreate accepts %s: %s', (_case, body, valid) => {
    expect(validatorOf('AccountCreate')(body)).toBe(valid);
  });

  it.each([
    [
      'DealCreate',
      { name: 'Big one', account: '0190b3c2-7c5e-7b66-8d0e-6c2f7d9e1a01', contacts: [], closeDate: '2026-12-01' },
      true,
    ],
    ['DealCreate', { name: 'No account' }, false],
    ['DealCreate', { name: 'Sets its state', account: '0190b3c2-7c5e-7b66-8d0e-6c2f7d9e1a01', state: 'won' }, false],
    ['DealPatch', { version: 3, notes: null, source: 'website' }, true],
    ['DealPatch', { version: 0 }, false],
    ['AccountPatch', { record_type: 'person', industry: null }, true],
  ])('%s accepts %j: %s', (name, body, valid) => {
    expect(validatorOf(name)(body)).toBe(valid);
  });
});

describe('toTypeNames', () => {
  it.each([
    [
      ['customer', 'salesOrder'],
      ['Customer', 'SalesOrder'],
    ],
    [
      ['customer', 'customerCreate'],
      ['Customer', 'CustomerCreateRecord'],
    ],
    [
      ['problem', 'issue', 'deal'],
      ['ProblemRecord', 'IssueRecord', 'Deal'],
    ],
  ])('names %j as %j', (ids, names) => {
    const map = toTypeNames(ids, { reserved: ['Problem', 'Issue'], suffixes: ['', 'Create', 'Patch'] });
    expect(ids.map((id) => map.get(id))).toEqual(names);
  });
});
