import { readSource, SOURCE_PATTERN, sourceField } from './source.js';
import type { ActionSpec } from './types.js';

type Params = { field: string; value?: unknown; valueFrom?: string };

/** Sets one field of the record, to a literal or to a value read from the record, the actor or the clock. */
export const setField: ActionSpec<Params> = {
  name: 'setField',
  phase: 'inTransaction',
  params: {
    type: 'object',
    required: ['field'],
    properties: { field: { type: 'string', minLength: 1 }, value: {}, valueFrom: { type: 'string', pattern: SOURCE_PATTERN } },
    additionalProperties: false,
    oneOf: [
      { properties: { value: {} }, required: ['value'] },
      { properties: { valueFrom: {} }, required: ['valueFrom'] },
    ],
  },
  plan(ctx, { field, value, valueFrom }) {
    return { kind: 'setField', phase: 'inTransaction', field, value: valueFrom === undefined ? value : readSource(valueFrom, ctx) };
  },
  fields: ({ field, value, valueFrom }) => [
    { pointer: '/field', field, write: true, values: valueFrom === undefined ? [{ pointer: '/value', value }] : [] },
    ...(valueFrom ? sourceField(valueFrom, '/valueFrom') : []),
  ],
};
