import type { Scope } from '../definitions/roles.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import type { Actor } from '../actor.js';
import { eventScope, grantFor, isAdmin, type EntityGrant } from './entity-grant.js';
import { entityView } from './entity-view.js';
import { scopeCondition, type SqlCondition } from './scope-condition.js';

/** The role-dependent half of an actor's access: grants and views per entity, shared by all holders of the same roles. */
interface RoleAccess {
  grants: Map<string, EntityGrant>;
  views: Map<string, CompiledEntity>;
  /** Whether some scope of these roles is a team's (api/team-members.ts reads the team only then). */
  byTeam: boolean;
}

/** One actor's permissions over one model version. */
export interface ModelAccess {
  actor: Actor;
  /** The actor's grant on an entity of the model. */
  grant(entityId: string): EntityGrant;
  /** Entities the actor may read, as the actor sees them (hidden fields removed). */
  views: ReadonlyMap<string, CompiledEntity>;
  /** The rows of `entityId` that `action` reaches for this actor; undefined means every row. */
  condition(entityId: string, action: 'read' | 'update' | 'delete', alias?: string): SqlCondition | undefined;
  /** The rows an event may be sent to. */
  eventCondition(entityId: string, event: string, alias?: string): SqlCondition | undefined;
}

const byModel = new WeakMap<Model, Map<string, RoleAccess>>();

/**
 * The access of an actor to a model; undefined for an administrator, whose requests run the very
 * same statements as before permissions existed (no condition, no view).
 */
export function accessFor(model: Model, actor: Actor): ModelAccess | undefined {
  if (isAdmin(actor.roles)) return undefined;
  const { grants, views } = roleAccess(model, actor.roles);
  const grant = (entityId: string) => grants.get(entityId) ?? NO_GRANT;
  const toCondition = (scope: Scope, alias: string) => scopeCondition(scope, actor, alias);
  return {
    actor,
    grant,
    views,
    condition: (entityId, action, alias = 't') => toCondition(grant(entityId)[action], alias),
    eventCondition: (entityId, event, alias = 't') => toCondition(eventScope(grant(entityId), event), alias),
  };
}

/** Whether holders of `roles` reach some records of the model by team (so their requests read the team's members). */
export function reachesByTeam(model: Model, roles: readonly string[]): boolean {
  return roleAccess(model, roles).byTeam;
}

const isTeamScope = (scope: Scope) => scope === 'team' || scope === 'teamOrUnowned';

const NO_GRANT: EntityGrant = {
  read: 'none',
  create: 'none',
  update: 'none',
  delete: 'none',
  events: {},
  hidden: new Set(),
  readOnly: new Set(),
};

function roleAccess(model: Model, roles: readonly string[]): RoleAccess {
  let perModel = byModel.get(model);
  if (!perModel) byModel.set(model, (perModel = new Map()));
  const key = [...roles].sort().join(',');
  let access = perModel.get(key);
  if (!access) {
    const grants = new Map<string, EntityGrant>();
    const views = new Map<string, CompiledEntity>();
    for (const entity of model.entities.values()) {
      const grant = grantFor(model.set.roles, roles, entity.id, itemsParentOf(entity));
      grants.set(entity.id, grant);
      if (grant.read !== 'none') views.set(entity.id, entityView(entity, grant.hidden));
    }
    const byTeam = [...grants.values()].some((grant) =>
      [grant.read, grant.update, grant.delete, ...Object.values(grant.events)].some(isTeamScope),
    );
    perModel.set(key, (access = { grants, views, byTeam }));
  }
  return access;
}

/** The parent whose line items this entity is (its many-to-one relation declares `items`), if any. */
function itemsParentOf(entity: CompiledEntity): string | undefined {
  for (const field of entity.fields.values()) {
    const relation = field.definition['x-relation'];
    if (relation?.items && field.kind === 'manyToOne') return relation.entity;
  }
  return undefined;
}
