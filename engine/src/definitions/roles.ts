/** roles.json: generated from meta/roles.meta.json into @lodestar/core. */
export { ADMIN_ROLE, SCOPES } from '@lodestar/core';
export type { EntityPermission, FieldRestriction, RoleDefinition, RolesDefinition, Scope } from '@lodestar/core';
