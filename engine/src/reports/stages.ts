import type { StageOutcome } from '@lodestar/core';
import type { LocalizedText } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';

/** A stage's outcome, as core names it for the report answers. */
export type Outcome = StageOutcome;

/** One state of a workflow as the reports see it. */
export interface Stage {
  state: string;
  title: LocalizedText | null;
  /** `meta.outcome`; absent means open. */
  outcome: Outcome;
  /** `meta.probability` (0..1), or null when the state has none. */
  probability: number | null;
  /** `type: "final"`: a record never leaves it, so it has no stays to measure. */
  final: boolean;
  /** 1-based position in the funnel (open states, then won states); null for lost states. */
  funnelPosition: number | null;
  /**
   * The names history rows may give this state: its id, and its `meta.renamedFrom` (a rename moves the
   * records in place and writes no history, so older rows keep the old name) unless another state now has it.
   */
  names: string[];
}

/**
 * The states of a workflow in report order: the funnel (open-outcome states in definition order, then
 * won states in definition order), then the lost states, which are reported beside the funnel, not in it.
 */
export function toStages(workflow: WorkflowDefinition): Stage[] {
  const ids = new Set(Object.keys(workflow.states));
  const all = Object.entries(workflow.states).map(([state, definition]) => ({
    state,
    title: definition.meta?.title ?? null,
    outcome: toOutcome(definition.meta?.outcome),
    probability: typeof definition.meta?.probability === 'number' ? definition.meta.probability : null,
    final: definition.type === 'final',
    names: formerName(definition.meta?.renamedFrom, ids) ? [state, definition.meta!.renamedFrom!] : [state],
  }));
  const funnel = [...all.filter((s) => s.outcome === 'open'), ...all.filter((s) => s.outcome === 'won')];
  return [
    ...funnel.map((s, i) => ({ ...s, funnelPosition: i + 1 })),
    ...all.filter((s) => s.outcome === 'lost').map((s) => ({ ...s, funnelPosition: null })),
  ];
}

/** The funnel stages only, in funnel order. */
export function funnelStages(stages: readonly Stage[]): Stage[] {
  return stages.filter((s) => s.funnelPosition !== null);
}

function formerName(name: unknown, ids: ReadonlySet<string>): name is string {
  return typeof name === 'string' && name !== '' && !ids.has(name);
}

function toOutcome(value: unknown): Outcome {
  return value === 'won' || value === 'lost' ? value : 'open';
}
