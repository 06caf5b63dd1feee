import { createHash } from 'node:crypto';
import type { EntityDefinition } from './entity.js';
import type { RolesDefinition } from './roles.js';
import type { WorkflowDefinition } from './workflow.js';

/** Every definition of one model: what a folder, a template, a draft or a published version holds. */
export interface DefinitionSet {
  entities: EntityDefinition[];
  workflows: WorkflowDefinition[];
  /**
   * `roles.json`: who may do what. Versioned with the entities and workflows it names, so a publish
   * can never leave a permission pointing at a field or event that no longer exists. Absent: the
   * template defines no roles of its own (the built-in admin always exists).
   */
  roles?: RolesDefinition;
}

/**
 * Where each definition came from, for issues that name the file: `entity:<id>`, `workflow:<id>`,
 * and `roles` (see ROLES_FILE).
 */
export type SourceFiles = Record<string, string>;

/** The file beside `schemas/` that holds a template's roles, and its key in SourceFiles. */
export const ROLES_FILE = 'roles.json';
export const ROLES_SOURCE_KEY = 'roles';

export const EMPTY_SET: DefinitionSet = { entities: [], workflows: [] };

/**
 * The set with definitions sorted by id, so equal sets serialize and hash equally. Roles are carried
 * only when present: a set without roles keeps exactly the JSON (and hash) it had before roles existed.
 */
export function toCanonicalSet(set: DefinitionSet): DefinitionSet {
  return {
    entities: [...set.entities].sort((a, b) => idOf(a, '$id').localeCompare(idOf(b, '$id'))),
    workflows: [...set.workflows].sort((a, b) => idOf(a, 'id').localeCompare(idOf(b, 'id'))),
    ...(set.roles != null && { roles: set.roles }),
  };
}

/** A definition's id for sorting; callers canonicalize before validating, so any JSON may stand here (it fails validation next). */
function idOf(definition: unknown, key: '$id' | 'id'): string {
  const id = definition && typeof definition === 'object' ? (definition as Record<string, unknown>)[key] : undefined;
  return typeof id === 'string' ? id : '';
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
