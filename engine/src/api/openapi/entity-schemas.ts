import type { FieldDefinition } from '../../definitions/entity.js';
import type { CompiledEntity } from '../../model/compile-model.js';
import { toEffectiveSchema } from '../../schema/record-types.js';
import { ref } from './common.js';
import { type JsonSchema, mapValues, toFieldSchema, toNullable } from './field-schemas.js';
import { toEnglish } from './names.js';

const UUID = { type: 'string', format: 'uuid' };
const NULLABLE_UUID = { type: ['string', 'null'], format: 'uuid' };

/** The entity's English title. */
export function toEntityTitle(entity: CompiledEntity): string {
  return toEnglish(entity.definition.title, entity.definition['x-i18n']?.title) ?? entity.id;
}

/** The component schemas of one entity, named from `name`: the record, its list page, create and patch bodies. */
export function toEntitySchemas(entity: CompiledEntity, name: string): Record<string, JsonSchema> {
  const page = {
    type: 'object',
    required: ['data', 'nextCursor'],
    properties: {
      data: { type: 'array', items: ref(name) },
      nextCursor: { type: ['string', 'null'], description: 'null on the last page.' },
    },
  };
  return {
    [name]: toRecordSchema(entity),
    [`${name}List`]: page,
    ...toCreateSchemas(entity, name),
    [`${name}Patch`]: toPatchSchema(entity),
  };
}

/**
 * The record as the API returns it: system fields, then every field (null when empty; many-to-many as an
 * id list; with `expand`, relations hold the related records instead). Inline, without `$ref`, so the TypeScript generator can compile it on its own.
 */
export function toRecordSchema(entity: CompiledEntity): JsonSchema {
  // Required fields are NOT NULL columns, and many-to-many fields are always a list: neither is ever null.
  const fields = mapValues(allFields(entity), (field, name) => {
    const compiled = entity.fields.get(name);
    return compiled?.junction || compiled?.column?.nullable === false
      ? toFieldSchema(field)
      : toNullable(toFieldSchema(field));
  });
  const properties = { ...systemProperties(entity), ...fields };
  const description = toEnglish(entity.definition.description, entity.definition['x-i18n']?.description);
  return {
    type: 'object',
    title: toEntityTitle(entity),
    ...(description && { description }),
    required: Object.keys(properties),
    properties,
    additionalProperties: false,
  };
}

function systemProperties(entity: CompiledEntity): JsonSchema {
  const types = entity.recordTypes;
  const stamp = (description: string) => ({ type: 'string', format: 'date-time', readOnly: true, description });
  return {
    id: { ...UUID, readOnly: true },
    record_type: types.length
      ? { type: 'string', enum: types, description: recordTypesText(entity) }
      : { type: 'null', description: 'This entity has no record types.' },
    ...(entity.table.columns.some((c) => c.name === 'state') && {
      state: {
        type: ['string', 'null'],
        readOnly: true,
        description: 'The workflow state; it changes only through workflow events.',
      },
      state_entered_at: { ...stamp('When the record entered its current state.'), type: ['string', 'null'] },
      sla_breached_at: {
        ...stamp("When the current state's SLA ran out; null while within it."),
        type: ['string', 'null'],
      },
      sla_due_at: {
        ...stamp(
          "When the current state's SLA is due, as the server counted it when the record entered the state (business days and hours on the business calendar); null when the state has no SLA.",
        ),
        type: ['string', 'null'],
      },
    }),
    owner_id: NULLABLE_UUID,
    created_at: stamp('When the record was created.'),
    updated_at: stamp('When the record last changed.'),
    created_by: { ...NULLABLE_UUID, readOnly: true },
    updated_by: { ...NULLABLE_UUID, readOnly: true },
    version: {
      type: 'integer',
      minimum: 1,
      readOnly: true,
      description: 'Send it back on PATCH and DELETE (or as If-Match): a stale one gets 409.',
    },
  };
}

/** `<Name>Create`, and with record types one `<Name>Create.<type>` each, chosen by the `record_type` discriminator. */
function toCreateSchemas(entity: CompiledEntity, name: string): Record<string, JsonSchema> {
  if (!entity.recordTypes.length) return { [`${name}Create`]: toCreateSchema(entity) };
  const variants = Object.fromEntries(
    entity.recordTypes.map((type) => [`${name}Create.${type}`, toCreateSchema(entity, type)]),
  );
  const mapping = Object.fromEntries(entity.recordTypes.map((type) => [type, ref(`${name}Create.${type}`).$ref]));
  const union = {
    title: `New ${toEntityTitle(entity)}`,
    description: recordTypesText(entity),
    oneOf: Object.keys(variants).map((variant) => ref(variant)),
    discriminator: { propertyName: 'record_type', mapping },
  };
  return { [`${name}Create`]: union, ...variants };
}

function toCreateSchema(entity: CompiledEntity, recordType?: string): JsonSchema {
  const { properties, required, ...rest } = toEffectiveSchema(entity.definition, recordType) as JsonSchema & {
    properties: Record<string, FieldDefinition>;
    required: string[];
  };
  // null means "no value" on writes, so only required fields refuse it.
  const fields = mapValues(properties, (field, key) =>
    required.includes(key) ? toFieldSchema(field) : toNullable(toFieldSchema(field)),
  );
  const typeTitle = recordType && toEnglish(entity.definition['x-entity'].recordTypes?.[recordType]?.title);
  return {
    title: typeTitle ? `New ${toEntityTitle(entity)}: ${typeTitle}` : `New ${toEntityTitle(entity)}`,
    ...rest,
    properties: {
      ...(recordType && { record_type: { type: 'string', const: recordType } }),
      owner_id: NULLABLE_UUID,
      ...fields,
    },
    required: recordType ? ['record_type', ...required] : required,
  };
}

/** A JSON merge patch: any subset of the fields (null clears one), and the version it changes. */
function toPatchSchema(entity: CompiledEntity): JsonSchema {
  const types = entity.recordTypes;
  return {
    type: 'object',
    title: `${toEntityTitle(entity)} changes`,
    description:
      'A JSON merge patch: only the fields sent change, null clears a field. Send `version` here or as If-Match.',
    properties: {
      version: { type: 'integer', minimum: 1 },
      ...(types.length > 0 && { record_type: { type: 'string', enum: types } }),
      owner_id: NULLABLE_UUID,
      ...mapValues(allFields(entity), (field) => toNullable(toFieldSchema(field))),
    },
    additionalProperties: false,
  };
}

function allFields(entity: CompiledEntity): Record<string, FieldDefinition> {
  return toEffectiveSchema(entity.definition).properties as Record<string, FieldDefinition>;
}

function recordTypesText(entity: CompiledEntity): string {
  const types = entity.definition['x-entity'].recordTypes ?? {};
  return `Record types: ${Object.entries(types)
    .map(([key, type]) => `\`${key}\` (${toEnglish(type.title) ?? key})`)
    .join(', ')}.`;
}
