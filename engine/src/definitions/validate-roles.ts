import type { Issue } from '../errors.js';
import { escape } from '../workflow/transitions.js';
import { createAjv } from './create-ajv.js';
import { ROLES_FILE, type DefinitionSet } from './definition-set.js';
import type { EntityDefinition } from './entity.js';
import { IDENTIFIER_PATTERN } from './identifiers.js';
import rolesMetaSchema from './meta/roles.meta.json' with { type: 'json' };
import { listRoleReferences } from './role-references.js';
import { ADMIN_ROLE, type EntityPermission, type RolesDefinition } from './roles.js';
import { toIssues } from './validate-entity.js';
import type { WorkflowDefinition } from './workflow.js';

const validateShape = createAjv().compile<RolesDefinition>(rolesMetaSchema);
const roleIdRe = new RegExp(IDENTIFIER_PATTERN);

/** The entities key whose permission applies to every entity a role does not name itself. */
export const EVERY_ENTITY = '*';

/** What permissions may name: each entity's fields, and the events its bound workflows define. */
interface Names {
  fields: Map<string, Set<string>>;
  events: Map<string, Set<string>>;
}

/**
 * Every issue of `roles.json`, with pointers into it: its shape against meta/roles.meta.json, then
 * role ids, and the entities, fields and workflow events each permission names.
 */
export function validateRoles(roles: unknown, set: DefinitionSet): Issue[] {
  if (!validateShape(roles)) return toIssues(validateShape.errors);
  const names = namesOf(set);
  const issues: Issue[] = [];
  for (const [roleId, role] of Object.entries(roles.roles)) {
    const at = `/roles/${escape(roleId)}`;
    if (!roleIdRe.test(roleId)) {
      issues.push(
        issue(at, 'roleId', `role id "${roleId}" must match ${IDENTIFIER_PATTERN} (camelCase letters and digits)`),
      );
    }
    for (const [entityId, permission] of Object.entries(role.entities)) {
      issues.push(...checkPermission(`${at}/entities/${escape(entityId)}`, entityId, permission, names));
    }
  }
  return issues;
}

/**
 * Roles a workflow names (approval states, role guards, round-robin assignment) that roles.json does
 * not define, with pointers into the workflow: such a guard could never pass, an approval never come.
 * The built-in admin role is always defined.
 */
export function checkRoleReferences(workflow: WorkflowDefinition, roles: RolesDefinition): Issue[] {
  const defined = new Set([ADMIN_ROLE, ...Object.keys(roles.roles)]);
  return listRoleReferences(workflow)
    .filter(({ role }) => !defined.has(role))
    .map(({ role, pointer }) => issue(pointer, 'unknownRole', `role "${role}" is not defined in ${ROLES_FILE}`));
}

/** Whether a roles value has the shape the cross-reference checks rely on. */
export function isRolesDefinition(roles: unknown): roles is RolesDefinition {
  return validateShape(roles);
}

function checkPermission(at: string, entityId: string, permission: EntityPermission, names: Names): Issue[] {
  const every = entityId === EVERY_ENTITY;
  const fields = every ? union(names.fields.values()) : names.fields.get(entityId);
  if (!fields)
    return [issue(at, 'unknownEntity', `entity "${entityId}" does not exist (use "${EVERY_ENTITY}" for every entity)`)];
  const events = every ? union(names.events.values()) : (names.events.get(entityId) ?? new Set<string>());
  const issues: Issue[] = [];
  for (const field of Object.keys(permission.fields ?? {})) {
    if (fields.has(field)) continue;
    const message = every
      ? `no entity has a field "${field}"`
      : `field "${field}" is not a property of entity "${entityId}"`;
    issues.push(issue(`${at}/fields/${escape(field)}`, 'unknownField', message));
  }
  for (const event of Object.keys(permission.events ?? {})) {
    if (events.has(event)) continue;
    const message = every
      ? `no workflow defines event "${event}"`
      : names.events.has(entityId)
        ? `no workflow bound to entity "${entityId}" defines event "${event}"`
        : `entity "${entityId}" has no workflow, so it has no event "${event}"`;
    issues.push(issue(`${at}/events/${escape(event)}`, 'unknownEvent', message));
  }
  return issues;
}

// The set may itself be invalid (its own issues are reported elsewhere): read it defensively.
function namesOf(set: DefinitionSet): Names {
  const fields = new Map<string, Set<string>>();
  for (const entity of set.entities as Partial<EntityDefinition>[]) {
    if (typeof entity?.$id === 'string') fields.set(entity.$id, new Set(Object.keys(entity.properties ?? {})));
  }
  const events = new Map<string, Set<string>>();
  for (const workflow of set.workflows as Partial<WorkflowDefinition>[]) {
    const entityId = workflow?.meta?.entity;
    if (typeof entityId !== 'string') continue;
    const known = events.get(entityId) ?? new Set<string>();
    for (const state of Object.values(workflow.states ?? {}))
      for (const event of Object.keys(state?.on ?? {})) known.add(event);
    events.set(entityId, known);
  }
  return { fields, events };
}

function union(sets: Iterable<Set<string>>): Set<string> {
  return new Set([...sets].flatMap((s) => [...s]));
}

function issue(pointer: string, keyword: string, message: string): Issue {
  return { pointer, keyword, message };
}
