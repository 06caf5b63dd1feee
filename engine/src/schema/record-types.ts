import { checkRuleFields, isCheckRule } from '@lodestar/core';
import type { EntityDefinition, FieldDefinition } from '../definitions/entity.js';
import { MONEY_PRECISION, toColumnType, toFieldKind } from './column-types.js';

const ENTITY_KEYWORDS = new Set([
  '$id',
  '$schema',
  'x-entity',
  'x-i18n',
  'title',
  'description',
  'properties',
  'required',
]);

/** The largest whole numbers JSON carries exactly: a bigint column is held to these. */
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The JSON Schema a record of one type must satisfy: the entity's schema with the type's required
 * fields added and, when the type lists its fields, only those (plus the entity's required) accepted.
 * `recordType` undefined gives the schema of an entity without record types.
 */
export function toEffectiveSchema(entity: EntityDefinition, recordType?: string): Record<string, unknown> {
  const type = recordType === undefined ? undefined : entity['x-entity'].recordTypes?.[recordType];
  const required = new Set([...(entity.required ?? []), ...(type?.required ?? [])]);
  const visible = type?.fields ? new Set([...type.fields, ...required]) : undefined;
  const properties: Record<string, FieldDefinition> = {};
  for (const [name, field] of Object.entries(entity.properties)) {
    if (!visible || visible.has(name)) properties[name] = storable(field);
  }
  const extra = Object.fromEntries(
    Object.entries(entity).filter(([key]) => !ENTITY_KEYWORDS.has(key) && key !== 'type'),
  );
  const nonBlank = [...required].filter((name) => properties[name]?.type === 'string');
  return {
    ...extra,
    type: 'object',
    properties,
    required: [...required],
    ...(nonBlank.length && { 'x-nonBlank': nonBlank }),
    // Rules written as formulas may read the record type (definitions/check-rules.ts).
    ...(recordType !== undefined && extra['x-rules'] !== undefined && { 'x-recordType': recordType }),
    additionalProperties: false,
  };
}

/** Fields a record type shows, in definition order. */
export function visibleFields(entity: EntityDefinition, recordType?: string): string[] {
  return Object.keys(toEffectiveSchema(entity, recordType).properties as object);
}

/**
 * The field as a write must satisfy it to be storable: money gets its default scale, and numbers their
 * column's range (numeric(18, s) holds less than 10^(18-s); integer and bigint their own) and text its
 * column's length, so a value too large for the column is a 422 on the field, not a database error.
 */
function storable(field: FieldDefinition): FieldDefinition {
  const attributes = field['x-relation']?.attributes;
  if (field.type === 'array' && field.items && attributes)
    return { ...field, items: linkItem(field.items, attributes) };
  const type = toColumnType(field);
  if (toFieldKind(field) === 'money') {
    const scale = field['x-scale'] ?? 2;
    const limit = 10 ** ((type?.precision ?? MONEY_PRECISION) - scale);
    return { ...field, 'x-scale': scale, ...bounded(field, -limit, limit, true) };
  }
  // varchar columns the definition sizes implicitly (email 320, phone 40).
  if (type?.base === 'varchar' && type.length !== undefined && !type.array && field.maxLength === undefined)
    return { ...field, maxLength: type.length };
  if (type?.base === 'integer') return { ...field, ...bounded(field, -(2 ** 31), 2 ** 31 - 1, false) };
  if (type?.base === 'bigint') return { ...field, ...bounded(field, -SAFE, SAFE, false) };
  return field;
}

/**
 * One link of a many-to-many with attributes: its id alone (the old form) or `{ id, ...attributes }`.
 * Type-specific keywords apply only to their type, so one schema judges both forms and an attribute's
 * issue points at it (`/contacts/1/role`), with no anyOf noise.
 */
function linkItem(id: FieldDefinition, attributes: Record<string, FieldDefinition>): FieldDefinition {
  const properties = Object.fromEntries(
    Object.entries(attributes).map(([name, attribute]) => [name, nullable(storable(attribute))]),
  );
  return {
    ...id,
    type: ['string', 'object'],
    required: ['id'],
    properties: { id, ...properties },
    additionalProperties: false,
  } as unknown as FieldDefinition;
}

/** An attribute may be left empty (null): its type and choices accept null too. */
function nullable(field: FieldDefinition): FieldDefinition {
  return {
    ...field,
    type: [field.type, 'null'],
    ...(field.enum && { enum: [...field.enum, null] }),
  } as unknown as FieldDefinition;
}

/** The column's bounds where the definition declares none tighter. */
function bounded(field: FieldDefinition, low: number, high: number, exclusive: boolean): Partial<FieldDefinition> {
  const declaredHigh = Math.min(field.maximum ?? Infinity, (field.exclusiveMaximum as number | undefined) ?? Infinity);
  const declaredLow = Math.max(field.minimum ?? -Infinity, (field.exclusiveMinimum as number | undefined) ?? -Infinity);
  const bounds: Partial<FieldDefinition> = {};
  if (declaredHigh >= high) bounds[exclusive ? 'exclusiveMaximum' : 'maximum'] = high;
  if (declaredLow <= low) bounds[exclusive ? 'exclusiveMinimum' : 'minimum'] = low;
  return bounds;
}

/**
 * The schema a patch's own values must satisfy when nothing else in the record can change the outcome:
 * every field, none required, nothing else accepted. Undefined when the entity has cross-field rules
 * (allOf, if/then, dependentRequired), because then only the whole merged record can be judged;
 * `x-rules` name their fields, so only a patch of one of those needs the whole record.
 */
export function toPatchSchema(entity: EntityDefinition): Record<string, unknown> | undefined {
  // x-rules name their fields: a patch touching none of them cannot break one (see records/blind-patch.ts).
  const crossField = Object.keys(entity).some(
    (key) => !ENTITY_KEYWORDS.has(key) && key !== 'type' && key !== 'x-rules',
  );
  if (crossField) return undefined;
  const properties = Object.fromEntries(
    Object.entries(entity.properties).map(([name, field]) => [name, storable(field)]),
  );
  // A field some type requires may be left out of a patch, but not set to blanks.
  const nonBlank = [...requiredAnywhere(entity)].filter((name) => properties[name]?.type === 'string');
  return {
    type: 'object',
    properties,
    ...(nonBlank.length && { 'x-nonBlank': nonBlank }),
    additionalProperties: false,
  };
}

/** Fields the entity's x-rules read: a patch setting or clearing one is judged on the whole record. */
export function ruleFields(entity: EntityDefinition): Set<string> {
  return new Set(
    (entity['x-rules'] ?? []).flatMap((rule) =>
      isCheckRule(rule) ? checkRuleFields(rule) : rule.than === undefined ? [rule.field] : [rule.field, rule.than],
    ),
  );
}

/** Every field some record type (or the entity) requires. */
export function requiredAnywhere(entity: EntityDefinition): Set<string> {
  const types = Object.values(entity['x-entity'].recordTypes ?? {});
  return new Set([...(entity.required ?? []), ...types.flatMap((type) => type.required ?? [])]);
}
