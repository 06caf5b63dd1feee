import type { EntityDefinition, WorkflowDefinition } from '@lodestar/core';
import type { FieldKind } from '../model/types';
import { displayKind, SYSTEM_FIELDS, type DisplayKind } from '../fields/kinds';

/** Kinds too wide or too nested for a table cell by default (still choosable). */
const NOT_BY_DEFAULT = new Set<DisplayKind>(['longText', 'json', 'manyToMany']);
const DEFAULT_WIDTH = 8;

/** Fields in their form order (`x-ui.order`, then definition order), hidden ones left out. */
export function orderedFields(entity: EntityDefinition): string[] {
  const names = Object.keys(entity.properties).filter((name) => !entity.properties[name]?.['x-ui']?.hidden);
  const order = (name: string) => entity.properties[name]?.['x-ui']?.order ?? Number.MAX_SAFE_INTEGER;
  return names
    .map((name, i) => ({ name, i }))
    .sort((a, b) => order(a.name) - order(b.name) || a.i - b.i)
    .map((x) => x.name);
}

/**
 * The default columns: the title field, the record type (when the entity has types), the first fields
 * in form order, then the stage (with a workflow), the owner and the last update — about seven.
 */
export function defaultColumns(
  entity: EntityDefinition,
  kinds: Record<string, Record<string, FieldKind>>,
  hasWorkflow: boolean,
): string[] {
  const title = entity['x-entity'].titleField;
  const head = [title, ...(entity['x-entity'].recordTypes ? ['record_type'] : [])];
  const tail = [...(hasWorkflow ? ['state'] : []), 'owner_id', 'updated_at'];
  const room = Math.max(1, DEFAULT_WIDTH - head.length - tail.length);
  // Fields the definition marks `x-ui.list`, else the first fields in form order.
  const candidates = orderedFields(entity).filter(
    (name) => name !== title && !NOT_BY_DEFAULT.has(displayKind(kinds, entity, name)),
  );
  const marked = candidates.filter((name) => entity.properties[name]?.['x-ui']?.list);
  const middle = (marked.length ? marked : candidates).slice(0, room);
  return [...head, ...middle, ...tail];
}

/** Every column the reader may choose: the entity's (visible) fields, then the system attributes. */
export function choosableColumns(entity: EntityDefinition, hasWorkflow: boolean): string[] {
  const system = SYSTEM_FIELDS.filter(
    (name) =>
      name !== 'version' &&
      (hasWorkflow || !['state', 'state_entered_at', 'sla_breached_at', 'sla_due_at'].includes(name)) &&
      (name !== 'record_type' || entity['x-entity'].recordTypes),
  );
  return [...orderedFields(entity), ...system];
}

/** The workflows an entity's records follow (the entity's own and its record types'). */
export function workflowsOfEntity(entity: EntityDefinition, workflows: WorkflowDefinition[]): WorkflowDefinition[] {
  const named = new Set(
    [entity['x-entity'].workflow, ...Object.values(entity['x-entity'].recordTypes ?? {}).map((t) => t.workflow)].filter(
      Boolean,
    ),
  );
  return workflows.filter((w) => w.meta.entity === entity.$id || named.has(w.id));
}
