import { problems } from '../openapi/common.js';
import { contract, text, uuid } from './spec.js';

const tags = ['records'];
const target = {
  entity: { schema: text(), description: 'An entity id.' },
  id: { schema: text(), description: 'The record id.' },
};
// Documented per entity (openapi/record-paths.ts, workflow-paths.ts), with these very schemas.
const perEntity = { 200: { description: 'Documented per entity.' }, ...problems(400, 404) };

/** The workflow and audit routes of one record, whatever its entity. */
export const RECORDS = contract('/records', {
  sendEvent: {
    method: 'post',
    path: '/:entity/:id/events',
    operationId: 'sendEvent',
    tags,
    perEntity: true,
    summary: 'Send a workflow event',
    // A malformed event is a bad request (400), as it always was; what the workflow refuses is a 409.
    malformedBody: 400,
    params: target,
    body: {
      type: 'object',
      required: ['type'],
      properties: {
        type: text({ pattern: '^[A-Z][A-Z0-9_]{0,62}$', description: 'The event to send, in capitals (`QUALIFY`).' }),
        comment: text({ maxLength: 4000 }),
        version: { description: 'The version being changed (or send If-Match).' },
      },
    },
    responses: perEntity,
  },
  transitions: {
    method: 'get',
    path: '/:entity/:id/transitions',
    operationId: 'listTransitions',
    tags,
    perEntity: true,
    summary: 'The events the caller may send now',
    params: target,
    responses: perEntity,
  },
  history: {
    method: 'get',
    path: '/:entity/:id/history',
    operationId: 'getHistory',
    tags,
    perEntity: true,
    summary: 'Every transition of the record, oldest first',
    params: target,
    responses: perEntity,
  },
  audit: {
    method: 'get',
    path: '/:entity/:id/audit',
    operationId: 'getAudit',
    tags,
    perEntity: true,
    summary: 'The audit trail of a record, newest first',
    params: target,
    query: {
      properties: {
        limit: { type: 'integer', minimum: 0, maximum: 999, description: 'Page size, 1 to 200 (larger asks get 200).' },
        cursor: text({ pattern: '^\\d{1,18}$', description: 'The `nextCursor` of the previous page.' }),
      },
    },
    responses: perEntity,
  },
  duplicates: {
    method: 'post',
    path: '/:entity/duplicates',
    operationId: 'findDuplicates',
    tags,
    perEntity: true,
    summary: 'Possible duplicates of a record being entered',
    params: { entity: target.entity },
    query: { properties: { exclude: { ...uuid, description: 'The id of the record being edited.' } } },
    // Which fields a value may name is the entity's (find-duplicates.ts); here only the shape.
    body: { type: 'object' },
    responses: perEntity,
  },
  bulk: {
    method: 'post',
    path: '/:entity/bulk',
    operationId: 'bulkWrite',
    tags,
    perEntity: true,
    summary: 'Create, update or upsert up to 10,000 records in one request',
    params: { entity: target.entity },
    // Each record is judged by the entity's own create or patch; here only the request's form. The
    // 10,000 limit is checked by the handler, which says so in words (records/bulk-body.ts).
    body: {
      type: 'object',
      required: ['records'],
      additionalProperties: false,
      properties: {
        mode: { type: 'string', enum: ['insert', 'update', 'upsert'], description: 'Default `insert`.' },
        key: {
          anyOf: [
            text({ maxLength: 100 }),
            { type: 'array', items: text({ maxLength: 100 }), minItems: 1, maxItems: 10 },
          ],
          description: 'How update and upsert find records: the field(s) of a declared unique key, or `id` (update).',
        },
        allOrNothing: {
          type: 'boolean',
          description: 'Default true: one refused record and nothing is written. False: the good ones are written.',
        },
        records: { type: 'array', items: { type: 'object' } },
      },
    },
    responses: perEntity,
  },
  totals: {
    method: 'get',
    path: '/:entity/totals',
    operationId: 'totalRecords',
    tags,
    perEntity: true,
    summary: 'Count (and total) the records a list would show',
    params: { entity: target.entity },
    // The list's filter[...] and q travel too; which fields they and `sum` may name is the entity's (totals-query.ts).
    query: { properties: { sum: text({ maxLength: 2000, description: 'Number fields to total, comma-separated.' }) } },
    responses: perEntity,
  },
});
