import { GUARDS } from '../workflow/guards/index.js';
import { toReference } from '../workflow/reference.js';
import { escape, listTransitions } from '../workflow/transitions.js';
import type { NamedReference, WorkflowDefinition } from './workflow.js';

/** A role id a workflow names, with the JSON pointer (into the workflow) where it is named. */
export interface RoleReference {
  role: string;
  pointer: string;
}

type Params = Record<string, unknown>;
type Found = { role: string; pointer: string }[];

/**
 * Library entries whose params name roles, with the pointer suffix inside `params`. The guard and
 * action specs do not declare their roles, so the few that take one are listed here.
 */
const ROLE_PARAMS: Readonly<Record<string, (params: Params) => Found>> = {
  actorHasRole: (p) =>
    Array.isArray(p.roles)
      ? p.roles.flatMap((role, i) => (typeof role === 'string' ? [{ role, pointer: `/roles/${i}` }] : []))
      : [],
  approvalGiven: (p) => (typeof p.role === 'string' ? [{ role: p.role, pointer: '/role' }] : []),
  assignOwner: (p) =>
    typeof p.roundRobinRole === 'string' ? [{ role: p.roundRobinRole, pointer: '/roundRobinRole' }] : [],
  notify: (p) =>
    (Array.isArray(p.to) ? p.to.map((to, i) => ({ to, at: `/to/${i}` })) : [{ to: p.to, at: '/to' }]).flatMap(
      ({ to, at }) =>
        typeof to === 'object' && to !== null && typeof (to as Params).role === 'string'
          ? [{ role: (to as Params).role as string, pointer: `${at}/role` }]
          : [],
    ),
};

/**
 * Every role a (valid) workflow names: approval states (`meta.approval.role`), role guards, nested
 * ones inside all/any/not included, and round-robin assignment.
 */
export function listRoleReferences(workflow: WorkflowDefinition): RoleReference[] {
  const found: RoleReference[] = [];
  for (const [name, state] of Object.entries(workflow.states)) {
    const at = `/states/${escape(name)}`;
    const approval = state.meta?.approval;
    if (approval && 'role' in approval) found.push({ role: approval.role, pointer: `${at}/meta/approval/role` });
    if (approval && 'steps' in approval)
      approval.steps.forEach(({ approver }, i) => {
        if ('role' in approver)
          found.push({ role: approver.role, pointer: `${at}/meta/approval/steps/${i}/approver/role` });
      });
    state.entry?.forEach((ref, i) => visit(ref, `${at}/entry/${i}`, found));
    state.exit?.forEach((ref, i) => visit(ref, `${at}/exit/${i}`, found));
    for (const { definition, pointer } of listTransitions(state, at)) {
      if (definition.guard !== undefined) visit(definition.guard, `${pointer}/guard`, found);
      definition.actions?.forEach((ref, i) => visit(ref, `${pointer}/actions/${i}`, found));
    }
  }
  return found;
}

function visit(ref: NamedReference | string, pointer: string, found: RoleReference[]): void {
  const { type, params = {} } = toReference(ref);
  const at = typeof ref === 'string' ? pointer : `${pointer}/params`;
  for (const use of ROLE_PARAMS[type]?.(params) ?? []) found.push({ role: use.role, pointer: `${at}${use.pointer}` });
  // Guard and action names never collide, so only the guard combinators have children.
  for (const child of GUARDS.get(type)?.children?.(params) ?? []) visit(child.ref, `${at}${child.pointer}`, found);
}
