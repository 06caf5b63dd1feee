import type { EntityDefinition } from '@lodestar/core';
import type { FieldKind } from '../model/types';

/**
 * A field's kind for display and filtering. Entity fields take the engine's kind (`useModel().kinds`);
 * system attributes, which the engine does not list there, get UI kinds of their own:
 * `state` (workflow stage), `recordType`, `user` (owner_id, created_by, updated_by).
 */
export type DisplayKind = FieldKind | 'state' | 'recordType' | 'user';

const SYSTEM_KINDS: Record<string, DisplayKind> = {
  id: 'uuid',
  record_type: 'recordType',
  state: 'state',
  state_entered_at: 'dateTime',
  sla_breached_at: 'dateTime',
  owner_id: 'user',
  created_at: 'dateTime',
  updated_at: 'dateTime',
  created_by: 'user',
  updated_by: 'user',
  version: 'integer',
};

export const SYSTEM_FIELDS = Object.keys(SYSTEM_KINDS);

export function displayKind(
  kinds: Record<string, Record<string, FieldKind>>,
  entity: EntityDefinition,
  field: string,
): DisplayKind {
  return kinds[entity.$id]?.[field] ?? SYSTEM_KINDS[field] ?? 'text';
}

/** Kinds the engine can sort on (scalar columns: arrays and JSON have no useful order). */
export function isSortableKind(kind: DisplayKind): boolean {
  return !['multiChoice', 'textList', 'manyToMany', 'json'].includes(kind);
}
