import { createHash } from 'node:crypto';
import type { DefinitionSet, EntityDefinition } from '@lodestar/core';

// The set's shape is part of the contract with the apps (@lodestar/core).
export type { DefinitionSet };

/**
 * Where each definition came from, for issues that name the file: `entity:<id>`, `workflow:<id>`,
 * `dashboard:<id>` and `roles` (see ROLES_FILE).
 */
export type SourceFiles = Record<string, string>;

/** The file beside `schemas/` that holds a template's roles, and its key in SourceFiles. */
export const ROLES_FILE = 'roles.json';
export const ROLES_SOURCE_KEY = 'roles';

export const EMPTY_SET: DefinitionSet = { entities: [], workflows: [] };

/** A dashboard's file in a template folder (`dashboards/<id>.dashboard.json`) and its SourceFiles key. */
export const DASHBOARD_SUFFIX = '.dashboard.json';
export const dashboardFile = (id: string) => `dashboards/${id}${DASHBOARD_SUFFIX}`;
export const dashboardSourceKey = (id: string) => `dashboard:${id}`;

/**
 * The set with definitions sorted by id, so equal sets serialize and hash equally. Roles are carried
 * only when present: a set without roles keeps exactly the JSON (and hash) it had before roles existed.
 */
export function toCanonicalSet(set: DefinitionSet): DefinitionSet {
  return {
    entities: [...set.entities].sort((a, b) => idOf(a, '$id').localeCompare(idOf(b, '$id'))),
    workflows: [...set.workflows].sort((a, b) => idOf(a, 'id').localeCompare(idOf(b, 'id'))),
    ...(set.roles != null && { roles: set.roles }),
    // Dashboards likewise: a set without any keeps the JSON (and hash) it had before dashboards existed.
    ...(set.dashboards?.length && {
      dashboards: [...set.dashboards].sort((a, b) => idOf(a, 'id').localeCompare(idOf(b, 'id'))),
    }),
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
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** sha256 of the canonical JSON: equal definitions, equal hash, whatever the key order or file order. */
export function hashDefinitionSet(set: DefinitionSet): string {
  return createHash('sha256')
    .update(toCanonicalJson(toCanonicalSet(set)))
    .digest('hex');
}

export function findEntity(set: DefinitionSet, id: string): EntityDefinition | undefined {
  return set.entities.find((entity) => entity.$id === id);
}
