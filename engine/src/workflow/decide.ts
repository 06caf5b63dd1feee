import { initialTransition } from 'xstate';
import type { Text } from '@lodestar/core';
import type { LocalizedText } from '../definitions/entity.js';
import { toText } from '../migrate/step-names.js';
import { planAction, type ActionContext, type Effect } from './actions/index.js';
import type { CompiledWorkflow, WorkflowEvent } from './compile-machine.js';
import { evaluateGuard, type GuardInput } from './guards/index.js';
import { planTimers, type TimerPlan } from './plan-timers.js';
import { pureTransition } from './pure-transition.js';
import { refuseEntry } from './stage-entry.js';
import { listTransitions } from './transitions.js';
import { judgeApproval, type ApproverFacts } from './approval-decide.js';
import { approvalPlanOf, approvalStatus } from './approval-plan.js';
import type { Approval } from './reference.js';
import type { StateDefinition } from '../definitions/workflow.js';

/** What a decision starts from: the record's current state and stored values, who acts, and what they send. */
export interface DecisionInput extends GuardInput {
  state: string;
  event: WorkflowEvent;
  /** ISO-8601 time of the decision, for `now` values and timer due times; pass it to keep `decide` deterministic. */
  now?: string;
  /** Set by the timer runner: only it may send the `xstate.after.*` events that timers carry. */
  fromTimer?: boolean;
  /** The owner's manager and the actor's delegators, loaded by the shell for states with an approval. */
  approvers?: ApproverFacts;
}

/** A transition the shell may apply, or the reason it may not, in both languages (naming the guard that said no). */
export type Decision =
  | { ok: true; from: string; to: string; effects: Effect[]; timers: TimerPlan; approval?: Approval }
  | { ok: false; reason: Text; guard?: string };

const APPROVAL_EVENTS = new Set(['APPROVE', 'REJECT']);

/** Decides what sending `event` to a record in `state` does, without doing any of it. */
export function decide(compiled: CompiledWorkflow, input: DecisionInput): Decision {
  const { definition, machine } = compiled;
  const { state, event, record, actor, approvals } = input;
  const stateDefinition = definition.states[state];
  if (!stateDefinition)
    return {
      ok: false,
      reason: {
        en: `state "${state}" does not exist in workflow "${definition.id}"`,
        zh: `流程中已没有阶段“${state}”`,
      },
    };
  if (event.type.startsWith('xstate.') !== Boolean(input.fromTimer)) return notAllowed(compiled, state, event.type);
  const now = input.now ?? new Date().toISOString();
  const approval = approvalOf(compiled, input, now);
  if (approval && 'reason' in approval) return { ok: false, reason: approval.reason, guard: 'approval' };
  // An APPROVE that leaves steps pending is recorded and the record stays; completion takes the APPROVE transition.
  if (approval?.given.decision === 'approved' && !approval.status.complete)
    return {
      ok: true,
      from: state,
      to: state,
      effects: [],
      timers: { cancel: false, schedule: [] },
      approval: approval.given,
    };
  const decided = approval ? [...(approvals ?? []), approval.given] : approvals;
  const context: GuardInput = {
    record,
    actor,
    ...(decided && { approvals: decided }),
    ...approvalProgress(stateDefinition, record, decided, now),
    ...(input.facts && { facts: input.facts }),
  };
  const snapshot = machine.resolveState({ value: state, context });
  if (!snapshot.can(event)) return explain(compiled, { ...input, ...context });
  const [next, actions] = pureTransition(compiled, snapshot, event);
  const to = String(next.value);
  const effects = toEffects(actions, { record, actor, event: event.type, now });
  // A user's event may not bring a record into a stage with a field that stage requires left blank.
  const refused = input.fromTimer ? undefined : refuseEntry(compiled, state, to, record, effects);
  if (refused) return refused;
  const timers = planTimers(compiled, actions, { left: to !== state, now });
  return { ok: true, from: state, to, effects, timers, ...(approval && { approval: approval.given }) };
}

/** An APPROVE or REJECT judged by the state's approval (undefined: another event, or a state without one). */
function approvalOf(compiled: CompiledWorkflow, input: DecisionInput, now: string) {
  const plan = APPROVAL_EVENTS.has(input.event.type)
    ? approvalPlanOf(compiled.definition.states[input.state])
    : undefined;
  if (!plan) return undefined;
  return judgeApproval(plan, {
    ...input,
    decision: input.event.type === 'APPROVE' ? 'approved' : 'rejected',
    now: new Date(now),
    titles: { state: input.state, roleTitle: compiled.roleTitle, fieldTitle: compiled.fieldTitle },
  });
}

/** Where a state's approval of steps stands, for `approvalGiven` (a `{ role }` approval keeps its per-role reading). */
function approvalProgress(
  state: StateDefinition,
  record: Record<string, unknown>,
  decided: Approval[] | undefined,
  now: string,
): Pick<GuardInput, 'approval'> {
  const plan = approvalPlanOf(state);
  if (!plan || plan.single) return {};
  const { complete, rejected } = approvalStatus(plan, record, decided ?? [], new Date(now));
  return { approval: { complete, rejected } };
}

/** What starting a new record's workflow does: its initial state (after any `always`), entry effects and timers. */
export function decideStart(
  compiled: CompiledWorkflow,
  input: GuardInput & { now?: string },
): { to: string; effects: Effect[]; timers: TimerPlan } {
  const { record, actor, approvals } = input;
  const [snapshot, actions] = initialTransition(
    compiled.machine,
    approvals ? { record, actor, approvals } : { record, actor },
  );
  const now = input.now ?? new Date().toISOString();
  const effects = toEffects(actions, { record, actor, event: 'xstate.init', now });
  return { to: String(snapshot.value), effects, timers: planTimers(compiled, actions, { left: false, now }) };
}

// XState's own actions (timers) are the scheduler's business; the library's named actions become effects.
function toEffects(actions: readonly { type: string; params?: unknown }[], ctx: ActionContext): Effect[] {
  return actions
    .filter((action) => !action.type.startsWith('xstate.'))
    .map((action) => planAction({ type: action.type, params: (action.params ?? {}) as Record<string, unknown> }, ctx));
}

// XState says only whether some transition is enabled; the reason comes from the library's own guard.
function explain(compiled: CompiledWorkflow, input: DecisionInput): Decision {
  const { state, event } = input;
  const candidates = listTransitions(compiled.definition.states[state]!, '').filter(
    (t) => t.kind === 'on' && t.key === event.type,
  );
  if (candidates.length === 0) return notAllowed(compiled, state, event.type);
  const titles = {
    ...(compiled.fieldTitle && { fieldTitle: compiled.fieldTitle }),
    ...(compiled.roleTitle && { roleTitle: compiled.roleTitle }),
  };
  for (const { definition } of candidates) {
    if (definition.guard === undefined) continue;
    const result = evaluateGuard(definition.guard, { ...input, ...titles });
    if (result !== true) {
      const guard = typeof definition.guard === 'string' ? definition.guard : definition.guard.type;
      return { ok: false, reason: result.reason, guard };
    }
  }
  return notAllowed(compiled, state, event.type);
}

/** An event the stage does not offer; in Chinese by the titles users know (ids when the definition has none). */
function notAllowed(compiled: CompiledWorkflow, state: string, event: string): Decision {
  const where = stateTitle(compiled, state);
  const what = eventTitle(compiled, event);
  return {
    ok: false,
    reason: { en: `event ${event} is not allowed in state ${state}`, zh: `“${where.zh}”阶段不能执行“${what.zh}”` },
  };
}

function stateTitle(compiled: CompiledWorkflow, state: string): Text {
  return toText(compiled.definition.states[state]?.meta?.title as LocalizedText | undefined, undefined, state);
}

/** The event's title from any transition that names it (timers and unknown events by their name). */
function eventTitle(compiled: CompiledWorkflow, event: string): { en: string; zh: string } {
  for (const state of Object.values(compiled.definition.states)) {
    const title = (state.on?.[event] as { meta?: { title?: LocalizedText } } | undefined)?.meta?.title;
    if (title) return toText(title, undefined, event);
  }
  return { en: event, zh: event };
}
