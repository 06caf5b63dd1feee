import { beforeAll, describe, expect, it } from 'vitest';
import { createAjv } from '../src/definitions/create-ajv.js';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { readFolder } from '../src/definitions/read-folder.js';
import { validateDefinitionSet } from '../src/definitions/validate-definition-set.js';
import { validateRecord } from '../src/records/validate-record.js';
import { toEffectiveSchema } from '../src/schema/record-types.js';
import { allowedEvents } from '../src/workflow/allowed-events.js';
import { compileMachine, type CompiledWorkflow } from '../src/workflow/compile-machine.js';
import { decide, decideStart } from '../src/workflow/decide.js';
import type { Actor } from '../src/actor.js';
import type { Approval } from '../src/workflow/reference.js';
import { reachable, workflowLabelGaps } from './support/definition-checks.js';
import { REPO_ROOT } from './support/paths.js';
import { Walk, WALK_NOW } from './support/workflow-walk.js';

/**
 * The default template's workflows, loaded from the repo root the way the engine loads a definitions
 * folder, validated, compiled, and walked with the pure `decide()` along the paths real users take.
 */

let set: DefinitionSet;
let files: Record<string, string>;
const compiled = new Map<string, CompiledWorkflow>();

beforeAll(async () => {
  ({ set, files } = await readFolder(REPO_ROOT));
  for (const workflow of set.workflows) compiled.set(workflow.id, compileMachine(workflow));
});

const now = WALK_NOW;
const DAY = 86_400_000;
const HOUR = 3_600_000;

const salesperson: Actor = { id: 'u-sales', roles: ['salesperson'] };
const salesManager: Actor = { id: 'u-sales-manager', roles: ['salesManager'] };
const serviceAgent: Actor = { id: 'u-agent', roles: ['serviceAgent'] };
const serviceManager: Actor = { id: 'u-service-manager', roles: ['serviceManager'] };

function workflow(id: string): CompiledWorkflow {
  const found = compiled.get(id);
  if (!found) throw new Error(`workflow "${id}" is missing from the default template`);
  return found;
}

describe('default template workflows', () => {
  it('are the three default workflows, each bound to its entity by meta.entity', () => {
    expect(set.workflows.map((w) => [w.id, w.meta.entity]).sort()).toEqual([
      ['customer-lifecycle', 'customer'],
      ['opportunity-sales', 'opportunity'],
      ['service-request', 'serviceRequest'],
    ]);
    expect(files['workflow:opportunity-sales']).toBe('workflows/opportunity-sales.workflow.json');
  });

  it('validate together with the schemas with zero issues', () => {
    expect(validateDefinitionSet(set, files)).toEqual([]);
  });

  it('title the workflow, every state and every event in Chinese and English, and colour every state', () => {
    const gaps = set.workflows.flatMap(workflowLabelGaps);
    expect(gaps).toEqual([]);
  });

  it('reach every state from the initial one and leave every non-final state', () => {
    for (const wf of set.workflows) {
      expect([...reachable(wf)].sort(), wf.id).toEqual(Object.keys(wf.states).sort());
      for (const [name, state] of Object.entries(wf.states)) {
        if (state.type !== 'final') expect(Object.keys(state.on ?? {}).length, `${wf.id}.${name}`).toBeGreaterThan(0);
      }
    }
  });

  it('use only the role ids of the default template', () => {
    const known = new Set(['admin', 'salesManager', 'salesperson', 'serviceManager', 'serviceAgent', 'marketing']);
    const text = JSON.stringify(set.workflows);
    const roles = [
      ...[...text.matchAll(/"roles":\[([^\]]*)\]/g)].flatMap((m) => JSON.parse(`[${m[1]}]`) as string[]),
      ...[...text.matchAll(/"(?:role|roundRobinRole)":"([^"]*)"/g)].map((m) => m[1]!),
    ];
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.filter((role) => !known.has(role))).toEqual([]);
    // ...which are exactly the roles roles.json defines, so no guard or approval names a missing role.
    expect(new Set(Object.keys(set.roles?.roles ?? {}))).toEqual(known);
  });
});

describe('opportunity-sales', () => {
  const FUNNEL: [string, number, string][] = [
    ['initialContact', 0.05, '初步接触'],
    ['interestShown', 0.15, '有意向'],
    ['meetingDecisionMakers', 0.3, '接触决策人'],
    ['needsIdentified', 0.4, '需求确认'],
    ['solutionProposed', 0.5, '方案提交'],
    ['demonstration', 0.6, '产品演示'],
    ['proposalRevised', 0.7, '方案修订'],
    ['verbalCommitment', 0.8, '口头承诺'],
    ['contractNegotiation', 0.9, '合同谈判'],
    ['contractSigned', 1, '签约赢单'],
    ['lost', 0, '输单'],
  ];
  const OPEN = FUNNEL.slice(0, 9).map(([name]) => name);
  const deal = { id: 'opp-1', name: '新锐智造 MES 系统二期', customer: 'cust-1' };

  it('is bound to opportunity with its amount and close date fields', () => {
    expect(workflow('opportunity-sales').definition.meta).toMatchObject({
      entity: 'opportunity',
      amountField: 'amount',
      closeDateField: 'expectedCloseDate',
    });
  });

  it('lists its stages in funnel order with exact probabilities, outcomes and Chinese titles', () => {
    const states = workflow('opportunity-sales').definition.states;
    expect(Object.keys(states)).toEqual(FUNNEL.map(([name]) => name));
    for (const [name, probability, zh] of FUNNEL) {
      const meta = states[name]!.meta!;
      expect(meta.probability, name).toBe(probability);
      expect((meta.title as Record<string, string>).zh, name).toBe(zh);
      expect(meta.outcome, name).toBe(name === 'contractSigned' ? 'won' : name === 'lost' ? 'lost' : 'open');
      expect(states[name]!.type === 'final', name).toBe(name === 'contractSigned' || name === 'lost');
      if (states[name]!.type !== 'final') expect(meta.stuckAfter, name).toMatch(/^P/);
    }
    expect(states.contractNegotiation!.meta!.sla).toBe('P14D');
  });

  it('walks from initial contact to contract signed, each guard blocking with its reason until its field is set', () => {
    const wf = workflow('opportunity-sales');
    expect(decideStart(wf, { record: deal, actor: salesperson, now }).to).toBe('initialContact');
    const walk = new Walk(wf, 'initialContact', deal);

    expect(walk.try('SHOW_INTEREST', salesperson)).toMatchObject({
      ok: false,
      guard: 'requireFields',
      reason: { en: 'required field missing: contacts' },
    });
    walk.set({ contacts: ['contact-1'] }).send('SHOW_INTEREST', salesperson);
    expect(walk.state).toBe('interestShown');

    expect(walk.try('MEET_DECISION_MAKERS', salesperson)).toMatchObject({
      ok: false,
      guard: 'requireFields',
      reason: { en: 'required field missing: decisionMaker', zh: '缺少必填字段：decisionMaker' },
    });
    walk.set({ decisionMaker: 'contact-2' }).send('MEET_DECISION_MAKERS', salesperson);
    expect(walk.state).toBe('meetingDecisionMakers');

    expect(walk.try('CONFIRM_NEEDS', salesperson)).toMatchObject({
      ok: false,
      reason: { en: 'required field missing: description' },
    });
    walk.set({ description: '三个车间的排产与质量追溯' }).send('CONFIRM_NEEDS', salesperson);
    expect(walk.state).toBe('needsIdentified');

    expect(walk.try('PROPOSE', salesperson)).toMatchObject({
      ok: false,
      guard: 'all',
      reason: { en: 'required field missing: amount' },
    });
    expect(walk.set({ amount: 0 }).try('PROPOSE', salesperson)).toMatchObject({
      ok: false,
      reason: { en: 'amount must be greater than 0' },
    });
    walk.set({ amount: 860_000 }).send('PROPOSE', salesperson);
    expect(walk.state).toBe('solutionProposed');

    const demo = walk.send('DEMONSTRATE', salesperson);
    expect(walk.state).toBe('demonstration');
    expect(demo.effects).toEqual([
      {
        kind: 'createRecord',
        phase: 'inTransaction',
        entity: 'activity',
        values: expect.objectContaining({
          type: 'demo',
          status: 'planned',
          opportunity: 'opp-1',
          customer: 'cust-1',
          contact: 'contact-2',
        }),
      },
    ]);

    walk.send('REVISE', salesperson);
    expect(walk.state).toBe('proposalRevised');

    expect(walk.try('COMMIT', salesperson)).toMatchObject({
      ok: false,
      reason: { en: 'required field missing: expectedCloseDate' },
    });
    walk.set({ expectedCloseDate: '2026-06-30' }).send('COMMIT', salesperson);
    expect(walk.state).toBe('verbalCommitment');

    const negotiate = walk.send('NEGOTIATE', salesperson);
    expect(walk.state).toBe('contractNegotiation');
    expect(negotiate.timers).toEqual({
      cancel: true,
      schedule: [expect.objectContaining({ afterKey: 'sla', delayMs: 14 * DAY, dueAt: '2026-03-16T01:30:00.000Z' })],
    });

    const sign = walk.send('SIGN', salesperson);
    expect(walk.state).toBe('contractSigned');
    expect(sign.effects).toEqual([
      { kind: 'setField', phase: 'inTransaction', field: 'closedAt', value: now },
      expect.objectContaining({ kind: 'notify', phase: 'outbox', to: 'owner.manager' }),
    ]);
    expect(walk.try('LOSE', salesperson)).toMatchObject({
      ok: false,
      reason: { en: 'event LOSE is not allowed in state contractSigned' },
    });
  });

  it('creates a follow-up activity that the activity schema accepts', () => {
    const wf = workflow('opportunity-sales');
    const record = {
      ...deal,
      decisionMaker: '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f',
      id: '3f6b1c9a-2d4e-4a8b-b1c3-5e7f9a0b2c4d',
      customer: 'a1b2c3d4-e5f6-4789-8abc-def012345678',
    };
    const decision = decide(wf, {
      state: 'proposalRevised',
      record,
      actor: salesperson,
      event: { type: 'DEMONSTRATE' },
      now,
    });
    expect(decision.ok).toBe(true);
    const effect = decision.ok ? decision.effects[0] : undefined;
    expect(effect?.kind).toBe('createRecord');
    const activity = set.entities.find((e) => e.$id === 'activity')!;
    const values = effect?.kind === 'createRecord' ? effect.values : {};
    expect(validateRecord(createAjv().compile(toEffectiveSchema(activity)), values)).toEqual([]);
  });

  it("notifies the owner's manager when contract negotiation outruns its SLA, staying in the stage", () => {
    const walk = new Walk(workflow('opportunity-sales'), 'contractNegotiation', {
      ...deal,
      amount: 1,
      expectedCloseDate: '2026-06-30',
    });
    expect(walk.fire('sla')).toMatchObject({
      ok: true,
      to: 'contractNegotiation',
      timers: { cancel: false, schedule: [] },
      effects: [expect.objectContaining({ kind: 'notify', to: 'owner.manager' })],
    });
  });

  it('loses from every open stage only with a reason, recording when', () => {
    const wf = workflow('opportunity-sales');
    for (const state of OPEN) {
      expect(
        decide(wf, { state, record: deal, actor: salesperson, event: { type: 'LOSE' }, now }),
        state,
      ).toMatchObject({
        ok: false,
        guard: 'requireFields',
        reason: { en: 'required field missing: lostReason' },
      });
      expect(
        decide(wf, {
          state,
          record: { ...deal, lostReason: '预算冻结' },
          actor: salesperson,
          event: { type: 'LOSE' },
          now,
        }),
        state,
      ).toMatchObject({
        ok: true,
        to: 'lost',
        effects: [{ kind: 'setField', field: 'closedAt', value: now }],
      });
    }
  });

  it('goes back where a sales team would, and skips where it may', () => {
    const wf = workflow('opportunity-sales');
    const full = {
      ...deal,
      contacts: ['c'],
      decisionMaker: 'c',
      description: 'x',
      amount: 5,
      expectedCloseDate: '2026-06-30',
    };
    const to = (state: string, type: string) => {
      const decision = decide(wf, { state, record: full, actor: salesperson, event: { type }, now });
      return decision.ok ? decision.to : decision.reason.en;
    };
    expect(to('solutionProposed', 'REVISIT_NEEDS')).toBe('needsIdentified');
    expect(to('verbalCommitment', 'REVISE')).toBe('proposalRevised');
    expect(to('contractNegotiation', 'REVISE')).toBe('proposalRevised');
    expect(to('proposalRevised', 'DEMONSTRATE')).toBe('demonstration');
    expect(to('initialContact', 'MEET_DECISION_MAKERS')).toBe('meetingDecisionMakers');
    expect(to('solutionProposed', 'COMMIT')).toBe('verbalCommitment');
    expect(to('demonstration', 'COMMIT')).toBe('verbalCommitment');
  });

  it('lists the events of a stage with their verdicts for the stage buttons', () => {
    const events = allowedEvents(workflow('opportunity-sales'), 'needsIdentified', {
      record: deal,
      actor: salesperson,
    });
    expect(events).toEqual([
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
  });
});

describe('service-request', () => {
  const ticket = {
    id: 'sr-1',
    title: '3 号产线 PLC 通讯中断',
    customer: 'cust-1',
    category: 'repair',
    priority: 'urgent',
  };
  const approved = (by: Actor): Approval[] => [{ role: 'serviceManager', decision: 'approved', by: by.id, at: now }];

  it('walks created → assigned → in progress → pending approval → completed → surveyed', () => {
    const wf = workflow('service-request');
    expect(decideStart(wf, { record: ticket, actor: serviceAgent, now }).to).toBe('created');
    const walk = new Walk(wf, 'created', ticket);

    const assign = walk.send('ASSIGN', serviceManager);
    expect(walk.state).toBe('assigned');
    expect(assign.effects).toEqual([{ kind: 'assignOwner', phase: 'inTransaction', roundRobinRole: 'serviceAgent' }]);
    expect(assign.timers.schedule).toEqual([expect.objectContaining({ afterKey: 'sla', delayMs: 4 * HOUR })]);

    const start = walk.send('START', serviceAgent);
    expect(walk.state).toBe('inProgress');
    expect(start.timers.schedule).toEqual([expect.objectContaining({ afterKey: 'sla', delayMs: 2 * DAY })]);

    expect(walk.try('SUBMIT', serviceAgent)).toMatchObject({
      ok: false,
      reason: { en: 'required field missing: resolution' },
    });
    walk.set({ resolution: '更换通讯模块，产线恢复运行' }).send('SUBMIT', serviceAgent);
    expect(walk.state).toBe('pendingApproval');

    expect(walk.try('APPROVE', serviceAgent)).toMatchObject({
      ok: false,
      guard: 'approval',
      reason: { en: 'only serviceManager may approve or reject in state pendingApproval' },
    });
    expect(walk.try('REJECT', serviceAgent)).toMatchObject({ ok: false, guard: 'approval' });
    expect(walk.state).toBe('pendingApproval');

    const approve = walk.send('APPROVE', serviceManager, approved(serviceManager));
    expect(walk.state).toBe('completed');
    expect(approve.effects).toEqual([{ kind: 'setField', phase: 'inTransaction', field: 'resolvedAt', value: now }]);

    expect(walk.try('SURVEY', serviceAgent)).toMatchObject({
      ok: false,
      reason: { en: 'required field missing: satisfaction' },
    });
    const survey = walk.set({ satisfaction: 5 }).send('SURVEY', serviceAgent);
    expect(walk.state).toBe('surveyed');
    expect(survey.effects).toEqual([]);
    expect(wf.definition.states.surveyed!.type).toBe('final');
  });

  it('sends a rejected resolution back to the agent', () => {
    const walk = new Walk(workflow('service-request'), 'pendingApproval', { ...ticket, resolution: '已远程重启' });
    const reject = walk.send('REJECT', serviceManager);
    expect(walk.state).toBe('inProgress');
    expect(reject.effects).toEqual([expect.objectContaining({ kind: 'notify', to: 'owner' })]);
  });

  it('waits for a serviceManager in pending approval and has an approval SLA', () => {
    const states = workflow('service-request').definition.states;
    expect(states.pendingApproval!.meta).toMatchObject({ approval: { role: 'serviceManager' }, sla: 'P1D' });
    const verdicts = (actor: Actor) =>
      allowedEvents(workflow('service-request'), 'pendingApproval', { record: ticket, actor }).map((e) => [
        e.event,
        e.allowed,
      ]);
    expect(verdicts(serviceAgent)).toEqual([
      ['APPROVE', false],
      ['REJECT', false],
    ]);
    expect(verdicts(serviceManager)).toEqual([
      ['APPROVE', true],
      ['REJECT', true],
    ]);
  });

  it('notifies the manager when an assigned request is not picked up in time, and escalates one not resolved in time', () => {
    const wf = workflow('service-request');
    const assigned = new Walk(wf, 'assigned', ticket);
    expect(assigned.fire('sla')).toMatchObject({
      ok: true,
      to: 'assigned',
      effects: [expect.objectContaining({ kind: 'notify', to: 'owner.manager' })],
    });

    const late = new Walk(wf, 'inProgress', ticket);
    expect(late.fire('sla')).toMatchObject({
      ok: true,
      to: 'escalated',
      effects: [expect.objectContaining({ kind: 'notify', to: 'owner.manager' })],
    });
    expect(late.try('RESUME', serviceAgent)).toMatchObject({ ok: false, guard: 'actorHasRole' });
    expect(late.try('REASSIGN', serviceAgent)).toMatchObject({ ok: false, guard: 'actorHasRole' });
    const reassign = late.send('REASSIGN', serviceManager);
    expect(late.state).toBe('assigned');
    expect(reassign.effects).toEqual([{ kind: 'assignOwner', phase: 'inTransaction', roundRobinRole: 'serviceAgent' }]);
  });

  it('hands over in place without restarting the clock', () => {
    const decision = decide(workflow('service-request'), {
      state: 'inProgress',
      record: ticket,
      actor: serviceAgent,
      event: { type: 'REASSIGN' },
      now,
    });
    expect(decision).toMatchObject({ ok: true, to: 'inProgress', timers: { cancel: false, schedule: [] } });
  });

  it('alerts the manager on a low satisfaction score, and reopens an unresolved request', () => {
    const wf = workflow('service-request');
    const low = decide(wf, {
      state: 'completed',
      record: { ...ticket, satisfaction: 2 },
      actor: serviceAgent,
      event: { type: 'SURVEY' },
      now,
    });
    expect(low).toMatchObject({
      ok: true,
      to: 'surveyed',
      effects: [expect.objectContaining({ kind: 'notify', to: 'owner.manager' })],
    });
    const reopen = decide(wf, {
      state: 'completed',
      record: ticket,
      actor: serviceAgent,
      event: { type: 'REOPEN' },
      now,
    });
    expect(reopen).toMatchObject({
      ok: true,
      to: 'inProgress',
      effects: [{ kind: 'setField', field: 'resolvedAt', value: null }],
    });
  });

  it('cancels a request only with a reason', () => {
    const walk = new Walk(workflow('service-request'), 'created', ticket);
    expect(walk.try('CANCEL', serviceAgent)).toMatchObject({
      ok: false,
      reason: { en: 'required field missing: resolution' },
    });
    walk.set({ resolution: '重复提交' }).send('CANCEL', serviceAgent);
    expect(walk.state).toBe('cancelled');
  });
});

describe('customer-lifecycle', () => {
  const customer = { id: 'cust-1', name: '杭州新锐智能制造有限公司', industry: 'manufacturing' };

  it('walks prospect → active → key account → active → dormant → active → lost → prospect', () => {
    const wf = workflow('customer-lifecycle');
    expect(decideStart(wf, { record: customer, actor: salesperson, now }).to).toBe('prospect');
    const walk = new Walk(wf, 'prospect', customer);

    expect(walk.try('ACTIVATE', salesperson)).toMatchObject({
      ok: false,
      reason: { en: 'required field missing: level' },
    });
    walk.set({ level: 'important' }).send('ACTIVATE', salesperson);
    expect(walk.state).toBe('active');

    expect(walk.try('PROMOTE', salesperson)).toMatchObject({
      ok: false,
      guard: 'actorHasRole',
      reason: { en: 'only salesManager or admin may do this' },
    });
    const promote = walk.send('PROMOTE', salesManager);
    expect(walk.state).toBe('keyAccount');
    expect(promote.effects).toEqual([{ kind: 'setField', phase: 'inTransaction', field: 'level', value: 'key' }]);

    expect(walk.send('DEMOTE', salesManager).effects).toEqual([
      { kind: 'setField', phase: 'inTransaction', field: 'level', value: 'important' },
    ]);
    expect(walk.state).toBe('active');

    walk.send('GO_DORMANT', salesperson);
    expect(walk.state).toBe('dormant');
    walk.send('REACTIVATE', salesperson);
    expect(walk.state).toBe('active');

    expect(walk.try('LOSE', salesperson)).toMatchObject({
      ok: false,
      reason: { en: 'required field missing: churnReason' },
    });
    walk.set({ churnReason: '被竞争对手低价替换' }).send('LOSE', salesperson);
    expect(walk.state).toBe('lost');

    walk.send('REACQUIRE', salesperson);
    expect(walk.state).toBe('prospect');
  });

  it('tells the manager when a key account goes dormant or is lost', () => {
    const wf = workflow('customer-lifecycle');
    const record = { ...customer, level: 'key', churnReason: '集团统一采购' };
    for (const type of ['GO_DORMANT', 'LOSE']) {
      expect(decide(wf, { state: 'keyAccount', record, actor: salesperson, event: { type }, now }), type).toMatchObject(
        {
          ok: true,
          effects: [expect.objectContaining({ kind: 'notify', to: 'owner.manager' })],
        },
      );
    }
  });

  it('binds both customer record types through meta.entity', () => {
    const wf = workflow('customer-lifecycle').definition;
    expect(wf.meta.recordType).toBeUndefined();
    const entity = set.entities.find((e) => e.$id === 'customer')!;
    expect(Object.keys(entity['x-entity'].recordTypes ?? {})).toEqual(['company', 'government']);
    for (const type of Object.values(entity['x-entity'].recordTypes ?? {}))
      expect(type.fields).toEqual(expect.arrayContaining(['level', 'churnReason']));
  });
});
