/* Generated from engine/src/definitions/meta/roles.meta.json by `npm run generate -w core`. Do not edit. */

export type Localized =
  | string
  | {
      [k: string]: string;
    };
/**
 * Whose records: none, the actor's own, their team's (their org unit and below), all; ownOrUnowned and teamOrUnowned add the records nobody owns (a customer pool).
 */
export type Scope = 'none' | 'own' | 'ownOrUnowned' | 'team' | 'teamOrUnowned' | 'all';

/**
 * Lodestar roles and permissions (roles.json). The shape only. Role ids, entity ids, field names and event names are checked against the rest of the definition set by validate-roles.ts.
 */
export interface RolesDefinition {
  $schema?: string;
  roles: {
    [k: string]: Role;
  };
}
export interface Role {
  title: Localized;
  description?: Localized;
  entities: {
    [k: string]: Permission;
  };
}
export interface Permission {
  read?: Scope;
  create?: Scope;
  update?: Scope;
  delete?: Scope;
  events?: {
    [k: string]: Scope;
  };
  fields?: {
    [k: string]: 'hidden' | 'readOnly';
  };
}
