import { SYSTEM_VALUE_KINDS, type EntityDefinition, type ValueKind } from '@lodestar/core';
import type { FieldKind } from '../model/types';

/**
 * A field's kind for display and filtering: core's ValueKind. Entity fields take the engine's kind
 * (`useModel().kinds`); system attributes, which the engine does not list there, get theirs from core.
 */
export type DisplayKind = ValueKind;

export const SYSTEM_FIELDS = Object.keys(SYSTEM_VALUE_KINDS);

export function displayKind(
  kinds: Record<string, Record<string, FieldKind>>,
  entity: EntityDefinition,
  field: string,
): DisplayKind {
  return kinds[entity.$id]?.[field] ?? SYSTEM_VALUE_KINDS[field] ?? 'text';
}

/** Kinds the engine can sort on (scalar columns: arrays and JSON have no useful order). */
export function isSortableKind(kind: DisplayKind): boolean {
  return !['multiChoice', 'textList', 'manyToMany', 'json'].includes(kind);
}
