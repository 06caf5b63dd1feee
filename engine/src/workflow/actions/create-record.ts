import type { FieldUse } from '../reference.js';
import { readSource, SOURCE_PATTERN, sourceField } from './source.js';
import type { ActionSpec } from './types.js';

type Value = unknown;
type Params = { entity: string; values: Record<string, Value> };

/** Creates a related record (a follow-up activity, say); each value is a literal or `{ from: "record.x" | "actor.id" | "now" }`. */
export const createRecord: ActionSpec<Params> = {
  name: 'createRecord',
  phase: 'inTransaction',
  params: {
    type: 'object',
    required: ['entity', 'values'],
    properties: {
      entity: { type: 'string', minLength: 1 },
      values: {
        type: 'object',
        additionalProperties: {
          anyOf: [
            { type: 'object', required: ['from'], properties: { from: { type: 'string', pattern: SOURCE_PATTERN } }, additionalProperties: false },
            { not: { type: 'object', required: ['from'] } },
          ],
        },
      },
    },
    additionalProperties: false,
  },
  plan(ctx, { entity, values }) {
    const resolved = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, isFrom(value) ? readSource(value.from, ctx) : value]));
    return { kind: 'createRecord', phase: 'inTransaction', entity, values: resolved };
  },
  fields: ({ entity, values }) =>
    Object.entries(values).flatMap(([field, value]): FieldUse[] => [
      { pointer: `/values/${field}`, field, entity: { id: entity, pointer: '/entity' }, write: true, values: isFrom(value) ? [] : [{ pointer: `/values/${field}`, value }] },
      ...(isFrom(value) ? sourceField(value.from, `/values/${field}/from`) : []),
    ]),
};

function isFrom(value: Value): value is { from: string } {
  return typeof value === 'object' && value !== null && typeof (value as { from?: unknown }).from === 'string';
}
