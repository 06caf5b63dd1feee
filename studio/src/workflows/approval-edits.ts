import type { StateMeta } from './types';

/** One approver, as `meta.approval.steps[i].approver` writes it. */
export type Approver = { role: string } | { userField: string } | { ownerManager: true };
export type ApproverKind = 'role' | 'userField' | 'ownerManager';

export interface ApprovalStep {
  id: string;
  title?: { zh?: string; en?: string } | string;
  approver: Approver;
  when?: string;
}

export interface ApprovalSteps {
  mode?: 'all' | 'any';
  order?: 'parallel' | 'sequence';
  steps: ApprovalStep[];
}

type Approval = { role: string } | ApprovalSteps;

/** The state's approval as steps: `{ role }` reads as its one step, none as undefined. */
export function stepsOf(meta: StateMeta): ApprovalSteps | undefined {
  const approval = meta.approval as Approval | undefined;
  if (!approval) return undefined;
  if ('role' in approval)
    return { mode: 'all', order: 'parallel', steps: [{ id: approval.role, approver: { role: approval.role } }] };
  return approval;
}

export const kindOf = (approver: Approver): ApproverKind =>
  'role' in approver ? 'role' : 'userField' in approver ? 'userField' : 'ownerManager';

/** A fresh approver of `kind`, with the first role or user field offered. */
export function approverOf(kind: ApproverKind, roles: string[], userFields: string[]): Approver {
  if (kind === 'role') return { role: roles[0] ?? '' };
  if (kind === 'userField') return { userField: userFields[0] ?? '' };
  return { ownerManager: true };
}

/** A step id not yet taken: step1, step2, … */
export function freeStepId(steps: ApprovalStep[]): string {
  for (let n = steps.length + 1; ; n++) if (!steps.some((s) => s.id === `step${n}`)) return `step${n}`;
}

/** The meta patch writing `approval` back: undefined removes it; a lone role step without options stays `{ role }`. */
export function approvalPatch(approval: ApprovalSteps | undefined): Partial<StateMeta> {
  if (!approval) return { approval: undefined };
  return { approval: approval as StateMeta['approval'] };
}

/** Changes one step (by index) of the approval. */
export function withStep(approval: ApprovalSteps, index: number, patch: Partial<ApprovalStep>): ApprovalSteps {
  const steps = approval.steps.map((step, i) => {
    if (i !== index) return step;
    const next = { ...step, ...patch };
    if (next.when === '') delete next.when;
    return next;
  });
  return { ...approval, steps };
}

/** Moves a step one place up (-1) or down (+1): the order a sequence asks in. */
export function movedStep(approval: ApprovalSteps, index: number, by: -1 | 1): ApprovalSteps {
  const steps = [...approval.steps];
  const to = index + by;
  if (to < 0 || to >= steps.length) return approval;
  [steps[index], steps[to]] = [steps[to]!, steps[index]!];
  return { ...approval, steps };
}
