import type { State, Transition, TransitionConfig, Workflow } from './types';

/* Pure edits of a state's timed (`after`) and automatic (`always`) transitions. */

/** One timed transition: its key, and its place when the key holds a list. */
export interface Timer {
  key: string;
  index?: number;
  transition: Transition;
}

function asList(config: TransitionConfig | undefined): Transition[] {
  if (config === undefined) return [];
  if (typeof config === 'string') return [{ target: config }];
  return Array.isArray(config) ? config : [config];
}

function fromList(list: Transition[]): TransitionConfig | undefined {
  return list.length === 0 ? undefined : list.length === 1 ? list[0]! : list;
}

export function listTimers(state: State): Timer[] {
  return Object.entries(state.after ?? {}).flatMap(([key, config]) =>
    asList(config).map((transition, i) => ({
      key,
      transition,
      ...(Array.isArray(config) && { index: i }),
    })),
  );
}

/**
 * Writes one timed transition back, under `key` (which may differ from where it was); a key already used by
 * another timer of the state takes it as one more of its list. Key order stays as it was.
 */
export function setTimer(workflow: Workflow, name: string, at: Timer | undefined, key: string, next: Transition): void {
  const state = workflow.states[name]!;
  const entries = Object.entries(state.after ?? {}).map(([k, c]) => [k, asList(c)] as [string, Transition[]]);
  if (at) {
    const slot = entries.find(([k]) => k === at.key);
    if (slot) slot[1] = slot[1].filter((_, i) => i !== (at.index ?? 0));
  }
  const same = entries.find(([k]) => k === key);
  if (same) same[1].splice(at && at.key === key ? (at.index ?? 0) : same[1].length, 0, next);
  else {
    const place = at ? entries.findIndex(([k]) => k === at.key) + 1 : entries.length;
    entries.splice(place, 0, [key, [next]]);
  }
  const after = Object.fromEntries(
    entries.map(([k, list]) => [k, fromList(list)] as const).filter(([, c]) => c !== undefined),
  ) as Record<string, TransitionConfig>;
  if (Object.keys(after).length) state.after = after;
  else delete state.after;
}

export function removeTimer(workflow: Workflow, name: string, at: Timer): void {
  const state = workflow.states[name]!;
  const list = asList(state.after?.[at.key]).filter((_, i) => i !== (at.index ?? 0));
  const config = fromList(list);
  if (config === undefined) delete state.after![at.key];
  else state.after![at.key] = config;
  if (state.after && Object.keys(state.after).length === 0) delete state.after;
}

/** The state's automatic transitions, in the order the engine tries them. */
export function listAutomatic(state: State): Transition[] {
  return asList(state.always);
}

export function setAutomatic(workflow: Workflow, name: string, list: Transition[]): void {
  const state = workflow.states[name]!;
  const config = fromList(list);
  if (config === undefined) delete state.always;
  else state.always = config;
}
