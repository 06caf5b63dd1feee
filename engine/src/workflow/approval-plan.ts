import {
  evaluateFormula,
  FORMULA_TIME_ZONE,
  parseFormula,
  toText,
  type Expr,
  type LocalizedText,
  type StateDefinition,
  type Text,
} from '@lodestar/core';
import type { Approval } from './reference.js';

/** Who may decide one step: holders of a role, the user a user field names, or the record owner's manager. */
export type Approver = { role: string } | { userField: string } | { ownerManager: true };

/** One step of an approval, as the definition writes it. */
export interface ApprovalStep {
  id: string;
  title?: LocalizedText;
  approver: Approver;
  /** A yes/no formula over the record's own fields: the step applies only while it is TRUE. */
  when?: string;
}

/** A state's approval in one shape: `{ role }` is a single step named after its role. */
export interface ApprovalPlan {
  mode: 'all' | 'any';
  order: 'parallel' | 'sequence';
  steps: ApprovalStep[];
  /** Written as `{ role }`: history and reasons keep the single-role wording. */
  single: boolean;
}

const plans = new WeakMap<object, ApprovalPlan>();

/** The approval of a state, normalized (cached per definition object); undefined when the state has none. */
export function approvalPlanOf(state: StateDefinition | undefined): ApprovalPlan | undefined {
  const approval = state?.meta?.approval as
    { role: string } | { mode?: 'all' | 'any'; order?: 'parallel' | 'sequence'; steps: ApprovalStep[] } | undefined;
  if (!approval) return undefined;
  let plan = plans.get(approval);
  if (!plan) {
    plan =
      'role' in approval
        ? {
            mode: 'all',
            order: 'parallel',
            steps: [{ id: approval.role, approver: { role: approval.role } }],
            single: true,
          }
        : { mode: approval.mode ?? 'all', order: approval.order ?? 'parallel', steps: approval.steps, single: false };
    plans.set(approval, plan);
  }
  return plan;
}

/** One step as it stands now: whether it applies to this record and its latest decision since the state was entered. */
export interface StepStatus {
  step: ApprovalStep;
  applies: boolean;
  decision?: Approval;
}

/** Where a record's approval stands: complete, rejected, and the steps that may be decided now. */
export interface ApprovalStatus {
  complete: boolean;
  rejected: boolean;
  steps: StepStatus[];
  /** Steps that may be decided now: every pending one in parallel, the first pending one in sequence. */
  open: StepStatus[];
}

/**
 * Judges the approval over the record and the decisions recorded since it entered the state (oldest first).
 * A step applies when it has no `when` or its `when` is TRUE (blank is not TRUE). All: complete when every
 * applying step is approved; any: when one is. A rejection of any step rejects the whole approval. With no
 * step applying the approval is complete: nothing needs deciding.
 */
export function approvalStatus(
  plan: ApprovalPlan,
  record: Record<string, unknown>,
  decisions: readonly Approval[],
  now: Date = new Date(),
): ApprovalStatus {
  const steps = plan.steps.map((step): StepStatus => {
    const decision = decisions.filter((d) => stepOf(d) === step.id).at(-1);
    return { step, applies: applies(step, record, now), ...(decision && { decision }) };
  });
  const applying = steps.filter((s) => s.applies);
  const rejected = steps.some((s) => s.decision?.decision === 'rejected');
  const approved = applying.filter((s) => s.decision?.decision === 'approved');
  const complete =
    !rejected &&
    (plan.mode === 'any' ? approved.length > 0 || applying.length === 0 : approved.length === applying.length);
  const pending = complete || rejected ? [] : applying.filter((s) => s.decision === undefined);
  return { complete, rejected, steps, open: plan.order === 'sequence' ? pending.slice(0, 1) : pending };
}

/** The step a recorded decision decided (rows of `{ role }` approvals name only the role). */
export function stepOf(decision: Approval): string {
  return decision.step ?? decision.role;
}

const parsed = new WeakMap<ApprovalStep, Expr | null>();

function applies(step: ApprovalStep, record: Record<string, unknown>, now: Date): boolean {
  if (step.when === undefined) return true;
  let expr = parsed.get(step);
  if (expr === undefined) parsed.set(step, (expr = parseFormula(step.when).expr ?? null));
  if (!expr) return false;
  const value = (path: readonly string[]) => (path[0] === 'recordType' ? record.record_type : record[path[0]!]) ?? null;
  return evaluateFormula(expr, value, { now, timeZone: FORMULA_TIME_ZONE }) === true;
}

/** A step's title in both languages (its id when it has none). */
export function stepTitle(step: ApprovalStep): Text {
  return toText(step.title, undefined, step.id);
}

/** Someone who may act: the actor, or a user whose approvals the actor holds by delegation. */
export interface Principal {
  id: string;
  roles: readonly string[];
}

/** Whether `who` is an approver of the step on this record. */
export function isApprover(
  approver: Approver,
  who: Principal,
  record: Record<string, unknown>,
  ownerManagerId: string | null | undefined,
): boolean {
  if ('role' in approver) return who.roles.includes(approver.role);
  if ('userField' in approver) return record[approver.userField] === who.id;
  return ownerManagerId != null && ownerManagerId === who.id;
}

/**
 * Whether a recorded decision was given by someone the approval names personally: the owner's manager, the
 * user in a user field, or a delegate. They decide beyond their roles' scope; role approvers keep the scope
 * roles.json gives them.
 */
export function isPersonalApproval(state: StateDefinition | undefined, given: Approval | undefined): boolean {
  if (!given) return false;
  if (given.onBehalfOf) return true;
  const step = approvalPlanOf(state)?.steps.find((s) => s.id === (given.step ?? given.role));
  return step !== undefined && !('role' in step.approver);
}
