import type { Localized } from '@lodestar/ui-shared';

/** Per-language texts, as definitions carry them in `x-i18n`. */
export interface I18n {
  title?: Record<string, string>;
  description?: Record<string, string>;
}

/** One field of an entity definition (the JSON Schema property plus Lodestar's `x-` hints). */
export interface FieldDefinition {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  title?: string;
  description?: string;
  format?: 'date' | 'date-time' | 'email' | 'phone' | 'uri' | 'uuid';
  enum?: (string | number)[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  readOnly?: boolean;
  items?: FieldDefinition;
  'x-relation'?: { entity: string; onDelete?: string };
  'x-currency'?: string;
  'x-scale'?: number;
  'x-multiline'?: boolean;
  'x-i18n'?: I18n & { enum?: Record<string, Record<string, string>> };
  'x-ui'?: { section?: string; order?: number; help?: Localized; widget?: string; hidden?: boolean; chart?: boolean; list?: boolean };
}

export interface RecordTypeDefinition {
  title: Localized;
  required?: string[];
  fields?: string[];
  workflow?: string;
}

export interface EntityDefinition {
  $id: string;
  title: string;
  description?: string;
  'x-i18n'?: I18n;
  'x-entity': {
    titleField: string;
    workflow?: string;
    recordTypes?: Record<string, RecordTypeDefinition>;
    sections?: { id: string; title: Localized }[];
    indexes?: string[][];
  };
  properties: Record<string, FieldDefinition>;
  required?: string[];
}

/** The engine's own classification of a field (`/meta/entities` → `kinds`), so the UI never re-derives it. */
export type FieldKind = string;

export interface StateMeta {
  title?: Localized;
  color?: string;
  probability?: number;
  outcome?: 'open' | 'won' | 'lost' | string;
  stuckAfter?: string;
  sla?: unknown;
}

export interface TransitionDefinition {
  target?: string;
  guard?: unknown;
  actions?: unknown[];
  meta?: { title?: Localized };
}

export interface WorkflowDefinition {
  id: string;
  initial: string;
  meta: { entity: string; recordType?: string; title?: Localized; description?: Localized; amountField?: string; closeDateField?: string };
  states: Record<string, { type?: string; meta?: StateMeta; on?: Record<string, TransitionDefinition | TransitionDefinition[]> }>;
}

/** What the signed-in user may do with one entity: scopes (`none`, `own`, `team`, `all`) and read-only fields. */
export interface EntityPermissions {
  read: string;
  create: string;
  update: string;
  delete: string;
  readOnly: string[];
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  orgUnitId: string | null;
}

/**
 * A stored record as the API returns it: its fields plus the system attributes `id`, `record_type`,
 * `state`, `state_entered_at`, `sla_breached_at`, `owner_id`, `created_at`, `updated_at`, `created_by`,
 * `updated_by` and `version` (snake_case, as filters and sorts name them too).
 */
export type RecordJson = Record<string, unknown> & { id: string };

/** A keyset page of `GET /api/v1/records/{entity}`. */
export interface RecordPage {
  data: RecordJson[];
  nextCursor: string | null;
}
