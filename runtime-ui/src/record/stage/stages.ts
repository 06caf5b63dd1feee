import type { WorkflowDefinition } from '@lodestar/core';

export interface StageStep {
  id: string;
  final: boolean;
  outcome: string;
  color: string;
  probability: number | undefined;
}

const isFinal = (workflow: WorkflowDefinition, id: string) => {
  const state = workflow.states[id];
  return state?.type === 'final' || state?.meta?.outcome === 'won' || state?.meta?.outcome === 'lost';
};

/** The workflow's states in definition order, final outcomes (won, then lost) at the end. */
export function stageSteps(workflow: WorkflowDefinition): StageStep[] {
  const ids = Object.keys(workflow.states);
  const rank = (id: string) => (!isFinal(workflow, id) ? 0 : workflow.states[id]?.meta?.outcome === 'lost' ? 2 : 1);
  return [...ids]
    .sort((a, b) => rank(a) - rank(b) || ids.indexOf(a) - ids.indexOf(b))
    .map((id) => {
      const meta = workflow.states[id]?.meta;
      const p = meta?.probability;
      return {
        id,
        final: isFinal(workflow, id),
        outcome: meta?.outcome ?? 'open',
        color: meta?.color ?? '#2f5bea',
        probability: p === undefined ? undefined : Math.round(p <= 1 ? p * 100 : p),
      };
    });
}

/**
 * The states a record has entered, from its history (each row's target) and its current state. A renamed
 * state keeps its records without a history row, so rows naming its former name (`meta.renamedFrom`) count for it.
 */
export function enteredStates(
  workflow: WorkflowDefinition,
  targets: readonly string[],
  current: string | null | undefined,
): Set<string> {
  const byFormerName = new Map<string, string>();
  for (const [id, state] of Object.entries(workflow.states)) {
    const former = (state.meta as { renamedFrom?: unknown } | undefined)?.renamedFrom;
    if (typeof former === 'string' && !(former in workflow.states)) byFormerName.set(former, id);
  }
  const entered = new Set(targets.map((name) => byFormerName.get(name) ?? name));
  if (current) entered.add(current);
  return entered;
}

/** Whether a step is done: the record entered it and has left it. Final outcomes are never "done"; skipped stages never are. */
export function isDone(step: StageStep, current: string | null | undefined, entered: ReadonlySet<string>): boolean {
  return !step.final && step.id !== current && entered.has(step.id);
}
