import type { FieldDefinition } from '../../definitions/entity.js';
import { toEnglish } from './names.js';

/** A JSON Schema object as it appears in the document. */
export type JsonSchema = Record<string, unknown>;

// Extensions a client can use (relation target, money currency and scale); the rest is authoring detail.
const KEPT_EXTENSIONS = new Set(['x-relation', 'x-user', 'x-currency', 'x-scale']);

const USER_FIELD =
  "A Lodestar user's id (the users directory, GET /api/v1/users). Writes accept active users only (422 activeUser); " +
  '`filter[<field>][eq]=me` means the signed-in user; `expand=<field>` gives `{ id, name, email }`.';

/** A field's JSON Schema as the API documents it: English title and description, authoring keywords (`x-ui`, `x-i18n`, …) removed. */
export function toFieldSchema(field: FieldDefinition): JsonSchema {
  const schema: JsonSchema = {};
  for (const [key, value] of Object.entries(field)) {
    if (key.startsWith('x-') && !KEPT_EXTENSIONS.has(key)) continue;
    schema[key] = key === 'items' ? toFieldSchema(value as FieldDefinition) : value;
  }
  const title = toEnglish(field.title, field['x-i18n']?.title);
  const description = toEnglish(field.description, field['x-i18n']?.description);
  if (title) schema.title = title;
  if (description) schema.description = description;
  // A formula field is computed by the engine: readOnly, and the create and patch bodies refuse it (422).
  if (field['x-formula'] !== undefined) {
    schema.readOnly = true;
    schema.description = `${description ? `${description} ` : ''}Formula: ${field['x-formula']}`;
  }
  const attributes = field['x-relation']?.attributes;
  if (field.type === 'array' && field.items && attributes) schema.items = toLinkSchema(field.items, attributes);
  if (field['x-user']) schema.description = `${description ? `${description} ` : ''}${USER_FIELD}`;
  const sequence = field['x-sequence'];
  if (sequence) {
    schema.readOnly = true;
    schema.description = `${description ? `${description} ` : ''}Numbered by the engine on create: ${sequence.pattern}.`;
  }
  return schema;
}

/** A link with attributes: its id alone on writes (attributes empty), or `{ id, ...attributes }` as reads answer it. */
function toLinkSchema(id: FieldDefinition, attributes: Record<string, FieldDefinition>): JsonSchema {
  const idSchema = toFieldSchema(id);
  return {
    anyOf: [
      idSchema,
      {
        type: 'object',
        required: ['id'],
        properties: { id: idSchema, ...mapValues(attributes, (attribute) => toNullable(toFieldSchema(attribute))) },
        additionalProperties: false,
      },
    ],
  };
}

/** The schema that also accepts `null`: a type list where possible, so generated clients see `T | null`. */
export function toNullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type !== 'string' || 'const' in schema) return { anyOf: [schema, { type: 'null' }] };
  return {
    ...schema,
    type: [schema.type, 'null'],
    ...(Array.isArray(schema.enum) && { enum: [...schema.enum, null] }),
  };
}

/** Applies `map` to every value of an object, keeping its keys. */
export function mapValues<T, U>(object: Record<string, T>, map: (value: T, key: string) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value, key)]));
}
