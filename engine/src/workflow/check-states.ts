import type { Issue } from '../errors.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { isDuration } from '@lodestar/core';
import { isBusinessDuration, isComputedKey } from './date-timers.js';
import { escape, listTransitions } from './transitions.js';

/**
 * Issues in the state graph of a workflow that passed the meta-schema: unknown targets, delays that are
 * neither ISO-8601 durations nor `sla`, final states with transitions, approval states without APPROVE/REJECT.
 */
export function checkStates(workflow: WorkflowDefinition): Issue[] {
  const issues: Issue[] = [];
  for (const [name, state] of Object.entries(workflow.states)) {
    const at = `/states/${escape(name)}`;
    for (const entry of listTransitions(state, at)) {
      const target = entry.definition.target;
      if (target !== undefined && !(target in workflow.states)) {
        issues.push({
          pointer: entry.targetPointer,
          keyword: 'unknownState',
          message: `target state "${target}" does not exist`,
        });
      }
    }
    for (const delay of Object.keys(state.after ?? {})) {
      // Date-relative and business-day keys are checked by date-timers-check.ts.
      if (delay === 'sla' ? state.meta?.sla === undefined : !isDuration(delay) && !isComputedKey(delay)) {
        const message =
          delay === 'sla'
            ? 'an "sla" delay needs meta.sla on the state'
            : `delay "${delay}" is not an ISO-8601 duration (e.g. P14D, PT4H) or "sla"`;
        issues.push({ pointer: `${at}/after/${escape(delay)}`, keyword: 'unknownDelay', message });
      }
    }
    if (state.meta?.sla !== undefined && !isDuration(state.meta.sla) && !isBusinessDuration(state.meta.sla)) {
      issues.push({
        pointer: `${at}/meta/sla`,
        keyword: 'duration',
        message: 'sla must be an ISO-8601 duration such as P14D or PT4H, "N business days" or "N business hours"',
      });
    }
    if (state.meta?.stuckAfter !== undefined && !isDuration(state.meta.stuckAfter)) {
      issues.push({
        pointer: `${at}/meta/stuckAfter`,
        keyword: 'duration',
        message: 'stuckAfter must be an ISO-8601 duration such as P30D',
      });
    }
    issues.push(...checkFinal(name, workflow), ...checkApproval(name, workflow));
  }
  return issues;
}

function checkFinal(name: string, workflow: WorkflowDefinition): Issue[] {
  const state = workflow.states[name]!;
  if (state.type !== 'final') return [];
  return (['on', 'after', 'always'] as const)
    .filter((key) => state[key] !== undefined && (typeof state[key] !== 'object' || Object.keys(state[key]).length > 0))
    .map((key) => ({
      pointer: `/states/${escape(name)}/${key}`,
      keyword: 'finalTransition',
      message: `final state "${name}" cannot have "${key}" transitions`,
    }));
}

function checkApproval(name: string, workflow: WorkflowDefinition): Issue[] {
  const state = workflow.states[name]!;
  if (!state.meta?.approval) return [];
  return ['APPROVE', 'REJECT']
    .filter((event) => state.on?.[event] === undefined)
    .map((event) => ({
      pointer: `/states/${escape(name)}/on/${event}`,
      keyword: 'approvalTransition',
      message: `approval state "${name}" must define a ${event} transition`,
    }));
}
