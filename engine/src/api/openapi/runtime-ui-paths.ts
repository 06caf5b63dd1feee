import type { CompiledEntity } from '../../model/compile-model.js';
import { groupableNames, summableNames } from '../../records/group-query.js';
import { json, problems, ref } from './common.js';
import type { JsonSchema } from './field-schemas.js';
import { VIEWS } from '../contract/views.js';
import { toContractPaths } from './contract-paths.js';

const text = { type: 'string' };
const nullableUuid = { type: ['string', 'null'], format: 'uuid' };
const ITEM: JsonSchema = {
  type: 'object',
  required: ['entity', 'id', 'title', 'at', 'record'],
  properties: {
    entity: text,
    id: { type: 'string', format: 'uuid' },
    title: { description: "The record's title field." },
    at: { type: ['string', 'null'], description: 'Due time, reminder time, breach time or time the state was entered (a date for date fields).' },
    state: { type: ['string', 'null'] },
    workflow: text,
    record: { type: 'object', description: 'The record as the records API answers it (hidden fields absent).' },
  },
};
const items = { type: 'array', maxItems: 50, items: ITEM };

/** The runtime UI's own routes: the users directory, saved views and "My day". */
export const RUNTIME_UI_PATHS: Record<string, JsonSchema> = {
  '/users': {
    get: {
      operationId: 'usersDirectory',
      tags: ['system'],
      summary: 'Active users by display name (owner names, owner filters, pickers)',
      responses: {
        200: json('The directory.', {
          type: 'object',
          properties: { data: { type: 'array', items: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, displayName: text, email: text, orgUnitId: nullableUuid } } } },
        }),
        ...problems(),
      },
    },
  },
  ...toContractPaths(VIEWS),
  '/my-day': {
    get: {
      operationId: 'myDay',
      tags: ['system'],
      summary: 'What the caller owns that is due today, overdue, to be reminded of today, past its SLA or stuck',
      parameters: [{ name: 'tz', in: 'query', schema: text, description: "IANA time zone of the caller's day, e.g. `Asia/Shanghai`; the server's when absent." }],
      responses: {
        200: json('Each list ordered by `at`, at most 50 items.', {
          type: 'object',
          properties: { today: { type: 'string', format: 'date' }, due: items, overdue: items, reminders: items, slaBreached: items, stuck: items },
        }),
        ...problems(400),
      },
    },
  },
};

/** `GET /records/{entity}/groups`: counts and sums per value; filter parameters are the list's own. */
export function toGroupPaths(entity: CompiledEntity, name: string, tag: string, listParameters: JsonSchema[]): Record<string, JsonSchema> {
  const by = groupableNames(entity);
  if (!by.length) return {};
  const sums = summableNames(entity);
  const filters = listParameters.filter((p) => typeof p.name === 'string' && p.name.startsWith('filter['));
  const sum = sums.length ? [{ name: 'sum', in: 'query', schema: { enum: sums }, description: 'A number field to total per group.' }] : [];
  return {
    [`/records/${entity.id}/groups`]: {
      get: {
        operationId: `group${name}`,
        tags: [tag],
        summary: 'Count (and total) the records a list would show, per value of a field',
        description: 'Ordered by count (descending), then value. Takes the same `filter[...]` and `q` as the list.',
        parameters: [{ name: 'by', in: 'query', required: true, schema: { enum: by } }, ...sum, ...filters, ref('q', 'parameters')],
        responses: {
          200: json('The groups.', {
            type: 'object',
            properties: {
              by: text,
              sum: { type: ['string', 'null'] },
              data: { type: 'array', items: { type: 'object', properties: { key: {}, count: { type: 'integer' }, sum: { type: ['number', 'null'] } } } },
            },
          }),
          ...problems(400),
        },
      },
    },
  };
}
