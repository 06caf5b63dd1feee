import type { Issue } from '../errors.js';
import type { EntityDefinition } from './entity.js';
import { WORKFLOW_ID_PATTERN } from './identifiers.js';
import type { WorkflowDefinition } from './workflow.js';

const workflowIdRe = new RegExp(WORKFLOW_ID_PATTERN);

/** Structural checks of a workflow definition and its binding to an entity (or one record type of it). */
export function validateWorkflow(workflow: unknown, entities: readonly EntityDefinition[]): Issue[] {
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
  if (typeof entityId !== 'string') return [issue('/meta/entity', 'required', 'meta.entity names the entity this workflow runs on')];
  const entity = entities.find((e) => e.$id === entityId);
  if (!entity) return [issue('/meta/entity', 'unknownEntity', `entity "${entityId}" does not exist`)];
  const recordType = workflow.meta?.recordType;
  if (recordType !== undefined && !entity['x-entity'].recordTypes?.[recordType]) {
    return [issue('/meta/recordType', 'unknownRecordType', `record type "${recordType}" does not exist on "${entityId}"`)];
  }
  return [];
}

function issue(pointer: string, keyword: string, message: string): Issue {
  return { pointer, keyword, message };
}
