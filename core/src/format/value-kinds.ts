import type { FieldKind } from '../field-kind.js';

/**
 * A value's kind for showing it: a field's kind (as the engine classifies the field), or one of the kinds of
 * the system attributes: `state` (workflow stage), `recordType`, `user` (owner_id, created_by, updated_by).
 */
export type ValueKind = FieldKind | 'state' | 'recordType' | 'user';

/** How the system attributes every record has are shown (the engine stores and filters them by their column kinds). */
export const SYSTEM_VALUE_KINDS: Readonly<Record<string, ValueKind>> = {
  id: 'uuid',
  record_type: 'recordType',
  state: 'state',
  state_entered_at: 'dateTime',
  sla_breached_at: 'dateTime',
  sla_due_at: 'dateTime',
  owner_id: 'user',
  created_at: 'dateTime',
  updated_at: 'dateTime',
  created_by: 'user',
  updated_by: 'user',
  version: 'integer',
};
