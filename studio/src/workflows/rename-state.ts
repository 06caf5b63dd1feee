import { listEdges } from './model';
import type { TransitionConfig, Workflow } from './types';

/**
 * Gives a state a new id: its place, every transition into it and `initial` follow. When the state was
 * published under another id, meta.renamedFrom names that one, so publishing moves its records instead of
 * dropping the stage; renaming back to the published id drops the mark again.
 */
export function renameState(workflow: Workflow, from: string, to: string, publishedIds: readonly string[]): void {
  if (from === to || !(from in workflow.states) || to in workflow.states) return;
  const state = workflow.states[from]!;
  const original = state.meta?.renamedFrom ?? (publishedIds.includes(from) ? from : undefined);
  const meta = { ...state.meta };
  if (original && original !== to) meta.renamedFrom = original;
  else delete meta.renamedFrom;
  state.meta = meta;
  workflow.states = Object.fromEntries(Object.entries(workflow.states).map(([k, s]) => [k === from ? to : k, s]));
  for (const edge of listEdges(workflow)) if (edge.target === from) edge.transition.target = to;
  // String shorthands ("on": { "GO": "from" }) are not objects the loop above could change.
  for (const s of Object.values(workflow.states)) {
    for (const group of [s.on, s.after]) {
      for (const [key, config] of Object.entries(group ?? {})) if (config === from) group![key] = to;
    }
    if (s.always === from) s.always = to as TransitionConfig;
  }
  if (workflow.initial === from) workflow.initial = to;
}
