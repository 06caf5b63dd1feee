import { isIdentifier } from '@lodestar/core';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { ADMIN_ROLE } from '../definitions/roles.js';
import type { Issue } from '../errors.js';

/**
 * The roles a user may be given: those the published model's `roles.json` defines, plus the built-in
 * admin. Undefined when the model defines no roles at all: then there is nothing to check a name
 * against (and no role but admin grants anything), so any well-formed role id is accepted.
 */
export function assignableRoles(set: DefinitionSet): Set<string> | undefined {
  return set.roles ? new Set([ADMIN_ROLE, ...Object.keys(set.roles.roles)]) : undefined;
}

/** Problems with a list of role names given to a user: its shape at `/roles`, an unknown role at `/roles/<index>`. */
export function checkRoleNames(set: DefinitionSet, roles: unknown): Issue[] {
  if (!Array.isArray(roles) || roles.some((role) => typeof role !== 'string' || !isIdentifier(role))) {
    return [{ pointer: '/roles', keyword: 'pattern', message: 'must be a list of role ids such as salesManager' }];
  }
  const known = assignableRoles(set);
  if (!known) return [];
  const list = [...known].sort().join(', ');
  return (roles as string[]).flatMap((role, i) =>
    known.has(role) ? [] : [{ pointer: `/roles/${i}`, keyword: 'enum', message: `"${role}" is not a role of the published model (${list})`, params: { allowedValues: [...known].sort() } }],
  );
}
