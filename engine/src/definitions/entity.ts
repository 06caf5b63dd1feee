import type { RecordRule } from './record-rules.js';

/**
 * The entity definition format: a JSON Schema (draft 2020-12) object schema plus our `x-` vocabulary.
 * These types describe what the meta-schema (meta/entity.meta.json) accepts.
 */

/** Text in one language, or per language (`{ "zh": "客户", "en": "Customer" }`). */
export type LocalizedText = string | Record<string, string>;

export type OnDelete = 'setNull' | 'cascade' | 'restrict';

/** `x-relation` on a uuid field (many-to-one) or on an array of uuids (many-to-many). */
export interface RelationSpec {
  entity: string;
  onDelete?: OnDelete;
}

/** Form layout hints; ignored by validation and SQL. */
export interface UiHints {
  section?: string;
  order?: number;
  help?: LocalizedText;
  widget?: string;
  hidden?: boolean;
  /** Show this field's distribution on the dashboard (choice, text, boolean and many-to-one fields). */
  chart?: boolean;
  /** A default column of the entity's list (the title field always is one). */
  list?: boolean;
}

/** A field's labels: title, description and, for choice fields, one label per enum value. */
export interface FieldI18n {
  title?: Record<string, string>;
  description?: Record<string, string>;
  /** Per value of `enum` (or `items.enum` for multiple choice): `{ "zh": "制造业", "en": "Manufacturing" }`. */
  enum?: Record<string, Record<string, string>>;
}

/** One property of an entity: a JSON Schema with our keywords. */
export interface FieldDefinition {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  title?: string;
  description?: string;
  format?: string;
  enum?: unknown[];
  items?: FieldDefinition;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  'x-relation'?: RelationSpec;
  /** Marks a number as a money amount in this currency: numeric with fixed scale. */
  'x-currency'?: string;
  /** Digits after the decimal point for money amounts (default 2). */
  'x-scale'?: number;
  /** A long text (text column, multi-line editor). */
  'x-multiline'?: boolean;
  /** The field's previous name; the planner renames the column instead of drop + add. */
  'x-renamedFrom'?: string;
  'x-i18n'?: FieldI18n;
  'x-ui'?: UiHints;
  [keyword: string]: unknown;
}

export interface RecordTypeDefinition {
  title: LocalizedText;
  /** Fields required for this type, on top of the entity's own `required`. */
  required?: string[];
  /** Fields shown and accepted for this type; all fields when absent. */
  fields?: string[];
  /** Workflow id bound to records of this type. */
  workflow?: string;
}

export interface EntityOptions {
  titleField: string;
  recordTypes?: Record<string, RecordTypeDefinition>;
  /** Extra indexes, each a list of field names. */
  indexes?: string[][];
  /** Workflow id bound to every record (unless a record type names its own). */
  workflow?: string;
  /** The entity's previous id; the planner renames the table. */
  renamedFrom?: string;
  /** Form sections in order, with titles. */
  sections?: { id: string; title: LocalizedText }[];
  /** Records of this entity are things to do: "My day" lists the open ones due, overdue or to be reminded of. */
  agenda?: AgendaOptions;
}

/** Which fields make a record an agenda item (all names of the entity's own properties). */
export interface AgendaOptions {
  /** A date or date-time field: when the item is due. */
  due: string;
  /** A date-time field: when to remind the owner. */
  reminder?: string;
  /** A choice field and the values of it that mean "not done yet". */
  open: { field: string; values: string[] };
}

export interface EntityDefinition {
  $id: string;
  $schema?: string;
  title: string;
  description?: string;
  type: 'object';
  'x-entity': EntityOptions;
  'x-i18n'?: { title?: Record<string, string>; description?: Record<string, string> };
  properties: Record<string, FieldDefinition>;
  required?: string[];
  /** Cross-field rules (record-rules.ts), enforced on every write and shown on the field. */
  'x-rules'?: RecordRule[];
  [keyword: string]: unknown;
}
