import type { Issue } from '../errors.js';
import { ROLES_FILE, ROLES_SOURCE_KEY, type DefinitionSet, type SourceFiles } from './definition-set.js';
import type { EntityDefinition } from './entity.js';
import { validateEntity } from './validate-entity.js';
import { checkRoleReferences, isRolesDefinition, validateRoles } from './validate-roles.js';
import { validateWorkflow } from './validate-workflow.js';
import type { WorkflowDefinition } from './workflow.js';

/**
 * Every issue in a definition set, each naming its file (when known) and JSON pointer.
 * Collects all issues before anyone fails, so an author fixes a broken template in one pass.
 */
export function validateDefinitionSet(set: DefinitionSet, files: SourceFiles = {}): Issue[] {
  const entityIds = new Set(set.entities.map((e) => (e as Partial<EntityDefinition>).$id).filter((id) => typeof id === 'string'));
  const workflowIds = new Set(set.workflows.map((w) => w.id).filter((id) => typeof id === 'string'));
  const issues: Issue[] = [];
  set.entities.forEach((entity, i) => {
    const file = files[`entity:${entity.$id}`] ?? `entities[${i}]`;
    issues.push(...withFile(validateEntity(entity, { entityIds, workflowIds }), file));
  });
  const validWorkflows: { workflow: WorkflowDefinition; file: string }[] = [];
  set.workflows.forEach((workflow, i) => {
    const file = files[`workflow:${workflow.id}`] ?? `workflows[${i}]`;
    const workflowIssues = validateWorkflow(workflow, set.entities);
    issues.push(...withFile(workflowIssues, file));
    if (!workflowIssues.length) validWorkflows.push({ workflow, file });
  });
  issues.push(...duplicates(set.entities.map((e) => e.$id), 'entity', files));
  issues.push(...duplicates(set.workflows.map((w) => w.id), 'workflow', files));
  if (set.roles !== undefined) issues.push(...rolesIssues(set, files, validWorkflows));
  return issues;
}

/**
 * roles.json's own issues, then the roles the (otherwise valid) workflows name but roles.json lacks.
 * Without roles.json nothing is checked: such a template has no roles to name.
 */
function rolesIssues(set: DefinitionSet, files: SourceFiles, workflows: { workflow: WorkflowDefinition; file: string }[]): Issue[] {
  const issues = withFile(validateRoles(set.roles, set), files[ROLES_SOURCE_KEY] ?? ROLES_FILE);
  const roles = set.roles;
  if (!isRolesDefinition(roles)) return issues;
  for (const { workflow, file } of workflows) issues.push(...withFile(checkRoleReferences(workflow, roles), file));
  return issues;
}

function duplicates(ids: string[], kind: 'entity' | 'workflow', files: SourceFiles): Issue[] {
  const seen = new Set<string>();
  return ids
    .filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
    .map((id) => ({
      file: files[`${kind}:${id}`] ?? `${kind}s`,
      pointer: kind === 'entity' ? '/$id' : '/id',
      keyword: 'duplicateId',
      message: `${kind} id "${id}" is defined more than once`,
    }));
}

function withFile(issues: Issue[], file: string): Issue[] {
  return issues.map((issue) => ({ file, ...issue }));
}
