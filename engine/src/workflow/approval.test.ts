import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { approvalPlanOf, approvalStatus } from './approval-plan.js';
import { compileMachine } from './compile-machine.js';
import { decide, type DecisionInput } from './decide.js';
import type { Approval } from './reference.js';

/** A quote: the owner's manager approves above 15% off, the sales director also above 30%, in sequence. */
const quoteFlow = (approval: Record<string, unknown>): WorkflowDefinition =>
  ({
    id: 'quote-approval',
    initial: 'pending',
    meta: { entity: 'quote' },
    states: {
      draft: { on: { SUBMIT: 'pending' } },
      pending: {
        meta: { approval },
        on: {
          APPROVE: { target: 'approved' },
          REJECT: { target: 'draft' },
          CHECK: { target: 'approved', guard: 'approvalGiven' },
        },
      },
      approved: { type: 'final' },
    },
  }) as unknown as WorkflowDefinition;

const sequence = compileMachine(
  quoteFlow({
    mode: 'all',
    order: 'sequence',
    steps: [
      {
        id: 'manager',
        title: { zh: '经理审批', en: 'Manager' },
        approver: { ownerManager: true },
        when: 'discount > 0.15',
      },
      {
        id: 'director',
        title: { zh: '总监审批', en: 'Director' },
        approver: { role: 'salesDirector' },
        when: 'discount > 0.3',
      },
    ],
  }),
);
const review = (mode: 'all' | 'any') =>
  compileMachine(
    quoteFlow({
      mode,
      order: 'parallel',
      steps: [
        { id: 'legal', title: { zh: '法务审核', en: 'Legal' }, approver: { role: 'legal' } },
        { id: 'finance', title: { zh: '财务审核', en: 'Finance' }, approver: { role: 'finance' } },
        { id: 'am', approver: { userField: 'accountManager' } },
      ],
    }),
  );

const now = '2026-12-07T10:00:00.000Z';
const boss = { id: 'boss', roles: ['salesManager'] };
const director = { id: 'dir', roles: ['salesDirector'] };
const rep = { id: 'rep', roles: ['sales'] };
const quote = (discount: number) => ({ id: 'q1', owner_id: 'rep', discount, accountManager: 'amy' });
const approved = (step: string, by: string, role = step): Approval => ({
  role,
  step,
  decision: 'approved',
  by,
  at: now,
});

const send = (
  compiled: ReturnType<typeof compileMachine>,
  type: string,
  actor: { id: string; roles: string[] },
  record: Record<string, unknown>,
  approvals: Approval[] = [],
  extra: Partial<DecisionInput> = {},
) =>
  decide(compiled, {
    state: 'pending',
    event: { type },
    record,
    actor,
    approvals,
    approvers: { ownerManagerId: 'boss' },
    now,
    ...extra,
  });

describe('approval by steps', () => {
  it('reads `{ role }` as one step named after the role', () => {
    const plan = approvalPlanOf({ meta: { approval: { role: 'salesManager' } } } as never)!;
    expect(plan).toMatchObject({ single: true, steps: [{ id: 'salesManager', approver: { role: 'salesManager' } }] });
  });

  it('applies a step only while its threshold is TRUE (blank is not)', () => {
    const plan = approvalPlanOf(sequence.definition.states.pending)!;
    const steps = (discount: unknown) =>
      approvalStatus(plan, { discount }, [])
        .steps.filter((s) => s.applies)
        .map((s) => s.step.id);
    expect(steps(0.2)).toEqual(['manager']);
    expect(steps(0.35)).toEqual(['manager', 'director']);
    expect(steps(0.1)).toEqual([]);
    expect(steps(null)).toEqual([]);
  });

  it('20% off: the owner’s manager alone approves, and the quote moves on', () => {
    const decision = send(sequence, 'APPROVE', boss, quote(0.2));
    expect(decision).toMatchObject({
      ok: true,
      to: 'approved',
      approval: { step: 'manager', decision: 'approved', by: 'boss' },
    });
  });

  it('35% off: the manager first (the record stays), then the director', () => {
    const first = send(sequence, 'APPROVE', boss, quote(0.35));
    expect(first).toMatchObject({
      ok: true,
      from: 'pending',
      to: 'pending',
      effects: [],
      approval: { step: 'manager' },
    });
    const early = send(sequence, 'APPROVE', director, quote(0.35));
    expect(early).toMatchObject({
      ok: false,
      guard: 'approval',
      reason: {
        en: 'step “Director” waits for step “Manager” to be decided first',
        zh: '“总监审批”须待“经理审批”完成后才能审批',
      },
    });
    const second = send(sequence, 'APPROVE', director, quote(0.35), [approved('manager', 'boss', 'manager')]);
    expect(second).toMatchObject({ ok: true, to: 'approved', approval: { step: 'director', role: 'salesDirector' } });
  });

  it('says so when no step applies, rather than naming an approver', () => {
    expect(send(sequence, 'APPROVE', boss, quote(0.1))).toMatchObject({
      ok: false,
      reason: { zh: '此记录不满足任何审批步骤的条件，无需审批；流程应在进入此阶段前用条件分流' },
    });
  });

  it('refuses a wrong user with a reason naming the step and who may decide it', () => {
    expect(send(sequence, 'APPROVE', rep, quote(0.2))).toMatchObject({
      ok: false,
      guard: 'approval',
      reason: {
        en: "only the owner's manager may decide step “Manager” now",
        zh: '当前审批步骤“经理审批”仅限负责人的直属上级审批',
      },
    });
    expect(send(sequence, 'REJECT', rep, quote(0.2))).toMatchObject({ ok: false, guard: 'approval' });
  });

  it('a rejection by any approver rejects: the REJECT transition is taken', () => {
    expect(send(sequence, 'REJECT', boss, quote(0.35))).toMatchObject({
      ok: true,
      to: 'draft',
      approval: { step: 'manager', decision: 'rejected' },
    });
  });

  it('all in parallel: each pending step may decide at once; complete when every one approved', () => {
    const all = review('all');
    const legal = { id: 'l', roles: ['legal'] };
    const finance = { id: 'f', roles: ['finance'] };
    expect(send(all, 'APPROVE', finance, quote(0))).toMatchObject({
      ok: true,
      to: 'pending',
      approval: { step: 'finance' },
    });
    expect(send(all, 'APPROVE', legal, quote(0), [approved('finance', 'f')])).toMatchObject({
      ok: true,
      to: 'pending',
    });
    const last = send(all, 'APPROVE', { id: 'amy', roles: [] }, quote(0), [
      approved('finance', 'f'),
      approved('legal', 'l'),
    ]);
    expect(last).toMatchObject({ ok: true, to: 'approved', approval: { step: 'am', role: 'am' } });
    expect(send(all, 'APPROVE', legal, quote(0), [approved('legal', 'l')])).toMatchObject({
      ok: false,
      reason: { en: 'step “Legal” is already decided' },
    });
  });

  it('any: one approval completes it', () => {
    expect(send(review('any'), 'APPROVE', { id: 'f', roles: ['finance'] }, quote(0))).toMatchObject({
      ok: true,
      to: 'approved',
    });
  });

  it('a delegate decides on behalf of the user who delegated', () => {
    const deputy = { id: 'deputy', roles: ['sales'] };
    const refused = send(sequence, 'APPROVE', deputy, quote(0.2));
    expect(refused.ok).toBe(false);
    const decision = send(sequence, 'APPROVE', deputy, quote(0.2), [], {
      approvers: { ownerManagerId: 'boss', delegators: [boss] },
    });
    expect(decision).toMatchObject({ ok: true, to: 'approved', approval: { by: 'deputy', onBehalfOf: 'boss' } });
  });

  it('approvalGiven without params passes when the whole approval is complete', () => {
    expect(send(sequence, 'CHECK', rep, quote(0.35), [approved('manager', 'boss')])).toMatchObject({
      ok: false,
      reason: { en: 'the approval is not complete yet' },
    });
    expect(
      send(sequence, 'CHECK', rep, quote(0.35), [
        approved('manager', 'boss'),
        approved('director', 'dir', 'salesDirector'),
      ]),
    ).toMatchObject({ ok: true, to: 'approved' });
  });

  it('keeps the single-role wording and behaviour of `{ role }`', () => {
    const single = compileMachine(quoteFlow({ role: 'salesManager' }));
    expect(send(single, 'APPROVE', rep, quote(0))).toMatchObject({
      ok: false,
      reason: { en: 'only salesManager may approve or reject in state pending', zh: '仅限salesManager审批' },
    });
    expect(send(single, 'APPROVE', boss, quote(0))).toMatchObject({
      ok: true,
      to: 'approved',
      approval: { role: 'salesManager', step: 'salesManager', decision: 'approved' },
    });
  });
});
