import type { Text } from '@lodestar/core';
import type { NamedReference, WorkflowDefinition } from '../definitions/workflow.js';
import { GUARDS } from '../workflow/guards/index.js';
import { toReference } from '../workflow/reference.js';
import { toTransitionList } from '../workflow/transitions.js';

/** What a reader is told when a guard that reads a field hidden from them says no: the same words whatever its value. */
export const UNDISCLOSED_REASON: Text = {
  en: 'the conditions for this step are not met yet',
  zh: '暂不满足此操作的条件',
};

/** The fields of the bound entity a guard reference reads, nested guards included. */
export function guardFields(ref: NamedReference | string, found = new Set<string>()): Set<string> {
  const { type, params = {} } = toReference(ref);
  const spec = GUARDS.get(type);
  for (const use of spec?.fields?.(params) ?? []) if (!use.entity) found.add(use.field);
  for (const child of spec?.children?.(params) ?? []) guardFields(child.ref, found);
  return found;
}

/**
 * Whether some guard of `event` (in any state of the workflow) reads a field in `hidden`. Its reason
 * would name the field or the value it wanted, so readers who may not see the field get
 * UNDISCLOSED_REASON instead: one wording for an empty, a zero and a positive hidden amount.
 */
export function eventGuardReadsHidden(
  workflow: WorkflowDefinition,
  event: string,
  hidden: ReadonlySet<string>,
): boolean {
  if (!hidden.size) return false;
  for (const state of Object.values(workflow.states)) {
    const config = state.on?.[event];
    if (config === undefined) continue;
    for (const transition of toTransitionList(config)) {
      if (transition.guard !== undefined && [...guardFields(transition.guard)].some((field) => hidden.has(field)))
        return true;
    }
  }
  return false;
}
