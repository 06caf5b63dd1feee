import { EXACT_COUNT_LIMIT } from '@lodestar/core';
import type { CompiledEntity } from '../../model/compile-model.js';
import { groupableNames, summableNames } from '../../records/group-query.js';
import { json, problems, ref } from './common.js';
import type { JsonSchema } from './field-schemas.js';
import { MY_DAY, USERS_DIRECTORY } from '../contract/runtime-ui.js';
import { VIEWS } from '../contract/views.js';
import { NOTIFICATIONS } from '../contract/notifications.js';
import { DELEGATIONS } from '../contract/delegations.js';
import { toContractPaths } from './contract-paths.js';
import { importPaths } from './import-paths.js';
import { SEARCH } from '../contract/search.js';
import { DASHBOARDS } from '../contract/dashboards.js';

/** The runtime UI's own routes: the users directory, saved views, "My day" and the notifications inbox. */
export const RUNTIME_UI_PATHS: Record<string, JsonSchema> = {
  ...toContractPaths(USERS_DIRECTORY),
  ...toContractPaths(VIEWS),
  ...toContractPaths(MY_DAY),
  ...toContractPaths(NOTIFICATIONS),
  ...toContractPaths(DELEGATIONS),
  ...importPaths(),
  ...toContractPaths(SEARCH),
  ...toContractPaths(DASHBOARDS),
};

/** `GET /records/{entity}/groups`: counts and sums per value; filter parameters are the list's own. */
export function toGroupPaths(
  entity: CompiledEntity,
  name: string,
  tag: string,
  listParameters: JsonSchema[],
): Record<string, JsonSchema> {
  const by = groupableNames(entity);
  if (!by.length) return {};
  const sums = summableNames(entity);
  const filters = listParameters.filter((p) => typeof p.name === 'string' && p.name.startsWith('filter['));
  const sum = sums.length
    ? [{ name: 'sum', in: 'query', schema: { enum: sums }, description: 'A number field to total per group.' }]
    : [];
  return {
    [`/records/${entity.id}/groups`]: {
      get: {
        operationId: `group${name}`,
        tags: [tag],
        summary: 'Count (and total) the records a list would show, per value of a field',
        description: 'Ordered by count (descending), then value. Takes the same `filter[...]` and `q` as the list.',
        parameters: [
          { name: 'by', in: 'query', required: true, schema: { enum: by } },
          ...sum,
          ...filters,
          ref('q', 'parameters'),
        ],
        responses: {
          200: json('The groups.', ref('GroupsAnswer')),
          ...problems(400),
        },
      },
    },
  };
}

/** `GET /records/{entity}/totals`: the list's count and number totals; filter parameters are the list's own. */
export function toTotalsPaths(
  entity: CompiledEntity,
  name: string,
  tag: string,
  listParameters: JsonSchema[],
): Record<string, JsonSchema> {
  const sums = summableNames(entity);
  const filters = listParameters.filter((p) => typeof p.name === 'string' && p.name.startsWith('filter['));
  const sum = sums.length
    ? [
        {
          name: 'sum',
          in: 'query',
          schema: { type: 'string', pattern: `^(${sums.join('|')})(,(${sums.join('|')}))*$` },
          description: `Number fields to total, comma-separated: ${sums.join(', ')}.`,
        },
      ]
    : [];
  return {
    [`/records/${entity.id}/totals`]: {
      get: {
        operationId: `total${name}`,
        tags: [tag],
        summary: 'Count (and total) the records a list would show',
        description: `Exact up to ${EXACT_COUNT_LIMIT.toLocaleString('en')} records; beyond that \`exact\` is false, \`count\` is the planner's estimate and \`sums\` is null. Takes the same \`filter[...]\` and \`q\` as the list.`,
        parameters: [...sum, ...filters, ref('q', 'parameters')],
        responses: {
          200: json('The count and totals.', ref('TotalsAnswer')),
          ...problems(400),
        },
      },
    },
  };
}
