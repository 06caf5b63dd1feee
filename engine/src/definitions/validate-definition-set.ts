import type { Issue } from '../errors.js';
import {
  ROLES_FILE,
  ROLES_SOURCE_KEY,
  dashboardFile,
  dashboardSourceKey,
  type DefinitionSet,
  type SourceFiles,
} from './definition-set.js';
import { validateDashboards } from './validate-dashboards.js';
import type { EntityDefinition } from './entity.js';
import { checkJunctionNames } from './junction-names.js';
import { checkFormulas } from './validate-formulas.js';
import { checkLineItems } from './validate-items.js';
import { usableEntity, validateEntity } from './validate-entity.js';
import { checkRelatedLists } from './validate-related-lists.js';
import { checkRollups } from './validate-rollups.js';
import { checkRoleReferences, isRolesDefinition, validateRoles } from './validate-roles.js';
import { validateWorkflow } from './validate-workflow.js';
import { withIssueText } from './issue-text.js';
import { checkWorkflowBindings } from './workflow-bindings.js';
import { checkAgendaStates } from './agenda-states.js';
import { checkSentEvents } from '../workflow/check-sent-events.js';
import type { WorkflowDefinition } from './workflow.js';

/**
 * Every issue in a definition set, each naming its file (when known) and JSON pointer.
 * Collects all issues before anyone fails, so an author fixes a broken template in one pass.
 */
export function validateDefinitionSet(input: DefinitionSet, files: SourceFiles = {}): Issue[] {
  // The set may be any JSON (a studio draft, a request body): read it defensively, run each meta-schema
  // first, and let only what passed it into the checks that look across definitions.
  const set = {
    entities: listOf(input?.entities),
    workflows: listOf(input?.workflows),
    ...(input?.roles !== undefined && { roles: input.roles }),
  };
  const entityIds = new Set(set.entities.map((e) => idOf(e, '$id')).filter((id) => id !== undefined));
  const workflowIds = new Set(set.workflows.map((w) => idOf(w, 'id')).filter((id) => id !== undefined));
  const issues: Issue[] = [];
  const shaped: EntityDefinition[] = [];
  set.entities.forEach((entity, i) => {
    const file = files[`entity:${idOf(entity, '$id')}`] ?? `entities[${i}]`;
    issues.push(...withFile(validateEntity(entity, { entityIds, workflowIds }), file));
    const usable = usableEntity(entity);
    if (usable) shaped.push(usable);
  });
  issues.push(...checkJunctionNames(shaped, files));
  const validWorkflows: { workflow: WorkflowDefinition; file: string }[] = [];
  set.workflows.forEach((workflow, i) => {
    const file = files[`workflow:${idOf(workflow, 'id')}`] ?? `workflows[${i}]`;
    const workflowIssues = validateWorkflow(workflow, shaped);
    issues.push(...withFile(workflowIssues, file));
    if (!workflowIssues.length) validWorkflows.push({ workflow: workflow as WorkflowDefinition, file });
  });
  const entityFile = (id: string) =>
    files[`entity:${id}`] ?? `entities[${set.entities.findIndex((e) => idOf(e, '$id') === id)}]`;
  issues.push(...checkWorkflowBindings(shaped, validWorkflows, entityFile));
  issues.push(...checkAgendaStates(shaped, validWorkflows, entityFile));
  issues.push(...checkSentEvents(validWorkflows, shaped));
  issues.push(
    ...checkRollups(
      shaped,
      entityFile,
      validWorkflows.map((w) => w.workflow),
    ),
  );
  issues.push(...checkLineItems(shaped, entityFile));
  issues.push(...checkRelatedLists(shaped, entityFile));
  issues.push(...checkFormulas(shaped, isRolesDefinition(set.roles) ? set.roles : undefined, entityFile));
  issues.push(
    ...duplicates(
      set.entities.map((e) => idOf(e, '$id')),
      'entity',
      files,
    ),
  );
  issues.push(
    ...duplicates(
      set.workflows.map((w) => idOf(w, 'id')),
      'workflow',
      files,
    ),
  );
  // Roles read the names of every definition defensively (validate-roles namesOf).
  if (set.roles !== undefined) issues.push(...rolesIssues(set as DefinitionSet, files, validWorkflows));
  issues.push(
    ...validateDashboards(
      listOf(input?.dashboards),
      {
        entities: shaped,
        workflows: validWorkflows.map((w) => w.workflow),
        workflowIds: workflowIds as ReadonlySet<string>,
        roles: isRolesDefinition(set.roles) ? set.roles : undefined,
      },
      (dashboard, i) => {
        const id = idOf(dashboard, 'id');
        return id === undefined ? `dashboards[${i}]` : (files[dashboardSourceKey(id)] ?? dashboardFile(id));
      },
    ),
  );
  return withIssueText(issues);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A definition's id when it is an object with a string id. */
function idOf(definition: unknown, key: '$id' | 'id'): string | undefined {
  const id = definition && typeof definition === 'object' ? (definition as Record<string, unknown>)[key] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * roles.json's own issues, then the roles the (otherwise valid) workflows name but roles.json lacks.
 * Without roles.json nothing is checked: such a template has no roles to name.
 */
function rolesIssues(
  set: DefinitionSet,
  files: SourceFiles,
  workflows: { workflow: WorkflowDefinition; file: string }[],
): Issue[] {
  const issues = withFile(validateRoles(set.roles, set), files[ROLES_SOURCE_KEY] ?? ROLES_FILE);
  const roles = set.roles;
  if (!isRolesDefinition(roles)) return issues;
  for (const { workflow, file } of workflows) issues.push(...withFile(checkRoleReferences(workflow, roles), file));
  return issues;
}

function duplicates(all: (string | undefined)[], kind: 'entity' | 'workflow', files: SourceFiles): Issue[] {
  const seen = new Set<string>();
  const ids = all.filter((id) => id !== undefined);
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
