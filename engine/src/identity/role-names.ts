import { isIdentifier } from '@lodestar/core';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { ADMIN_ROLE } from '../definitions/roles.js';
import { type Issue, issueOf, type Text } from '../errors.js';

/** What a malformed role list is told, in both languages. */
export const ROLE_LIST_TEXT: Text = {
  en: 'must be a list of role ids such as salesManager',
  zh: '应为角色 ID 的列表，例如 salesManager',
};

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
    return [issueOf('/roles', 'pattern', ROLE_LIST_TEXT)];
  }
  const known = assignableRoles(set);
  if (!known) return [];
  const list = [...known].sort().join(', ');
  return (roles as string[]).flatMap((role, i) =>
    known.has(role)
      ? []
      : [
          issueOf(
            `/roles/${i}`,
            'enum',
            {
              en: `"${role}" is not a role of the published model (${list})`,
              zh: `已发布的模型没有角色“${role}”（可选：${list}）`,
            },
            { allowedValues: [...known].sort() },
          ),
        ],
  );
}
