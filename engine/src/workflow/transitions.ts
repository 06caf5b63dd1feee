import type { StateDefinition, TransitionConfig, TransitionDefinition } from '../definitions/workflow.js';

/** One transition of a state, flattened: how it is triggered, its definition, and where it sits in the definition. */
export interface TransitionEntry {
  kind: 'on' | 'after' | 'always';
  /** The event type for `on`, the delay key for `after`, empty for `always`. */
  key: string;
  definition: TransitionDefinition;
  /** JSON pointer of the transition object (or of the target string when written as one). */
  pointer: string;
  /** JSON pointer of its target. */
  targetPointer: string;
}

/** Every transition of one state in definition order, with the string and array shorthands expanded. */
export function listTransitions(state: StateDefinition, statePointer: string): TransitionEntry[] {
  const out: TransitionEntry[] = [];
  for (const [key, config] of Object.entries(state.on ?? {}))
    out.push(...expand(config, 'on', key, `${statePointer}/on/${escape(key)}`));
  for (const [key, config] of Object.entries(state.after ?? {}))
    out.push(...expand(config, 'after', key, `${statePointer}/after/${escape(key)}`));
  if (state.always !== undefined) out.push(...expand(state.always, 'always', '', `${statePointer}/always`));
  return out;
}

/** The transitions one config holds: a target string, one object, or a list tried in order. */
export function toTransitionList(config: TransitionConfig): TransitionDefinition[] {
  if (typeof config === 'string') return [{ target: config }];
  return Array.isArray(config) ? config : [config];
}

function expand(
  config: TransitionConfig,
  kind: TransitionEntry['kind'],
  key: string,
  pointer: string,
): TransitionEntry[] {
  if (typeof config === 'string')
    return [{ kind, key, definition: { target: config }, pointer, targetPointer: pointer }];
  const list = Array.isArray(config)
    ? config.map((definition, i) => ({ definition, at: `${pointer}/${i}` }))
    : [{ definition: config, at: pointer }];
  return list.map(({ definition, at }) => ({ kind, key, definition, pointer: at, targetPointer: `${at}/target` }));
}

/** A JSON pointer segment for a key (RFC 6901). */
export function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
