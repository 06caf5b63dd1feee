import { isIdentifier } from '@lodestar/core';
import type {
  DefinitionSet,
  EntityDefinition,
  EntityPermission,
  FieldRestriction as FieldRule,
  LocalizedText,
  RolesDefinition as RolesFile,
  Scope,
} from '@lodestar/core';

// roles.json's types are generated from the meta-schema into @lodestar/core; the studio names them as it edits them.
export { ADMIN_ROLE, SCOPES } from '@lodestar/core';
export type {
  EntityPermission,
  FieldRestriction as FieldRule,
  RoleDefinition,
  RolesDefinition as RolesFile,
  Scope,
} from '@lodestar/core';
export const ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * A role's title or description per language. roles.json may give a plain string (one text for every
 * language, as the meta-schema allows): editing one language must not spread the string into characters.
 */
export function textsOf(value: LocalizedText | undefined): Record<string, string> {
  return typeof value === 'string' ? { zh: value, en: value } : { ...value };
}

/** Every entity the role does not name itself. */
export const ANY_ENTITY = '*';
/** Role ids are identifiers (camelCase, at most 48 characters), as the engine validates them. */
export function isRoleId(id: string): boolean {
  return isIdentifier(id);
}

export function rolesOf(set: DefinitionSet): RolesFile | undefined {
  const roles = set.roles as RolesFile | undefined;
  return roles && typeof roles === 'object' && roles.roles ? roles : undefined;
}

/** The draft's roles file, created empty when the draft has none (only inside `update`). */
function ensureRoles(set: DefinitionSet): RolesFile {
  if (!rolesOf(set)) set.roles = { roles: {} } satisfies RolesFile;
  return set.roles as RolesFile;
}

/** One role's permission on one entity, created on first edit. */
function permissionOf(set: DefinitionSet, role: string, entity: string): EntityPermission {
  const definition = ensureRoles(set).roles[role]!;
  definition.entities ??= {};
  return (definition.entities[entity] ??= {});
}

/** Drops an entity's entry once it grants nothing, so the file stays as a consultant would write it. */
function tidy(set: DefinitionSet, role: string, entity: string): void {
  const entities = ensureRoles(set).roles[role]!.entities;
  const permission = entities[entity];
  if (!permission) return;
  if (permission.events && !Object.keys(permission.events).length) delete permission.events;
  if (permission.fields && !Object.keys(permission.fields).length) delete permission.fields;
  if (!Object.keys(permission).length) delete entities[entity];
}

/** `none` is written out (not deleted) so a role can say "nothing" on an entity that `*` would open. */
export function setScope(set: DefinitionSet, role: string, entity: string, action: Action, scope: Scope | ''): void {
  const permission = permissionOf(set, role, entity);
  if (scope === '') delete permission[action];
  else permission[action] = scope;
  tidy(set, role, entity);
}

/** An empty scope removes the override: the event then follows `update`. */
export function setEventScope(
  set: DefinitionSet,
  role: string,
  entity: string,
  event: string,
  scope: Scope | '',
): void {
  const permission = permissionOf(set, role, entity);
  const events = (permission.events ??= {});
  if (scope === '') delete events[event];
  else events[event] = scope;
  tidy(set, role, entity);
}

export function setFieldRule(
  set: DefinitionSet,
  role: string,
  entity: string,
  field: string,
  rule: FieldRule | '',
): void {
  const permission = permissionOf(set, role, entity);
  const fields = (permission.fields ??= {});
  if (rule === '') delete fields[field];
  else fields[field] = rule;
  tidy(set, role, entity);
}

export function setRoleText(
  set: DefinitionSet,
  role: string,
  key: 'title' | 'description',
  lang: 'zh' | 'en',
  value: string,
): void {
  const definition = ensureRoles(set).roles[role]!;
  const text = { ...textsOf(definition[key]), [lang]: value };
  if (key === 'description' && !text.zh && !text.en) delete definition.description;
  else definition[key] = text;
}

/** Adds a role; with `copyOf`, it starts with that role's permissions, events and field rules (a deep copy). */
export function addRole(set: DefinitionSet, id: string, title: { zh: string; en: string }, copyOf?: string): void {
  const roles = ensureRoles(set).roles;
  const source = copyOf ? roles[copyOf] : undefined;
  roles[id] = { title, entities: source ? structuredClone(source.entities) : {} };
}

export function removeRole(set: DefinitionSet, id: string): void {
  delete ensureRoles(set).roles[id];
}

/** The events of the workflows bound to an entity (any record type), sorted. */
export function eventsOf(set: DefinitionSet, entity: string): string[] {
  const events = new Set<string>();
  for (const workflow of set.workflows) {
    if (workflow.meta?.entity !== entity) continue;
    const states = (workflow as { states?: Record<string, { on?: Record<string, unknown> }> }).states ?? {};
    for (const state of Object.values(states)) for (const event of Object.keys(state.on ?? {})) events.add(event);
  }
  return [...events].sort();
}

/** An event's title in `lang` (from the first transition that names it), else its id. */
export function eventTitle(set: DefinitionSet, entity: string, event: string, lang: string): string {
  for (const workflow of set.workflows) {
    if (workflow.meta?.entity !== entity) continue;
    const states =
      (
        workflow as {
          states?: Record<string, { on?: Record<string, { meta?: { title?: Record<string, string> | string } }> }>;
        }
      ).states ?? {};
    for (const state of Object.values(states)) {
      const title = state.on?.[event]?.meta?.title;
      if (typeof title === 'string') return title;
      if (title) return title[lang] ?? title.en ?? event;
    }
  }
  return event;
}

/** The fields a rule can name: the entity's properties, in definition order. */
export function fieldsOf(entity: EntityDefinition): string[] {
  return Object.keys(entity.properties ?? {});
}
