import { listEdges, transitionAt } from './model';
import type { EdgeRef, State, StateMeta, Transition, Workflow } from './types';

/* Pure edits of one workflow definition; the designer applies them inside `draft.update`. */

export const STATE_ID = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;
export const EVENT_NAME = /^[A-Z][A-Z0-9_]{0,62}$/;

/** `pilotRun` → `PILOT_RUN`: an event name in the engine's spelling. */
export function eventFromId(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .toUpperCase();
}

/** Sets (or with `undefined`, removes) keys of a state's meta. */
export function setStateMeta(workflow: Workflow, name: string, patch: Partial<StateMeta>): void {
  const state = workflow.states[name]!;
  const meta: StateMeta = { ...state.meta, ...patch };
  for (const key of Object.keys(meta) as (keyof StateMeta)[]) if (meta[key] === undefined) delete meta[key];
  state.meta = meta;
}

/** A final state keeps no transitions: the engine rejects them. */
export function setFinal(workflow: Workflow, name: string, final: boolean): void {
  const state = workflow.states[name]!;
  if (!final) delete state.type;
  else {
    state.type = 'final';
    delete state.on;
    delete state.after;
    delete state.always;
  }
}

/** Adds a state, placed after `after` in definition order (or at the end, before the final states). */
export function addState(workflow: Workflow, id: string, state: State, after?: string): void {
  const entries = Object.entries(workflow.states);
  const index = after ? entries.findIndex(([n]) => n === after) + 1 : entries.findIndex(([, s]) => s.type === 'final');
  const at = index <= 0 ? (after || index === -1 ? entries.length : 0) : index;
  entries.splice(at, 0, [id, state]);
  workflow.states = Object.fromEntries(entries);
}

/** Removes a state and every transition that points at it, so the definition stays valid. */
export function removeState(workflow: Workflow, name: string): void {
  delete workflow.states[name];
  for (const edge of listEdges(workflow).reverse()) {
    if (edge.kind === 'on' && edge.target === name) removeTransition(workflow, edge.ref);
  }
  for (const state of Object.values(workflow.states)) {
    for (const [delay, config] of Object.entries(state.after ?? {}))
      if (typeof config === 'object' && !Array.isArray(config) && config.target === name) delete state.after![delay];
  }
  if (workflow.initial === name)
    workflow.initial =
      Object.keys(workflow.states).find((n) => workflow.states[n]!.type !== 'final') ??
      Object.keys(workflow.states)[0] ??
      '';
}

/** Writes one `on` transition back where it was (a list item, or the event's one object). */
export function setTransition(workflow: Workflow, ref: EdgeRef, transition: Transition): void {
  const on = (workflow.states[ref.source]!.on ??= {});
  const config = on[ref.event];
  if (Array.isArray(config) && ref.index !== undefined) config[ref.index] = transition;
  else on[ref.event] = transition;
}

export function removeTransition(workflow: Workflow, ref: EdgeRef): void {
  const state = workflow.states[ref.source];
  const config = state?.on?.[ref.event];
  if (!state?.on || config === undefined) return;
  if (Array.isArray(config) && ref.index !== undefined && config.length > 1) config.splice(ref.index, 1);
  else delete state.on[ref.event];
  if (Object.keys(state.on).length === 0) delete state.on;
}

/** Renames the event of a transition, keeping its place among the state's events. */
export function renameEvent(workflow: Workflow, ref: EdgeRef, event: string): void {
  const state = workflow.states[ref.source]!;
  if (!state.on || event === ref.event || event in state.on) return;
  state.on = Object.fromEntries(
    Object.entries(state.on).map(([key, value]) => [key === ref.event ? event : key, value]),
  );
}

export function addTransition(workflow: Workflow, source: string, event: string, transition: Transition): void {
  const state = workflow.states[source]!;
  state.on = { ...state.on, [event]: transition };
}

export interface NewStage {
  id: string;
  title: { zh: string; en: string };
  event: string;
  eventTitle: { zh: string; en: string };
}

/**
 * A→B becomes A→N→B: the old transition (its event, guard and actions) now ends in N, and N leaves
 * for B by a new event. N sits after A in definition order and takes a probability between A's and B's.
 */
export function insertStage(workflow: Workflow, ref: EdgeRef, stage: NewStage): void {
  const old = transitionAt(workflow, ref);
  if (!old?.target) return;
  const before = workflow.states[ref.source]?.meta;
  const after = workflow.states[old.target]?.meta;
  const probability =
    typeof before?.probability === 'number' && typeof after?.probability === 'number'
      ? Math.round(((before.probability + after.probability) / 2) * 100) / 100
      : undefined;
  const meta: StateMeta = {
    title: stage.title,
    color: before?.color ?? '#94a3b8',
    outcome: 'open',
    ...(probability !== undefined && { probability }),
  };
  addState(
    workflow,
    stage.id,
    { meta, on: { [stage.event]: { target: old.target, meta: { title: stage.eventTitle } } } },
    ref.source,
  );
  setTransition(workflow, ref, { ...old, target: stage.id });
}
