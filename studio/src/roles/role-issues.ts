import type { Issue as DefinitionIssue } from '@lodestar/core';

/** The engine names roles.json issues by file; a draft without a source file map says `roles.json` too. */
const ROLES_FILE = 'roles.json';

/** The issues under `/roles/<id>` (or under one of its entities when `entity` is given). */
export function roleIssues(issues: DefinitionIssue[], role: string, entity?: string): DefinitionIssue[] {
  const prefix = entity === undefined ? `/roles/${role}` : `/roles/${role}/entities/${entity}`;
  return issues.filter(
    (issue) => issue.file === ROLES_FILE && (issue.pointer === prefix || issue.pointer.startsWith(`${prefix}/`)),
  );
}

/** roles.json issues not about one role (the file's shape), and workflow issues naming undefined roles. */
export function otherRoleIssues(issues: DefinitionIssue[]): DefinitionIssue[] {
  return issues.filter(
    (issue) =>
      (issue.file === ROLES_FILE && !issue.pointer.startsWith('/roles/')) ||
      (issue.file !== ROLES_FILE && issue.keyword === 'unknownRole'),
  );
}
