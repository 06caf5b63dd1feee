import type { SequenceDefinition } from '@lodestar/core';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { EntityDefinition } from '../definitions/entity.js';
import type { StepDraft } from './plan.js';

/**
 * The numbering steps between two definition sets, by entity and field (renames declared by
 * `x-entity.renamedFrom` and `x-renamedFrom` followed): a field that gains `x-sequence` is numbered,
 * one that changes it keeps its numbers, a renamed one keeps its counters, one that loses it (or is
 * removed with its entity) gives them up.
 */
export function diffSequences(before: DefinitionSet, after: DefinitionSet): StepDraft[] {
  const steps: StepDraft[] = [];
  const old = new Map(before.entities.map((entity) => [entity.$id, entity]));
  const kept = new Set<string>();
  for (const entity of after.entities) {
    const previousId = old.has(entity.$id) ? entity.$id : entity['x-entity'].renamedFrom;
    const previous = previousId === undefined ? undefined : old.get(previousId);
    if (previous) kept.add(previous.$id);
    steps.push(...diffEntity(previous, entity));
  }
  for (const entity of before.entities) {
    if (kept.has(entity.$id)) continue;
    for (const [column] of sequencesOf(entity)) steps.push({ kind: 'dropSequence', table: entity.$id, column });
  }
  return steps;
}

function diffEntity(previous: EntityDefinition | undefined, entity: EntityDefinition): StepDraft[] {
  const steps: StepDraft[] = [];
  const was = previous ? sequencesOf(previous) : new Map<string, SequenceDefinition>();
  const table = entity.$id;
  const seen = new Set<string>();
  for (const [column, field] of Object.entries(entity.properties)) {
    const oldName =
      previous && column in previous.properties ? column : (field['x-renamedFrom'] ?? (previous ? column : undefined));
    const existed = previous !== undefined && oldName !== undefined && oldName in previous.properties;
    const sequence = field['x-sequence'];
    const from = oldName === undefined ? undefined : was.get(oldName);
    if (!sequence) continue;
    if (from && oldName) seen.add(oldName);
    if (!from) {
      steps.push({ kind: 'addSequence', table, column, sequence, ...(existed && { renumber: true }) });
      continue;
    }
    if (previous!.$id !== table || oldName !== column)
      steps.push({ kind: 'renameSequence', table, column, from: { table: previous!.$id, column: oldName! } });
    if (JSON.stringify(from) !== JSON.stringify(sequence))
      steps.push({ kind: 'changeSequence', table, column, from, to: sequence });
  }
  for (const column of was.keys()) {
    if (!seen.has(column)) steps.push({ kind: 'dropSequence', table: previous!.$id, column });
  }
  return steps;
}

function sequencesOf(entity: EntityDefinition): Map<string, SequenceDefinition> {
  return new Map(
    Object.entries(entity.properties).flatMap(([name, field]) =>
      field['x-sequence'] ? [[name, field['x-sequence']] as const] : [],
    ),
  );
}
