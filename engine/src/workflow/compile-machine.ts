import { setup } from 'xstate';
import type { StateDefinition, WorkflowDefinition } from '../definitions/workflow.js';
import { ACTIONS } from './actions/index.js';
import { toMilliseconds } from '@lodestar/core';
import { evaluateGuard, GUARDS, type GuardInput } from './guards/index.js';
import type { FieldTitle, RoleTitle } from './guards/types.js';

/** A workflow ready to decide transitions: its definition, the XState machine, and the original name of each delay. */
export interface CompiledWorkflow {
  definition: WorkflowDefinition;
  machine: WorkflowMachine;
  /** Compiled delay name → the key written in `after` (`sla` or an ISO-8601 duration). */
  afterKeys: ReadonlyMap<string, string>;
  /** Titles of the bound entity's fields, for guard reasons (absent: reasons name field ids). */
  fieldTitle?: FieldTitle;
  /** Titles of the model's roles, for guard reasons (absent: reasons name role ids). */
  roleTitle?: RoleTitle;
}

/** An event as the machine sees it; timers send `xstate.after.<delay>.<workflow>.<state>` events. */
export interface WorkflowEvent {
  type: string;
  comment?: string;
}

/**
 * Compiles a validated workflow into an XState machine whose guards call the guard library.
 *
 * Guards need the stored record, the actor and the approvals, none of which the definition or the event
 * carries. They travel as the machine's context: `decide` restores the record's state with
 * `machine.resolveState({ value, context: { record, actor, approvals } })` for each decision and never
 * persists the snapshot, so the context is always the freshly locked row, and timer events (which carry
 * nothing) are guarded against the same data as user events. Actions get no-op implementations so that
 * `transition()` returns them as `{ type, params }`; planning them into effects is `decide`'s job.
 */
export function compileMachine(
  definition: WorkflowDefinition,
  fieldTitle?: FieldTitle,
  roleTitle?: RoleTitle,
): CompiledWorkflow {
  const afterKeys = new Map<string, string>();
  const delays: Record<string, number> = {};
  const states = Object.fromEntries(
    Object.entries(definition.states).map(([name, state]) => [name, toStateConfig(name, state, { afterKeys, delays })]),
  );
  const machine = createWorkflowMachine({ id: definition.id, initial: definition.initial, states }, delays);
  return { definition, machine, afterKeys, ...(fieldTitle && { fieldTitle }), ...(roleTitle && { roleTitle }) };
}

/** The XState machine type every compiled workflow shares. */
export type WorkflowMachine = ReturnType<typeof createWorkflowMachine>;

function createWorkflowMachine(
  config: { id: string; initial: string; states: Record<string, unknown> },
  delays: Record<string, number>,
) {
  const guards = Object.fromEntries(
    [...GUARDS.keys()].map((type) => [
      type,
      ({ context }: { context: GuardInput }, params: unknown) => isPass(type, params, context),
    ]),
  );
  const actions = Object.fromEntries([...ACTIONS.keys()].map((type) => [type, () => undefined]));
  return setup({
    types: { context: {} as GuardInput, input: {} as GuardInput, events: {} as WorkflowEvent },
    guards,
    actions,
    delays,
  }).createMachine({ ...config, context: ({ input }: { input: GuardInput }) => input } as never);
}

function isPass(type: string, params: unknown, input: GuardInput): boolean {
  return evaluateGuard({ type, params: (params ?? {}) as Record<string, unknown> }, input) === true;
}

// `after` keys become named delays: an ISO duration keeps its name, and `sla` becomes `sla-<state>`
// because each state has its own meta.sla while a delay name is global to the machine.
function toStateConfig(
  name: string,
  state: StateDefinition,
  out: { afterKeys: Map<string, string>; delays: Record<string, number> },
) {
  const { meta, after, ...rest } = state;
  if (!after) return { ...rest, meta };
  const renamed = Object.entries(after).map(([key, transition]) => {
    const delay = key === 'sla' ? `sla-${name}` : key;
    out.afterKeys.set(delay, key);
    out.delays[delay] = toMilliseconds(key === 'sla' ? String(meta?.sla) : key) ?? 0;
    return [delay, transition] as const;
  });
  return { ...rest, meta, after: Object.fromEntries(renamed) };
}
