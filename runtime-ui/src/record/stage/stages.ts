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

/** The states one event of the current state can lead to (its `on` targets, in definition order). */
export function nextStates(workflow: WorkflowDefinition, current: string | null | undefined): string[] {
  const on = current ? workflow.states[current]?.on : undefined;
  const targets = Object.values(on ?? {}).flatMap((t) =>
    (Array.isArray(t) ? t : [t]).map((one) => (typeof one === 'string' ? one : one.target)),
  );
  return [...new Set(targets.filter((id): id is string => !!id && id !== current && id in workflow.states))];
}

/** One stay of the record, from its history: the state and how long it stayed (to `now` for the current one). */
export function timeInStages(
  rows: readonly { to: string; at: string }[],
  now: number,
  rename: (name: string) => string = (name) => name,
): Map<string, number> {
  const spent = new Map<string, number>();
  rows.forEach((row, i) => {
    const end = i + 1 < rows.length ? Date.parse(rows[i + 1]!.at) : now;
    const state = rename(row.to);
    spent.set(state, (spent.get(state) ?? 0) + Math.max(0, end - Date.parse(row.at)));
  });
  return spent;
}

/**
 * The path a record page shows: the stages it entered and the current one's next steps, in the workflow's
 * order. Stages it skipped and cannot reach in one step are left out (the kanban shows the whole workflow).
 */
export function shownSteps(
  steps: readonly StageStep[],
  entered: ReadonlySet<string>,
  next: readonly string[],
): StageStep[] {
  return steps.filter((step) => entered.has(step.id) || next.includes(step.id));
}
