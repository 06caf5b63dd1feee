import type { EntityDefinition, FieldDefinition } from '../definitions/entity.js';
import { toFieldKind } from './column-types.js';

const ENTITY_KEYWORDS = new Set(['$id', '$schema', 'x-entity', 'x-i18n', 'title', 'description', 'properties', 'required']);

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
    if (!visible || visible.has(name)) properties[name] = withDefaultScale(field);
  }
  const extra = Object.fromEntries(Object.entries(entity).filter(([key]) => !ENTITY_KEYWORDS.has(key) && key !== 'type'));
  return { ...extra, type: 'object', properties, required: [...required], additionalProperties: false };
}

/** Fields a record type shows, in definition order. */
export function visibleFields(entity: EntityDefinition, recordType?: string): string[] {
  return Object.keys(toEffectiveSchema(entity, recordType).properties as object);
}

function withDefaultScale(field: FieldDefinition): FieldDefinition {
  return toFieldKind(field) === 'money' && field['x-scale'] === undefined ? { ...field, 'x-scale': 2 } : field;
}

/**
 * The schema a patch's own values must satisfy when nothing else in the record can change the outcome:
 * every field, none required, nothing else accepted. Undefined when the entity has cross-field rules
 * (allOf, if/then, dependentRequired), because then only the whole merged record can be judged.
 */
export function toPatchSchema(entity: EntityDefinition): Record<string, unknown> | undefined {
  const crossField = Object.keys(entity).some((key) => !ENTITY_KEYWORDS.has(key) && key !== 'type');
  if (crossField) return undefined;
  const properties = Object.fromEntries(Object.entries(entity.properties).map(([name, field]) => [name, withDefaultScale(field)]));
  return { type: 'object', properties, additionalProperties: false };
}

/** Every field some record type (or the entity) requires. */
export function requiredAnywhere(entity: EntityDefinition): Set<string> {
  const types = Object.values(entity['x-entity'].recordTypes ?? {});
  return new Set([...(entity.required ?? []), ...types.flatMap((type) => type.required ?? [])]);
}
