import type { Text } from '@lodestar/core';
import type { Actor } from '../actor.js';
import type { FieldTitle, RoleTitle } from './guards/types.js';
import {
  approvalStatus,
  isApprover,
  stepTitle,
  type ApprovalPlan,
  type ApprovalStatus,
  type Approver,
  type Principal,
} from './approval-plan.js';
import type { Approval } from './reference.js';

/** The org facts an approval decision needs beyond the record, loaded by the shell only for approval states. */
export interface ApproverFacts {
  /** The record owner's manager in the org tree (null: none), when a step names the owner's manager. */
  ownerManagerId?: string | null;
  /** Users whose approvals the actor holds by an active delegation, with their roles. */
  delegators?: Principal[];
}

/** An APPROVE or REJECT that may be recorded, and where the approval stands once it is counted. */
export interface ApprovalGiven {
  given: Approval;
  status: ApprovalStatus;
}

export interface ApprovalInput {
  record: Record<string, unknown>;
  actor: Actor;
  /** Decisions since the record entered its state, oldest first. */
  approvals?: Approval[];
  approvers?: ApproverFacts;
  decision: 'approved' | 'rejected';
  now: Date;
  titles: { state: string; roleTitle?: RoleTitle | undefined; fieldTitle?: FieldTitle | undefined };
}

/**
 * Who may APPROVE or REJECT now, and the decision to record. The actor decides as themselves first, then
 * for a user who delegated to them; sequence offers only the first pending step, parallel every pending one.
 * A refusal names the step and who may decide it, in both languages.
 */
export function judgeApproval(plan: ApprovalPlan, input: ApprovalInput): ApprovalGiven | { reason: Text } {
  const { record, actor, now } = input;
  const status = approvalStatus(plan, record, input.approvals ?? [], now);
  const managerId = input.approvers?.ownerManagerId;
  const principals: (Principal & { onBehalfOf?: string })[] = [
    actor,
    ...(input.approvers?.delegators ?? []).map((d) => ({ ...d, onBehalfOf: d.id })),
  ];
  if (plan.single) {
    const role = (plan.steps[0]!.approver as { role: string }).role;
    const by = principals.find((p) => p.roles.includes(role));
    if (!by) {
      const who = input.titles.roleTitle?.(role) ?? { en: role, zh: role };
      return {
        reason: { en: `only ${who.en} may approve or reject in state ${input.titles.state}`, zh: `仅限${who.zh}审批` },
      };
    }
    return withGiven(plan, input, given(role, role, input, by.onBehalfOf));
  }
  if (status.rejected) return { reason: { en: 'the approval was already rejected', zh: '该审批已被驳回' } };
  if (status.complete && !status.steps.some((s) => s.applies))
    return {
      reason: {
        en: 'no approval step applies to this record: the workflow should take it past this stage with a guard',
        zh: '此记录不满足任何审批步骤的条件，无需审批；流程应在进入此阶段前用条件分流',
      },
    };
  if (status.complete) return { reason: { en: 'the approval is already complete', zh: '该审批已完成' } };
  for (const who of principals)
    for (const open of status.open)
      if (isApprover(open.step.approver, who, record, managerId))
        return withGiven(
          plan,
          input,
          given(roleOf(open.step.approver, open.step.id), open.step.id, input, who.onBehalfOf),
        );
  return { reason: refusal(plan, status, principals, input) };
}

// The decision with where the approval stands once it is counted.
function withGiven(plan: ApprovalPlan, input: ApprovalInput, decision: Approval): ApprovalGiven {
  const status = approvalStatus(plan, input.record, [...(input.approvals ?? []), decision], input.now);
  return { given: decision, status };
}

function given(role: string, step: string, input: ApprovalInput, onBehalfOf: string | undefined): Approval {
  return {
    role,
    step,
    decision: input.decision,
    by: input.actor.id,
    at: input.now.toISOString(),
    ...(onBehalfOf && { onBehalfOf }),
  };
}

const roleOf = (approver: Approver, step: string) => ('role' in approver ? approver.role : step);

// Why this actor may not decide now: the step they could decide is waiting, decided or does not apply; else who may.
function refusal(plan: ApprovalPlan, status: ApprovalStatus, principals: Principal[], input: ApprovalInput): Text {
  const managerId = input.approvers?.ownerManagerId;
  const mine = status.steps.find((s) =>
    principals.some((p) => isApprover(s.step.approver, p, input.record, managerId)),
  );
  if (mine) {
    const title = stepTitle(mine.step);
    if (!mine.applies)
      return { en: `step “${title.en}” does not apply to this record`, zh: `此记录无需“${title.zh}”审批` };
    if (mine.decision) return { en: `step “${title.en}” is already decided`, zh: `“${title.zh}”已审批` };
    const first = status.open[0];
    if (plan.order === 'sequence' && first) {
      const before = stepTitle(first.step);
      return {
        en: `step “${title.en}” waits for step “${before.en}” to be decided first`,
        zh: `“${title.zh}”须待“${before.zh}”完成后才能审批`,
      };
    }
  }
  const parts = status.open.map((open) => ({
    title: stepTitle(open.step),
    who: approverTitle(open.step.approver, input),
  }));
  return {
    en: parts.map((p) => `only ${p.who.en} may decide step “${p.title.en}” now`).join('; '),
    zh: parts.map((p) => `当前审批步骤“${p.title.zh}”仅限${p.who.zh}审批`).join('；'),
  };
}

/** Who an approver is, in words: 销售总监, the user in 客户经理, the owner's manager. */
export function approverTitle(approver: Approver, input: Pick<ApprovalInput, 'titles'>): Text {
  if ('role' in approver) return input.titles.roleTitle?.(approver.role) ?? { en: approver.role, zh: approver.role };
  if ('userField' in approver) {
    const field = input.titles.fieldTitle?.(approver.userField) ?? { en: approver.userField, zh: approver.userField };
    return { en: `the user in ${field.en}`, zh: `“${field.zh}”所指定的人` };
  }
  return { en: "the owner's manager", zh: '负责人的直属上级' };
}
