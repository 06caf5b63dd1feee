type I18n = { title?: Record<string, string>; description?: Record<string, string> };
type Localized = string | Record<string, string>;

/** One field of an entity definition, as far as the studio reads it. */
export interface FieldDefinition {
  type?: string;
  title?: string;
  description?: string;
  format?: string;
  enum?: unknown[];
  items?: FieldDefinition;
  maxLength?: number;
  'x-relation'?: { entity: string; onDelete?: string };
  'x-currency'?: string;
  'x-multiline'?: boolean;
  'x-i18n'?: I18n;
  'x-ui'?: { section?: string; order?: number; help?: Localized; hidden?: boolean };
}

/** The parts of an entity definition the studio reads. */
export interface EntityDefinition {
  $id: string;
  title: string;
  description?: string;
  'x-i18n'?: I18n;
  'x-entity': {
    titleField: string;
    workflow?: string;
    recordTypes?: Record<string, { title: Localized; required?: string[]; fields?: string[]; workflow?: string }>;
    sections?: { id: string; title: Localized }[];
  };
  properties: Record<string, FieldDefinition>;
  required?: string[];
}

/** A row of `GET /api/v1/meta/versions`. */
export interface PublishedVersion {
  version: number;
  hash?: string;
  source: string;
  note: string | null;
  published_by?: string | null;
  published_at: string;
}
