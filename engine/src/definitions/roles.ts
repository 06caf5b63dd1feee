import type { LocalizedText } from './entity.js';

/**
 * How far a permission reaches: no records, the records the user owns, the records owned by anyone
 * in the user's org unit and the units below it, or every record.
 */
export type Scope = 'none' | 'own' | 'team' | 'all';

/** Scopes from narrowest to broadest: holding several roles grants the broadest. */
export const SCOPES: readonly Scope[] = ['none', 'own', 'team', 'all'];

/** What a role may do with a field beyond the entity's own permissions. */
export type FieldRestriction = 'hidden' | 'readOnly';

/** One role's permissions on one entity; an absent scope is `none`. */
export interface EntityPermission {
  read?: Scope;
  create?: Scope;
  update?: Scope;
  delete?: Scope;
  /** Workflow events by name; an event not listed follows `update`. */
  events?: Record<string, Scope>;
  /** Fields this role must not see (`hidden`) or may see but not write (`readOnly`). */
  fields?: Record<string, FieldRestriction>;
}

export interface RoleDefinition {
  title: LocalizedText;
  description?: LocalizedText;
  /** Per entity id; `"*"` applies to every entity the role does not name. */
  entities: Record<string, EntityPermission>;
}

/**
 * `roles.json` beside `schemas/`: the roles a template defines. The role `admin` is built in: it may
 * do everything, whatever this file says, so an installation can never lock its administrators out.
 */
export interface RolesDefinition {
  roles: Record<string, RoleDefinition>;
}

/** The role that may do everything. */
export const ADMIN_ROLE = 'admin';
