import { createActor, type AnyActorScope } from 'xstate';
import type { CompiledWorkflow, WorkflowMachine } from './compile-machine.js';

type Snapshot = ReturnType<WorkflowMachine['resolveState']>;
type Event = Parameters<WorkflowMachine['transition']>[1];

const scopes = new WeakMap<WorkflowMachine, { scope: AnyActorScope; actions: { type: string; params?: unknown }[] }>();

/**
 * XState's pure `transition(machine, snapshot, event)`, without building a throwaway actor (and
 * the machine's initial state) on every call, which profiling showed to be most of its cost. One
 * inert scope per machine collects the actions instead of running them; `decide` is synchronous, so
 * calls never interleave on it. The scope's members are XState internals: XState is pinned to one
 * exact version in engine/package.json, and engine/test/xstate-scope.test.ts checks this scope against it.
 */
export function pureTransition(
  compiled: CompiledWorkflow,
  snapshot: Snapshot,
  event: Event,
): [Snapshot, { type: string; params?: unknown }[]] {
  const { machine } = compiled;
  let entry = scopes.get(machine);
  if (!entry) {
    const self = createActor(machine, { input: { record: {}, actor: { id: '', roles: [] } } });
    const collected: { type: string; params?: unknown }[] = [];
    const scope = {
      self,
      system: self.system,
      id: '',
      sessionId: '',
      defer: () => undefined,
      logger: () => undefined,
      stopChild: () => undefined,
      emit: () => undefined,
      actionExecutor: (action: { type: string; params?: unknown }) => void collected.push(action),
    } as unknown as AnyActorScope;
    scopes.set(machine, (entry = { scope, actions: collected }));
  }
  entry.actions.length = 0;
  const next = machine.transition(snapshot, event, entry.scope) as Snapshot;
  return [next, [...entry.actions]];
}
