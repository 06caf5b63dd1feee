/** Text in one language or per language, as definitions carry it. */
export type Localized = string | Record<string, string>;
type I18n = { title?: Record<string, string>; description?: Record<string, string> };

/** One field of an entity definition (JSON Schema plus Lodestar's `x-` keywords). */
export interface FieldDefinition {
  type?: string;
  title?: string;
  description?: string;
  format?: string;
  enum?: (string | number)[];
  items?: FieldDefinition;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  uniqueItems?: boolean;
  'x-relation'?: { entity: string; onDelete?: string };
  'x-currency'?: string;
  'x-scale'?: number;
  'x-multiline'?: boolean;
  'x-renamedFrom'?: string;
  'x-i18n'?: I18n & { enum?: Record<string, Record<string, string>> };
  'x-ui'?: { section?: string; order?: number; help?: Localized; hidden?: boolean; list?: boolean; chart?: boolean; widget?: string };
  [keyword: string]: unknown;
}

export interface RecordTypeDefinition {
  title: Localized;
  required?: string[];
  fields?: string[];
  workflow?: string;
}

export interface SectionDefinition {
  id: string;
  title: Localized;
}

/** An entity definition, as the studio edits it; unknown keys are kept untouched. */
export interface EntityDefinition {
  $id: string;
  title: string;
  type: 'object';
  description?: string;
  'x-i18n'?: I18n;
  'x-entity': {
    titleField: string;
    workflow?: string;
    recordTypes?: Record<string, RecordTypeDefinition>;
    sections?: SectionDefinition[];
    indexes?: string[][];
    [key: string]: unknown;
  };
  properties: Record<string, FieldDefinition>;
  required?: string[];
  [keyword: string]: unknown;
}

export interface WorkflowDefinition {
  id: string;
  meta: { entity: string; recordType?: string; title?: Localized };
  [key: string]: unknown;
}

/** The whole model the studio edits and publishes: every entity, workflow and roles.json. */
export interface DefinitionSet {
  entities: EntityDefinition[];
  workflows: WorkflowDefinition[];
  roles?: unknown;
}

/** A validation problem the engine reports: `file` is `entities[3]`, `workflows[0]` or roles.json. */
export interface DefinitionIssue {
  file?: string;
  pointer: string;
  keyword: string;
  message: string;
  /** The message in both languages (the engine words definition issues so). */
  i18n?: { en: string; zh: string };
  params?: Record<string, unknown>;
}

/** A row of `GET /api/v1/meta/versions`. */
export interface PublishedVersion {
  version: number;
  hash?: string;
  source: string;
  note: string | null;
  /** The note in both languages when the engine wrote it (the first, seeded version). */
  noteText?: { en: string; zh: string };
  published_by?: string | null;
  published_at: string;
}
