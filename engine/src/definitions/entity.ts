/**
 * The entity definition format: a JSON Schema (draft 2020-12) object schema plus our `x-` vocabulary.
 * The types are generated from meta/entity.meta.json into @lodestar/core; these are the engine's names for them.
 */
export type {
  AgendaOptions,
  EntityDefinition,
  EntityOptions,
  FieldDefinition,
  FieldI18n,
  LocalizedText,
  OnDelete,
  RecordTypeDefinition,
  RelationSpec,
  UiHints,
} from '@lodestar/core';
