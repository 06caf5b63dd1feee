import type {
  NamedReference,
  StateDefinition,
  TransitionDefinition,
  WorkflowDefinition,
} from '../definitions/workflow.js';
import { issueOf, type Issue } from '../errors.js';
import type { CompiledWorkflow } from './compile-machine.js';
import { GUARDS } from './guards/index.js';
import { toReference } from './reference.js';
import { escape, listTransitions } from './transitions.js';

/**
 * Data guards (`condition`, `related`) judge values the stored record does not hold: its parents' fields,
 * formulas, counts of related records. Deciding stays pure: before a decision the shell computes every data
 * guard a transition could ask for, in one statement, and passes the answers as `GuardInput.facts`. This
 * module says which ones a decision needs, so a state without data guards costs no round trip.
 */
export interface DataGuard {
  /** The fact's key, the same wherever the guard appears (one value per distinct guard). */
  key: string;
  type: string;
  params: Record<string, unknown>;
}

type Ref = NamedReference | string;

const needed = new WeakMap<CompiledWorkflow, Map<string, readonly DataGuard[]>>();

/**
 * The data guards deciding `event` in `state` may evaluate: the event's transitions (every `on` transition
 * when `event` is undefined, as when listing what a record offers; every `after` for a timer's event), the
 * state's `always` transitions, and the `always` transitions of the states those lead to, which XState checks
 * in the same step. Cached per compiled workflow, which lives as long as its model version.
 */
export function dataGuardsFor(compiled: CompiledWorkflow, state: string, event?: string): readonly DataGuard[] {
  let byState = needed.get(compiled);
  if (!byState) needed.set(compiled, (byState = new Map()));
  const cacheKey = `${state}\u0000${event ?? ''}`;
  let found = byState.get(cacheKey);
  if (!found) byState.set(cacheKey, (found = collect(compiled.definition, state, event)));
  return found;
}

/** The data guards a guard reference holds, nested ones included, by key. */
export function dataGuardsIn(ref: Ref, out = new Map<string, DataGuard>()): Map<string, DataGuard> {
  const { type, params = {} } = toReference(ref);
  const spec = GUARDS.get(type);
  if (!spec) return out;
  if (spec.fact) {
    const key = spec.fact(params);
    if (!out.has(key)) out.set(key, { key, type, params });
  }
  for (const child of spec.children?.(params) ?? []) dataGuardsIn(child.ref, out);
  return out;
}

/**
 * A data guard needs the stored record, which does not exist yet while its workflow starts: the `always`
 * transitions taken at the start (the initial state's, and on through their targets) cannot use one.
 */
export function checkStartGuards(workflow: WorkflowDefinition): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    const state = workflow.states[name];
    if (!state || seen.has(name)) return;
    seen.add(name);
    for (const entry of listTransitions(state, `/states/${escape(name)}`)) {
      if (entry.kind !== 'always') continue;
      const guard = entry.definition.guard;
      if (guard !== undefined && dataGuardsIn(guard).size > 0)
        issues.push(
          issueOf(`${entry.pointer}/guard`, 'startDataGuard', {
            en: 'a condition over data cannot decide a transition taken as a record starts: the record is not stored yet',
            zh: '记录创建时自动执行的流转不能使用数据条件：此时记录尚未保存',
          }),
        );
      if (entry.definition.target) visit(entry.definition.target);
    }
  };
  visit(workflow.initial);
  return issues;
}

function collect(workflow: WorkflowDefinition, state: string, event: string | undefined): DataGuard[] {
  const definition = workflow.states[state];
  if (!definition) return [];
  const out = new Map<string, DataGuard>();
  const chosen = listTransitions(definition, '').filter(({ kind, key }) => {
    if (kind === 'always') return true;
    if (event === undefined) return kind === 'on';
    return event.startsWith('xstate.') ? kind === 'after' : kind === 'on' && key === event;
  });
  const targets = new Set<string>();
  const take = (transition: TransitionDefinition) => {
    if (transition.guard !== undefined) dataGuardsIn(transition.guard, out);
    if (transition.target) targets.add(transition.target);
  };
  chosen.forEach(({ definition: transition }) => take(transition));
  // Eventless transitions of the states entered in the same step, and on through theirs.
  const seen = new Set<string>([state]);
  for (const target of targets) {
    if (seen.has(target)) continue;
    seen.add(target);
    const next: StateDefinition | undefined = workflow.states[target];
    if (next) listTransitions(next, '').forEach((e) => e.kind === 'always' && take(e.definition));
  }
  return [...out.values()];
}
