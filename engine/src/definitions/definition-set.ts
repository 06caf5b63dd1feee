import { createHash } from 'node:crypto';
import type { EntityDefinition } from './entity.js';
import type { WorkflowDefinition } from './workflow.js';

/** Every definition of one model: what a folder, a template, a draft or a published version holds. */
export interface DefinitionSet {
  entities: EntityDefinition[];
  workflows: WorkflowDefinition[];
}

/** Where each definition came from, for issues that name the file. */
export type SourceFiles = Record<string, string>;

export const EMPTY_SET: DefinitionSet = { entities: [], workflows: [] };

/** The set with definitions sorted by id, so equal sets serialize and hash equally. */
export function toCanonicalSet(set: DefinitionSet): DefinitionSet {
  return {
    entities: [...set.entities].sort((a, b) => a.$id.localeCompare(b.$id)),
    workflows: [...set.workflows].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** JSON with object keys sorted at every level. */
export function toCanonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** sha256 of the canonical JSON: equal definitions, equal hash, whatever the key order or file order. */
export function hashDefinitionSet(set: DefinitionSet): string {
  return createHash('sha256').update(toCanonicalJson(toCanonicalSet(set))).digest('hex');
}

export function findEntity(set: DefinitionSet, id: string): EntityDefinition | undefined {
  return set.entities.find((entity) => entity.$id === id);
}
