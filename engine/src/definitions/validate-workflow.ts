import type { Issue } from '../errors.js';
import { checkReferences } from '../workflow/check-references.js';
import { checkStates } from '../workflow/check-states.js';
import { checkApprovals } from '../workflow/approval-check.js';
import { checkDateTimers } from '../workflow/date-timers-check.js';
import { checkStartGuards } from '../workflow/guard-facts.js';
import { createAjv } from './create-ajv.js';
import type { EntityDefinition } from './entity.js';
import { WORKFLOW_ID_PATTERN } from './identifiers.js';
import workflowMetaSchema from './meta/workflow.meta.json' with { type: 'json' };
import { checkStageRules } from './validate-stage-rules.js';
import { checkSchedules } from '../schedules/check-schedules.js';
import { toIssues } from './validate-entity.js';
import type { WorkflowDefinition } from './workflow.js';

const workflowIdRe = new RegExp(WORKFLOW_ID_PATTERN);
const validateShape = createAjv().compile<WorkflowDefinition>(workflowMetaSchema);

/**
 * Every issue of a workflow definition: its binding to an entity (or one record type of it), its shape
 * against meta/workflow.meta.json, then the state graph and the guards and actions it names.
 */
export function validateWorkflow(workflow: unknown, entities: readonly EntityDefinition[]): Issue[] {
  const issues = checkStructure(workflow, entities);
  if (!workflow || typeof workflow !== 'object' || issues.some((i) => i.pointer === '/states')) return issues;
  if (!validateShape(workflow)) return dedupe([...issues, ...toIssues(validateShape.errors)]);
  const definition = workflow as WorkflowDefinition;
  return dedupe([
    ...issues,
    ...checkStates(definition),
    ...checkReferences(definition, entities),
    ...checkStageRules(definition, entities),
    ...checkApprovals(definition, entities),
    ...checkDateTimers(definition, entities),
    ...checkStartGuards(definition),
    ...checkSchedules(definition, entities),
  ]);
}

function checkStructure(workflow: unknown, entities: readonly EntityDefinition[]): Issue[] {
  if (!workflow || typeof workflow !== 'object') return [issue('', 'type', 'a workflow definition is a JSON object')];
  const definition = workflow as Partial<WorkflowDefinition>;
  const issues: Issue[] = [];
  if (typeof definition.id !== 'string' || !workflowIdRe.test(definition.id)) {
    issues.push(issue('/id', 'pattern', `id must match ${WORKFLOW_ID_PATTERN}`));
  }
  const states = definition.states;
  if (!states || typeof states !== 'object' || Object.keys(states).length === 0) {
    issues.push(issue('/states', 'required', 'a workflow needs at least one state'));
    return issues;
  }
  if (typeof definition.initial !== 'string' || !(definition.initial in states)) {
    issues.push(issue('/initial', 'unknownState', `initial state "${String(definition.initial)}" does not exist`));
  }
  issues.push(...checkBinding(definition, entities));
  return issues;
}

function checkBinding(workflow: Partial<WorkflowDefinition>, entities: readonly EntityDefinition[]): Issue[] {
  const entityId = workflow.meta?.entity;
  if (typeof entityId !== 'string')
    return [issue('/meta/entity', 'required', 'meta.entity names the entity this workflow runs on')];
  const entity = entities.find((e) => e.$id === entityId);
  if (!entity) return [issue('/meta/entity', 'unknownEntity', `entity "${entityId}" does not exist`)];
  const recordType = workflow.meta?.recordType;
  if (recordType !== undefined && !entity['x-entity'].recordTypes?.[recordType]) {
    return [
      issue('/meta/recordType', 'unknownRecordType', `record type "${recordType}" does not exist on "${entityId}"`),
    ];
  }
  return [];
}

// The meta-schema repeats some structural checks (the id pattern): report each problem once.
function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(`${i.pointer} ${i.keyword}`) && Boolean(seen.add(`${i.pointer} ${i.keyword}`)));
}

function issue(pointer: string, keyword: string, message: string): Issue {
  return { pointer, keyword, message };
}
