import type { CompiledEntity } from '../../model/compile-model.js';
import { MAX_BULK_RECORDS } from '../../records/bulk-body.js';
import { RECORDS } from '../contract/records.js';
import { json, problems, ref } from './common.js';
import type { JsonSchema } from './field-schemas.js';
import { toEntityTitle } from './entity-schemas.js';

const issues = { type: 'array', items: ref('Issue') };

/** One record's outcome in a bulk answer. */
const RESULT: JsonSchema = {
  type: 'object',
  required: ['index', 'status'],
  properties: {
    index: { type: 'integer', minimum: 0, description: 'The record’s position in `records`.' },
    status: {
      enum: ['created', 'updated', 'failed', 'rolledBack'],
      description: '`rolledBack`: the record was fine, but another one failed an all-or-nothing request.',
    },
    id: { type: 'string', format: 'uuid' },
    version: { type: 'integer', minimum: 1 },
    errors: { ...issues, description: 'Why it failed, pointing into the request: `/records/3/email`.' },
  },
};

/** The answer of a bulk request (200), and the members a refused all-or-nothing request (422) adds to its problem. */
const ANSWER_MEMBERS: Record<string, JsonSchema> = {
  mode: { enum: ['insert', 'update', 'upsert'] },
  allOrNothing: { type: 'boolean' },
  committed: { type: 'boolean', description: 'Whether the created and updated records are stored.' },
  created: { type: 'integer', minimum: 0 },
  updated: { type: 'integer', minimum: 0 },
  failed: { type: 'integer', minimum: 0 },
  results: { type: 'array', items: RESULT },
};
const ANSWER: JsonSchema = { type: 'object', required: Object.keys(ANSWER_MEMBERS), properties: ANSWER_MEMBERS };

/** `POST /records/{entity}/bulk`: its body in terms of the entity's own create and patch schemas. */
export function toBulkPaths(entity: CompiledEntity, name: string, tag: string): Record<string, JsonSchema> {
  const keys = (entity.definition['x-entity'].unique ?? []).map((key) => key.fields.join(' + '));
  // The contract's own body (what the route validates), its records narrowed to the entity's create and patch bodies.
  const contract = RECORDS.routes.bulk.body as JsonSchema & { properties: Record<string, JsonSchema> };
  return {
    [`/records/${entity.id}/bulk`]: {
      post: {
        operationId: `bulk${name}`,
        tags: [tag],
        summary: `Create, update or upsert up to ${MAX_BULK_RECORDS.toLocaleString('en')} records (${toEntityTitle(entity)})`,
        description:
          'Each record is judged and written exactly as the single create or update would (validation, field rules, scope, ' +
          'numbering, workflow start, audit under the request id), in one transaction. `allOrNothing` (default true): one ' +
          'refused record and nothing is written (422, every issue, each record’s result); false: the good records are ' +
          'written and the answer says per record what happened. `update` and `upsert` find records by `key`: ' +
          `${keys.length ? `a unique key (${keys.join('; ')})` : 'this entity declares no unique key'}, or \`id\` for update ` +
          '(with `version` per record, else the stored one). With an `Idempotency-Key` header the first answer is kept ' +
          'for 24 hours and replayed for the same request (header `Idempotent-Replayed: true`); the same key with another ' +
          'body is a 422.',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
            description: 'Any unique token per request (a UUID): a retry with it cannot write twice.',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                ...contract,
                properties: {
                  ...contract.properties,
                  records: {
                    type: 'array',
                    minItems: 1,
                    maxItems: MAX_BULK_RECORDS,
                    items: { anyOf: [ref(`${name}Create`), ref(`${name}Patch`)] },
                  },
                },
              },
            },
          },
        },
        responses: {
          200: json('What happened to each record.', ANSWER),
          422: {
            description:
              'The request is malformed (over 10,000 records, a bad key, a reused Idempotency-Key), or an all-or-nothing request had a refused record.',
            content: {
              'application/problem+json': {
                schema: { allOf: [ref('Problem'), { type: 'object', properties: ANSWER_MEMBERS }] },
              },
            },
          },
          ...problems(400, 404),
        },
      },
    },
  };
}
