import type { ViewSharing } from '@lodestar/core';
import { findOrgUnitPath } from '../identity/users-repo.js';
import type { Knex } from 'knex';
import { issueOf, ValidationError, type Issue } from '../errors.js';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { assignableRoles } from '../identity/role-names.js';

/**
 * A sharing body as stored: the unit must exist and the role must be one of the published model's (or
 * admin); 422 naming the pointer otherwise. `{}` (neither) unshares.
 */
export async function checkSharing(knex: Knex, set: DefinitionSet, body: ViewSharing): Promise<ViewSharing | null> {
  const issues: Issue[] = [];
  if (body.unitId && (await findOrgUnitPath(knex, body.unitId)) === undefined)
    issues.push(issueOf('/unitId', 'unknownUnit', { en: 'there is no such org unit', zh: '没有这个部门' }));
  const known = assignableRoles(set);
  if (body.role && known && !known.has(body.role))
    issues.push(
      issueOf('/role', 'enum', {
        en: `"${body.role}" is not a role of the published model`,
        zh: `“${body.role}”不是当前模型中的角色`,
      }),
    );
  if (issues.length)
    throw new ValidationError({ en: 'the view cannot be shared so', zh: '无法这样共享视图' }, { issues });
  return body.unitId || body.role ? body : null;
}
