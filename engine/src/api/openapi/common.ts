import { TYPE_SCHEMAS } from '@lodestar/core';
import type { JsonSchema } from './field-schemas.js';

/** A `$ref` to a component (`schemas`, `parameters` or `responses`). */
export function ref(name: string, kind: 'schemas' | 'parameters' | 'responses' = 'schemas'): { $ref: string } {
  return { $ref: `#/components/${kind}/${name}` };
}

/** A response with a JSON body. */
export function json(description: string, schema: JsonSchema, headers?: JsonSchema): JsonSchema {
  return { description, ...(headers && { headers }), content: { 'application/json': { schema } } };
}

const PROBLEMS = {
  400: ['BadRequest', 'The request is malformed: an unknown parameter, field or operator, a bad cursor or body.'],
  404: ['NotFound', 'No such record (or entity, draft, version).'],
  409: [
    'Conflict',
    'The version is stale (reload and retry), a unique value is taken, a plan needs confirmation, or a workflow event is refused now (`reason` in both languages, `guard`).',
  ],
  422: ['ValidationFailed', 'The payload breaks the schema; each issue points at the failing field.'],
  428: ['PreconditionRequired', 'The write did not say which version it changes: send `version` or `If-Match`.'],
  500: ['Internal', 'An unexpected error; it has been logged.'],
} as const;

export type ProblemStatus = keyof typeof PROBLEMS;

/** Response references for the given problem statuses, plus the 500 every operation can answer. */
export function problems(...statuses: ProblemStatus[]): Record<string, { $ref: string }> {
  return Object.fromEntries(
    [...statuses, 500 as const].map((status) => [String(status), ref(PROBLEMS[status][0], 'responses')]),
  );
}

/** Component responses: one problem document per status. */
export const PROBLEM_RESPONSES: Record<string, JsonSchema> = Object.fromEntries(
  Object.values(PROBLEMS).map(([name, description]) => [
    name,
    { description, content: { 'application/problem+json': { schema: ref('Problem') } } },
  ]),
);

/**
 * Component schemas shared by every entity; entity names must not shadow them. `x-core-type` names the
 * @lodestar/core type a schema describes: the generated client uses that type itself (client-types.ts).
 * Plans and version diffs come generated from their core types (TYPE_SCHEMAS).
 */
export const COMMON_SCHEMAS: Record<string, JsonSchema> = {
  ...TYPE_SCHEMAS,
  Problem: {
    type: 'object',
    description: 'An RFC 9457 problem document.',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri', examples: ['https://lodestar.dev/problems/validation-failed'] },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string', description: 'In English; `i18n` carries it in both languages.' },
      i18n: ref('Text'),
      issues: { type: 'array', items: ref('Issue') },
      reason: { ...ref('Text'), description: 'A refused workflow event (409): why, in both languages.' },
      guard: { type: 'string', description: 'A refused workflow event (409): the guard that said no.' },
    },
  },
  Issue: {
    type: 'object',
    description: 'One problem with the request, located by a JSON pointer into the body (or `/query/<param>`).',
    required: ['pointer', 'keyword', 'message'],
    properties: {
      pointer: { type: 'string', examples: ['/name'] },
      keyword: { type: 'string', examples: ['maxLength'] },
      message: { type: 'string', description: 'In English; `i18n` carries it in both languages.' },
      i18n: ref('Text'),
      params: { type: 'object' },
      file: { type: 'string', description: 'The definition file the issue is in, when it came from one.' },
    },
    'x-core-type': 'Issue',
  },
  Text: {
    type: 'object',
    description: 'A text a user may see, in English and Chinese.',
    required: ['en', 'zh'],
    properties: { en: { type: 'string' }, zh: { type: 'string' } },
    'x-core-type': 'Text',
  },
  FilterOperators: {
    type: 'object',
    description:
      'Conditions on one field, as `filter[field][op]=value` (`filter[field]=value` means `eq`; `filter[relation.field][op]` reaches through a many-to-one relation). `in` takes a comma list, `null` true or false; `any` (multiple choice, text lists, many-to-many) holds when the field has at least one of a comma list of values.',
    properties: Object.fromEntries(
      ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains', 'any', 'null'].map((op) => [op, { type: 'string' }]),
    ),
    additionalProperties: false,
  },
  DefinitionSet: {
    type: 'object',
    description: 'Every definition of one model: entity schemas and workflows.',
    required: ['entities', 'workflows'],
    properties: {
      entities: { type: 'array', items: { type: 'object' } },
      workflows: { type: 'array', items: { type: 'object' } },
      roles: { description: 'roles.json; absent or null: no roles.' },
      dashboards: {
        type: 'array',
        items: { type: 'object' },
        description: 'dashboards/*.dashboard.json; absent: none.',
      },
    },
    'x-core-type': 'DefinitionSet',
  },
  // The definitions themselves: their meta-schemas (and the definition validators) say what they hold.
  EntityDefinition: {
    type: 'object',
    description: 'An entity definition (`*.schema.json`).',
    'x-core-type': 'EntityDefinition',
  },
  WorkflowDefinition: {
    type: 'object',
    description: 'A workflow definition (`*.workflow.json`).',
    'x-core-type': 'WorkflowDefinition',
  },
  RolesDefinition: { type: 'object', description: 'The roles (`roles.json`).', 'x-core-type': 'RolesDefinition' },
};

const list = (description: string) => ({ in: 'query', schema: { type: 'string' }, description });

/** Component parameters of the records routes. */
export const RECORD_PARAMETERS: Record<string, JsonSchema> = {
  id: {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
    description: 'The record id.',
  },
  sort: {
    name: 'sort',
    ...list('Comma list of fields; `-` before a field sorts descending. Ties are broken by `id`.'),
    examples: { recent: { value: '-created_at' } },
  },
  limit: {
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    description: 'Page size.',
  },
  cursor: { name: 'cursor', ...list('Opaque: the `nextCursor` of the previous page.') },
  fields: { name: 'fields', ...list('Comma list of fields to return (`id` is always returned); all when absent.') },
  expand: {
    name: 'expand',
    ...list('Comma list of relation fields to embed: their ids are replaced by the related records.'),
  },
  q: { name: 'q', ...list('Quick search over the text fields, title field first.') },
  ifMatch: {
    name: 'If-Match',
    in: 'header',
    schema: { type: 'string' },
    description: 'The version being changed, as an ETag: `"3"`.',
  },
  version: {
    name: 'version',
    in: 'query',
    schema: { type: 'integer', minimum: 1 },
    description: 'The version being deleted (or send If-Match).',
  },
};

/** The ETag response header of a record. */
export const ETAG_HEADER: JsonSchema = {
  ETag: { description: 'The record version: `"<version>"`.', schema: { type: 'string' } },
};

/** The headers of a created record. */
export const CREATED_HEADERS: JsonSchema = {
  ...ETAG_HEADER,
  Location: { description: "The new record's URL.", schema: { type: 'string' } },
};
