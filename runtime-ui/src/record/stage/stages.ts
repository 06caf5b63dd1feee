import type { WorkflowDefinition } from '../../model/types';

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
      return { id, final: isFinal(workflow, id), outcome: meta?.outcome ?? 'open', color: meta?.color ?? '#2f5bea', probability: p === undefined ? undefined : Math.round(p <= 1 ? p * 100 : p) };
    });
}

/** Whether a step lies behind the current one: open steps before it, or every open step once won. */
export function isPassed(steps: StageStep[], step: StageStep, current: string | null | undefined): boolean {
  const here = steps.find((s) => s.id === current);
  if (!here || step.final || step.id === current) return false;
  if (here.final) return here.outcome === 'won';
  return steps.indexOf(step) < steps.indexOf(here);
}
