import type { EntityDefinition } from '../../definitions/entity.js';
import { type Issue, issueOf } from '../../errors.js';
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
            {
              type: 'object',
              required: ['from'],
              properties: { from: { type: 'string', pattern: SOURCE_PATTERN } },
              additionalProperties: false,
            },
            { not: { type: 'object', required: ['from'] } },
          ],
        },
      },
    },
    additionalProperties: false,
  },
  plan(ctx, { entity, values }) {
    const resolved = Object.fromEntries(
      Object.entries(values).map(([field, value]) => [field, isFrom(value) ? readSource(value.from, ctx) : value]),
    );
    return { kind: 'createRecord', phase: 'inTransaction', entity, values: resolved };
  },
  fields: ({ entity, values }) =>
    Object.entries(values)
      .filter(([field]) => !SYSTEM_VALUES.has(field))
      .flatMap(([field, value]): FieldUse[] => [
        {
          pointer: `/values/${field}`,
          field,
          entity: { id: entity, pointer: '/entity' },
          write: true,
          values: isFrom(value) ? [] : [{ pointer: `/values/${field}`, value }],
        },
        ...(isFrom(value) ? sourceField(value.from, `/values/${field}/from`) : []),
      ]),
  check: ({ entity, values }, { find }) => {
    const target = find(entity);
    return target ? checkCreatable(target, values) : [];
  },
};

/** System values a created record may be given, as a create request may: its record type and owner. */
const SYSTEM_VALUES = new Set(['record_type', 'owner_id']);

/**
 * A created record needs what a create request needs: a literal record type of the entity's (when it
 * has types) and every field the entity and that type require, unless the field has a default.
 */
function checkCreatable(target: EntityDefinition, values: Record<string, Value>): Issue[] {
  const types = target['x-entity'].recordTypes;
  const recordType = values.record_type;
  const issues: Issue[] = [];
  if (types && (typeof recordType !== 'string' || !(recordType in types))) {
    const names = Object.keys(types).join(', ');
    const pointer = recordType === undefined ? '/values' : '/values/record_type';
    const message = `"${target.$id}" has record types: values.record_type must be one of ${names}`;
    issues.push({
      pointer,
      keyword: recordType === undefined ? 'required' : 'enum',
      message,
      i18n: { en: message, zh: `“${target.$id}”有记录类型：values.record_type 必须是 ${names} 之一` },
      params: { allowedValues: Object.keys(types) },
    });
  } else if (!types && recordType !== undefined) {
    issues.push(
      issueOf('/values/record_type', 'additionalProperties', {
        en: `"${target.$id}" has no record types`,
        zh: `“${target.$id}”没有记录类型`,
      }),
    );
  }
  const typeRequired = typeof recordType === 'string' ? (types?.[recordType]?.required ?? []) : [];
  const missing = [...new Set([...(target.required ?? []), ...typeRequired])].filter(
    (name) => !(name in values) && target.properties[name]?.default === undefined,
  );
  if (missing.length) {
    const message = `the created "${target.$id}" record needs ${missing.join(', ')}`;
    issues.push({
      pointer: '/values',
      keyword: 'required',
      message,
      i18n: { en: message, zh: `创建的“${target.$id}”记录缺少必填字段：${missing.join('、')}` },
      params: { missingProperties: missing },
    });
  }
  return issues;
}

function isFrom(value: Value): value is { from: string } {
  return typeof value === 'object' && value !== null && typeof (value as { from?: unknown }).from === 'string';
}
