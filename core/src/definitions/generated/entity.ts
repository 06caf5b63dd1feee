/* Generated from engine/src/definitions/meta/entity.meta.json by `npm run generate -w core`. Do not edit. */

/**
 * @minItems 1
 */
export type Names = string[];
/**
 * @minItems 1
 * @maxItems 5
 */
export type Names1 = string[];
export type Localized =
  | string
  | {
      [k: string]: string;
    };
/**
 * @minItems 1
 * @maxItems 10
 */
export type Names2 = string[];
export type Names3 = string[];
export type Rule = {
  field: string;
  rule?: 'gt' | 'gte' | 'lt' | 'lte';
  than?: string;
  value?: number | string;
  check?: string;
  message?: {
    zh: string;
    en: string;
  };
} & Rule1;
export type Rule1 =
  | {
      rule: unknown;
      than: unknown;
      check?: never;
    }
  | {
      rule: unknown;
      value: unknown;
      check?: never;
    }
  | {
      check: unknown;
      rule?: never;
      than?: never;
      value?: never;
    };

/**
 * Lodestar entity definition
 */
export interface EntityDefinition {
  $id: string;
  $schema?: string;
  title: string;
  description?: string;
  type: 'object';
  'x-i18n'?: I18N;
  'x-entity': EntityOptions;
  properties: {
    [k: string]: Field;
  };
  required?: Names3;
  allOf?: {}[];
  if?: {};
  then?: {};
  else?: {};
  dependentRequired?: {};
  'x-rules'?: Rule[];
  'x-ui'?: EntityUi;
}
export interface I18N {
  title?: {
    [k: string]: string;
  };
  description?: {
    [k: string]: string;
  };
}
export interface EntityOptions {
  titleField: string;
  workflow?: string;
  renamedFrom?: string;
  agenda?: Agenda;
  indexes?: Names[];
  /**
   * @maxItems 20
   */
  unique?: UniqueKey[];
  duplicates?: DuplicateCheck;
  /**
   * @maxItems 20
   */
  search?: SearchField[];
  sections?: Section[];
  recordTypes?: {
    [k: string]: RecordType;
  };
}
export interface Agenda {
  due: string;
  reminder?: string;
  open: {
    field: string;
    /**
     * @minItems 1
     */
    values: string[];
  };
}
export interface UniqueKey {
  fields: Names1;
  normalize?: ('trim' | 'case' | 'width' | 'spaces')[];
  message?: Localized;
}
export interface DuplicateCheck {
  match: Names2;
  reveal?: 'nothing' | 'exists' | 'owner';
}
export interface SearchField {
  field: string;
  pinyin?: boolean;
}
export interface Section {
  id: string;
  title: Localized;
  /**
   * How many columns the section's fields take on a wide screen (default 2; a phone always shows one).
   */
  columns?: 1 | 2;
}
export interface RecordType {
  title: Localized;
  required?: Names3;
  fields?: Names3;
  workflow?: string;
}
export interface Field {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  title?: string;
  description?: string;
  format?: 'date' | 'date-time' | 'email' | 'phone' | 'uri' | 'uuid';
  /**
   * @minItems 1
   */
  enum?: (string | number)[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: Field;
  properties?: {};
  additionalProperties?: unknown;
  required?: Names3;
  readOnly?: boolean;
  'x-relation'?: Relation;
  /**
   * On a uuid string field: the value is the id of a Lodestar user (a person), not of a record.
   */
  'x-user'?: true;
  'x-currency'?: string;
  'x-scale'?: number;
  'x-multiline'?: boolean;
  'x-renamedFrom'?: string;
  'x-formula'?: string;
  'x-rollup'?: Rollup;
  'x-i18n'?: FieldI18N;
  'x-ui'?: Ui;
  'x-sequence'?: Sequence;
}
export interface Relation {
  entity: string;
  onDelete?: 'setNull' | 'cascade' | 'restrict';
  /**
   * On a many-to-one relation: the records of this entity are the parent's line items under this name (quote.lines), written with the parent in one request.
   */
  items?: string;
  /**
   * With items: the integer field of this entity that holds a line's position in the parent's list.
   */
  itemOrder?: string;
  /**
   * On a many-to-many relation: fields each link carries (a contact's role and influence on an opportunity), stored as columns of the link table.
   */
  attributes?: {
    [k: string]: Field;
  };
}
export interface Rollup {
  from: string;
  via: string;
  op: 'count' | 'sum' | 'min' | 'max' | 'avg';
  field?: string;
  where?: string;
}
export interface FieldI18N {
  title?: {
    [k: string]: string;
  };
  description?: {
    [k: string]: string;
  };
  enum?: {
    [k: string]: {
      [k: string]: string;
    };
  };
}
export interface Ui {
  section?: string;
  order?: number;
  help?: Localized;
  widget?: string;
  hidden?: boolean;
  chart?: boolean;
  list?: boolean;
  /**
   * A common filter: the list's filter panel starts with the fields marked so; others are found by typing.
   */
  filter?: boolean;
}
export interface Sequence {
  pattern: string;
  reset?: 'never' | 'yearly' | 'monthly';
  prefixes?: {
    [k: string]: string;
  };
}
/**
 * How the runtime UI shows the entity's records. highlights: the key fields in a record page's header (default: the first 4 list fields). related: the related lists under a record, in order, each the records of an entity whose many-to-one field `via` points here, with the columns to show (default: every entity pointing here, with the title and the first few fields).
 */
export interface EntityUi {
  /**
   * @maxItems 8
   */
  highlights?: string[];
  /**
   * @maxItems 30
   */
  related?: RelatedList[];
}
/**
 * One related list of a record page: the records of `entity` whose field `via` points at the record, with `columns` (default: the title, the stage and the first few fields).
 */
export interface RelatedList {
  entity: string;
  via: string;
  /**
   * @minItems 1
   * @maxItems 8
   */
  columns?: string[];
}
