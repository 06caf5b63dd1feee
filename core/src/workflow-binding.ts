import type { EntityDefinition, WorkflowDefinition } from './definitions/types.js';

/** What the binding rule reads of an entity and of a workflow. */
export type BindingEntity = Pick<EntityDefinition, '$id' | 'x-entity'>;
export interface BindingWorkflow {
  id: string;
  meta: Pick<WorkflowDefinition['meta'], 'entity' | 'recordType'>;
}

/**
 * The workflow a record of `recordType` follows: the one its record type or entity names
 * (`x-entity.recordTypes.<type>.workflow`, `x-entity.workflow`), else the one bound to the record
 * type by `meta.recordType`, else the one bound to the whole entity; undefined when none is bound.
 * The one binding rule: the engine's records, runtime and planner and the apps' screens all ask here.
 * In a valid set the steps never disagree (`bindingConflicts` rejects the sets where they would).
 */
export function bindingOf<W extends BindingWorkflow>(
  entity: BindingEntity,
  workflows: Iterable<W>,
  recordType: string | null | undefined,
): W | undefined {
  const all = [...workflows];
  const options = entity['x-entity'] ?? {};
  const named = (recordType && options.recordTypes?.[recordType]?.workflow) || options.workflow;
  if (named) return all.find((w) => w.id === named);
  const bound = all.filter((w) => w.meta?.entity === entity.$id);
  return (
    bound.find((w) => recordType != null && w.meta.recordType === recordType) ??
    bound.find((w) => w.meta.recordType === undefined)
  );
}

/**
 * One way a set binds workflows ambiguously:
 * - `twice`: two workflows claim one entity (or one record type): both bound to it by `meta`, or one
 *   named by the entity (record type) and another bound to it by `meta`;
 * - `shadowed`: the entity names workflow `named`, yet `workflow` binds record type `recordType` by
 *   `meta.recordType` only: the entity's name would win, so the record type's binding would be dead;
 * - `elsewhere`: the entity (record type) names a workflow whose `meta.entity` is another entity.
 */
export type BindingConflict =
  | { kind: 'twice'; entity: string; recordType?: string; workflows: [string, string] }
  | { kind: 'shadowed'; entity: string; recordType: string; named: string; workflow: string }
  | { kind: 'elsewhere'; entity: string; recordType?: string; named: string };

/** Every ambiguous binding of `entity`'s records, so validation can refuse the set instead of guessing. */
export function bindingConflicts(entity: BindingEntity, workflows: Iterable<BindingWorkflow>): BindingConflict[] {
  const conflicts: BindingConflict[] = [];
  const all = [...workflows];
  const byId = new Map(all.map((w) => [w.id, w]));
  const options = entity['x-entity'] ?? {};
  const mine = all.filter((w) => w.meta?.entity === entity.$id);
  const slots: (string | undefined)[] = [undefined, ...Object.keys(options.recordTypes ?? {})];
  for (const recordType of slots) {
    const named = recordType === undefined ? options.workflow : options.recordTypes?.[recordType]?.workflow;
    const boundHere = mine.filter((w) => w.meta.recordType === recordType).map((w) => w.id);
    const claims = [...new Set([...(named ? [named] : []), ...boundHere])];
    if (claims.length > 1)
      conflicts.push({
        kind: 'twice',
        entity: entity.$id,
        ...(recordType !== undefined && { recordType }),
        workflows: [claims[0]!, claims[1]!],
      });
    const target = named ? byId.get(named) : undefined;
    if (target && target.meta?.entity !== entity.$id) {
      conflicts.push({
        kind: 'elsewhere',
        entity: entity.$id,
        ...(recordType !== undefined && { recordType }),
        named: named!,
      });
    }
    if (recordType !== undefined && !named && options.workflow) {
      for (const workflow of boundHere)
        if (workflow !== options.workflow)
          conflicts.push({ kind: 'shadowed', entity: entity.$id, recordType, named: options.workflow, workflow });
    }
  }
  return conflicts;
}
