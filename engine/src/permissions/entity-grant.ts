import { ADMIN_ROLE, SCOPES, type EntityPermission, type RolesDefinition, type Scope } from '../definitions/roles.js';

/** What one actor may do with one entity, merged over every role the actor holds. */
export interface EntityGrant {
  read: Scope;
  create: Scope;
  update: Scope;
  delete: Scope;
  /** The scope of a workflow event: its own entry, else the update scope. */
  events: Readonly<Record<string, Scope>>;
  /** Fields the actor never sees (nor writes). */
  hidden: ReadonlySet<string>;
  /** Fields the actor sees but cannot write (hidden ones are not repeated here). */
  readOnly: ReadonlySet<string>;
}

/** Everything, nothing restricted: the built-in admin role. */
export const FULL_GRANT: EntityGrant = {
  read: 'all',
  create: 'all',
  update: 'all',
  delete: 'all',
  events: {},
  hidden: new Set(),
  readOnly: new Set(),
};

/** Whether the roles include the built-in administrator. */
export function isAdmin(roles: readonly string[]): boolean {
  return roles.includes(ADMIN_ROLE);
}

/** A scope as what it reaches: owned records up to a level, and whether the unowned ones too. */
const REACH: Record<Scope, { level: number; unowned: boolean }> = {
  none: { level: 0, unowned: false },
  own: { level: 1, unowned: false },
  ownOrUnowned: { level: 1, unowned: true },
  team: { level: 2, unowned: false },
  teamOrUnowned: { level: 2, unowned: true },
  all: { level: 3, unowned: true },
};

/**
 * The union of two scopes' reach: holding a role with `team` and one with `ownOrUnowned` reaches the team's
 * records and the unowned ones (`teamOrUnowned`), which neither of the two alone does.
 */
export function broader(a: Scope, b: Scope): Scope {
  const level = Math.max(REACH[a].level, REACH[b].level);
  const unowned = REACH[a].unowned || REACH[b].unowned;
  return SCOPES.find((s) => REACH[s].level === level && (REACH[s].unowned === unowned || level === 3)) ?? 'all';
}

/** Whether a scope reaches the records nobody owns. */
export function reachesUnowned(scope: Scope): boolean {
  return REACH[scope].unowned;
}

/** The scope without the records nobody owns (`ownOrUnowned` → `own`), for what only owned records can be. */
export function ownedPart(scope: Scope): Scope {
  return scope === 'ownOrUnowned' ? 'own' : scope === 'teamOrUnowned' ? 'team' : scope;
}

/**
 * Merges the actor's roles for one entity: each action gets the broadest scope any role grants; a
 * field stays hidden (read-only) only when every role that can read (write) the entity restricts it,
 * because holding one more role never takes a permission away.
 */
export function grantFor(
  definition: RolesDefinition | undefined,
  actorRoles: readonly string[],
  entityId: string,
  /** The parent when this entity is a parent's line items (quoteLine of quote). */
  itemsOf?: string,
): EntityGrant {
  if (isAdmin(actorRoles)) return FULL_GRANT;
  const permissions = actorRoles
    .map((role) => definition?.roles[role])
    .map(
      (role) => role && (role.entities[entityId] ?? linesOf(itemsOf && role.entities[itemsOf]) ?? role.entities['*']),
    )
    .filter((p): p is EntityPermission => p !== undefined);
  const scope = (action: 'read' | 'create' | 'update' | 'delete') =>
    permissions.reduce<Scope>((s, p) => broader(s, p[action] ?? 'none'), 'none');
  const readers = permissions.filter((p) => (p.read ?? 'none') !== 'none');
  const writers = permissions.filter((p) => (p.update ?? 'none') !== 'none' || (p.create ?? 'none') !== 'none');
  const hidden = restrictedByAll(readers, (r) => r === 'hidden');
  const readOnly = restrictedByAll(writers, (r) => r !== undefined);
  for (const name of hidden) readOnly.delete(name);
  return {
    read: scope('read'),
    create: scope('create'),
    update: scope('update'),
    delete: scope('delete'),
    events: eventScopes(permissions),
    hidden,
    readOnly,
  };
}

/**
 * Line items follow their parent: a role that does not name the line entity reads the lines of the
 * parents it reads, and adds, changes and removes lines where it may change the parent (editing a quote's
 * lines is editing the quote), or create them with a parent it may create. So granting quotes grants their
 * lines. The parent's field rules and event scopes name the parent's fields and events: not carried.
 */
function linesOf(parent: EntityPermission | undefined | ''): EntityPermission | undefined {
  if (!parent) return undefined;
  const update = parent.update ?? 'none';
  return { read: parent.read ?? 'none', create: broader(parent.create ?? 'none', update), update, delete: update };
}

/** The scope in which the actor may send `event`. */
export function eventScope(grant: EntityGrant, event: string): Scope {
  return grant.events[event] ?? grant.update;
}

function restrictedByAll(permissions: EntityPermission[], restricts: (r: string | undefined) => boolean): Set<string> {
  if (!permissions.length) return new Set();
  const names = new Set(permissions.flatMap((p) => Object.keys(p.fields ?? {})));
  return new Set([...names].filter((name) => permissions.every((p) => restricts(p.fields?.[name]))));
}

function eventScopes(permissions: EntityPermission[]): Record<string, Scope> {
  const events: Record<string, Scope> = {};
  const names = new Set(permissions.flatMap((p) => Object.keys(p.events ?? {})));
  for (const name of names) {
    events[name] = permissions.reduce<Scope>((s, p) => broader(s, p.events?.[name] ?? p.update ?? 'none'), 'none');
  }
  return events;
}
