import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/paths.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { allowedEvents } from './allowed-events.js';
import { compileMachine } from './compile-machine.js';
import { decide, decideStart, type DecisionInput } from './decide.js';

const load = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURES, 'workflows/valid', `${name}.json`), 'utf8')) as WorkflowDefinition;
const sales = compileMachine(load('opportunity-sales'));
const discount = compileMachine(load('opportunity-discount'));

const now = '2026-11-23T10:00:00.000Z';
const SLA_EVENT = 'xstate.after.sla-contractNegotiation.opportunity-sales.contractNegotiation';
const rep = { id: 'u1', roles: ['sales'] };
const manager = { id: 'u2', roles: ['manager'] };
const full = {
  id: 'r1',
  name: 'Deal',
  customer: 'c1',
  contacts: ['p1'],
  amount: 1000,
  expectedCloseDate: '2026-12-31',
  lostReason: '',
};
const at = (state: string, type: string, record: Record<string, unknown> = full, actor = rep): DecisionInput => ({
  state,
  record,
  actor,
  event: { type },
  now,
});

describe('decide', () => {
  it.each<[string, DecisionInput, string]>([
    ['unknown event', at('initialContact', 'SIGN'), 'event SIGN is not allowed in state initialContact'],
    [
      'missing contacts',
      at('interestShown', 'MEET_DECISION_MAKERS', { ...full, contacts: [] }),
      'required field missing: contacts',
    ],
    ['missing amount', at('needsIdentified', 'PROPOSE', { ...full, amount: null }), 'required field missing: amount'],
    ['lost needs a reason', at('demonstration', 'LOSE'), 'required field missing: lostReason'],
    ['nested guard', at('verbalCommitment', 'NEGOTIATE', { ...full, amount: 0 }), 'amount must be greater than 0'],
    ['final state', at('contractSigned', 'LOSE'), 'event LOSE is not allowed in state contractSigned'],
    ['unknown state', at('nowhere', 'LOSE'), 'state "nowhere" does not exist in workflow "opportunity-sales"'],
  ])('refuses: %s', (_name, input, reason) => {
    expect(decide(sales, input)).toMatchObject({ ok: false, reason: { en: reason } });
  });

  it('names the guard that said no', () => {
    expect(decide(sales, at('needsIdentified', 'PROPOSE', { ...full, amount: null }))).toMatchObject({
      guard: 'requireFields',
      reason: { zh: '缺少必填字段：amount' },
    });
  });

  it('moves when the guard passes, with no effects and timers cancelled', () => {
    expect(decide(sales, at('interestShown', 'MEET_DECISION_MAKERS'))).toEqual({
      ok: true,
      from: 'interestShown',
      to: 'meetingDecisionMakers',
      effects: [],
      timers: { cancel: true, schedule: [] },
    });
  });

  it('plans in-transaction effects from transition actions', () => {
    const decision = decide(sales, at('solutionProposed', 'DEMONSTRATE'));
    expect(decision).toMatchObject({ ok: true, to: 'demonstration' });
    expect(decision.ok && decision.effects).toEqual([
      {
        kind: 'createRecord',
        phase: 'inTransaction',
        entity: 'activity',
        values: {
          subject: 'Product demonstration',
          type: 'demo',
          status: 'planned',
          opportunity: 'r1',
          customer: 'c1',
        },
      },
    ]);
  });

  it('schedules the SLA timer of the state it enters', () => {
    const decision = decide(sales, at('verbalCommitment', 'NEGOTIATE'));
    expect(decision.ok && decision.timers).toEqual({
      cancel: true,
      schedule: [{ event: SLA_EVENT, afterKey: 'sla', delayMs: 14 * 86_400_000, dueAt: '2026-12-07T10:00:00.000Z' }],
    });
  });

  it('runs a fired timer back through decide: actions only, the state and its other timers stay', () => {
    const fired = decide(sales, { ...at('contractNegotiation', SLA_EVENT), fromTimer: true });
    expect(fired).toMatchObject({ ok: true, to: 'contractNegotiation', timers: { cancel: false, schedule: [] } });
    expect(fired.ok && fired.effects).toEqual([
      {
        kind: 'notify',
        phase: 'outbox',
        to: 'owner.manager',
        subject: 'Negotiation is taking longer than 14 days',
        body: '',
      },
    ]);
  });

  it('ignores a stale timer of a state the record has left', () => {
    const stale = decide(sales, { ...at('demonstration', SLA_EVENT), fromTimer: true });
    expect(stale).toMatchObject({ ok: false });
  });

  it('refuses timer events from anyone but the timer runner, and user events from it', () => {
    expect(decide(sales, at('contractNegotiation', SLA_EVENT))).toMatchObject({
      ok: false,
      reason: { en: `event ${SLA_EVENT} is not allowed in state contractNegotiation` },
    });
    expect(decide(sales, { ...at('contractNegotiation', 'SIGN'), fromTimer: true })).toMatchObject({ ok: false });
  });

  it('queues outbox effects when the contract is signed', () => {
    const decision = decide(sales, at('contractNegotiation', 'SIGN'));
    expect(decision).toMatchObject({ ok: true, to: 'contractSigned', timers: { cancel: true, schedule: [] } });
    expect(decision.ok && decision.effects.map((e) => [e.kind, e.phase])).toEqual([
      ['callWebhook', 'outbox'],
      ['notify', 'outbox'],
    ]);
  });

  it('lets only the approval role approve or reject', () => {
    const input = { ...at('pendingApproval', 'APPROVE'), actor: rep };
    expect(decide(discount, input)).toMatchObject({
      ok: false,
      reason: { en: 'only manager may approve or reject in state pendingApproval' },
      guard: 'approval',
    });
    expect(decide(discount, { ...input, actor: manager })).toMatchObject({
      ok: true,
      to: 'approved',
      effects: [{ kind: 'setField', field: 'description', value: 'u2' }],
    });
    expect(decide(discount, { ...at('pendingApproval', 'REJECT'), actor: manager })).toMatchObject({
      ok: true,
      to: 'draft',
    });
  });

  it('plans entry actions of the state it enters', () => {
    const decision = decide(discount, at('pendingApproval', 'ESCALATE'));
    expect(decision).toMatchObject({
      ok: true,
      to: 'escalated',
      effects: [{ kind: 'notify', to: 'owner.manager' }],
      timers: { cancel: true, schedule: [] },
    });
  });
});

describe('decideStart', () => {
  it('enters the initial state and schedules its timers', () => {
    expect(decideStart(sales, { record: full, actor: rep, now })).toEqual({
      to: 'initialContact',
      effects: [],
      timers: {
        cancel: false,
        schedule: [
          {
            event: 'xstate.after.P30D.opportunity-sales.initialContact',
            afterKey: 'P30D',
            delayMs: 30 * 86_400_000,
            dueAt: '2026-12-23T10:00:00.000Z',
          },
        ],
      },
    });
  });
});

describe('allowedEvents', () => {
  it('lists every event of the state with its verdict', () => {
    expect(allowedEvents(sales, 'needsIdentified', { record: { ...full, amount: undefined }, actor: rep })).toEqual([
      {
        event: 'PROPOSE',
        target: 'solutionProposed',
        allowed: false,
        reason: { en: 'required field missing: amount', zh: '缺少必填字段：amount' },
      },
      {
        event: 'LOSE',
        target: 'lost',
        allowed: false,
        reason: { en: 'required field missing: lostReason', zh: '缺少必填字段：lostReason' },
      },
    ]);
    expect(allowedEvents(sales, 'contractSigned', { record: full, actor: rep })).toEqual([]);
  });

  it('answers per actor in approval states', () => {
    const verdicts = (actor: typeof rep) =>
      allowedEvents(discount, 'pendingApproval', { record: full, actor }).map((e) => [e.event, e.allowed]);
    expect(verdicts(rep)).toEqual([
      ['APPROVE', false],
      ['REJECT', false],
      ['ESCALATE', true],
    ]);
    expect(verdicts(manager)).toEqual([
      ['APPROVE', true],
      ['REJECT', true],
      ['ESCALATE', false],
    ]);
  });
});
