import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../../definitions/definition-set.js';
import type { WorkflowDefinition } from '../../definitions/workflow.js';
import { validateDefinitionSet } from '../../definitions/validate-definition-set.js';
import { contractFlow, crossRecordSet, paymentFlow } from '../../../test/support/cross-record-definitions.js';
import { planAction, type ActionContext } from './index.js';

const ctx: ActionContext = {
  record: { id: 'p1', amount: 10 },
  actor: { id: 'u1', roles: [] },
  event: 'PAY',
  now: '2026-12-07T10:00:00.000Z',
};

describe('plans', () => {
  it('updateRecord leaves the path, the formulas and who it runs as for the shell', () => {
    const effect = planAction(
      { type: 'updateRecord', params: { path: 'opportunity.customer', set: { lastOrderAt: 'NOW()' } } },
      ctx,
    );
    expect(effect).toEqual({
      kind: 'updateRecord',
      phase: 'inTransaction',
      path: ['opportunity', 'customer'],
      set: { lastOrderAt: 'NOW()' },
      runAs: 'actor',
    });
  });

  it('sendEvent to children or a parent, not required unless said', () => {
    const children = { entity: 'order', via: 'contract', where: 'state <> "closed"' };
    expect(planAction({ type: 'sendEvent', params: { to: children, event: 'CANCEL', runAs: 'engine' } }, ctx)).toEqual({
      kind: 'sendEvent',
      phase: 'inTransaction',
      to: children,
      event: 'CANCEL',
      runAs: 'engine',
      required: false,
    });
    expect(
      planAction({ type: 'sendEvent', params: { to: { path: 'contract' }, event: 'CHECK', required: true } }, ctx),
    ).toMatchObject({ to: { path: ['contract'] }, required: true, runAs: 'actor' });
  });
});

/** The set with the payment workflow's PAY actions replaced. */
function withPay(actions: unknown[], more: Partial<DefinitionSet> = {}): DefinitionSet {
  const set = crossRecordSet();
  const flow = structuredClone(paymentFlow) as WorkflowDefinition & {
    states: { open: { on: { PAY: { actions: unknown[] } } } };
  };
  flow.states.open.on.PAY.actions = actions;
  return { ...set, workflows: [flow, ...set.workflows.filter((w) => w.id !== flow.id)], ...more };
}

const issuesOf = (set: DefinitionSet) =>
  validateDefinitionSet(set).map((i) => ({ pointer: i.pointer, keyword: i.keyword, zh: i.i18n?.zh ?? i.message }));
const at = '/states/open/on/PAY/actions/0/params';
const update = (params: Record<string, unknown>) => withPay([{ type: 'updateRecord', params }]);

describe('validation', () => {
  it('accepts the fixture set', () => {
    expect(issuesOf(crossRecordSet())).toEqual([]);
  });

  it.each([
    ['an unknown path', { path: 'client', set: { note: '"x"' } }, `${at}/path`, 'unknownField'],
    ['a hop that is not many-to-one', { path: 'amount', set: { note: '"x"' } }, `${at}/path`, 'notManyToOne'],
    ['a hop past the end', { path: 'customer.name', set: { note: '"x"' } }, `${at}/path`, 'notManyToOne'],
    ['an unknown target field', { path: 'customer', set: { notes: '"x"' } }, `${at}/set/notes`, 'unknownField'],
    ['a formula target', { path: 'customer', set: { label: '"x"' } }, `${at}/set/label`, 'readOnly'],
    ['a roll-up target', { path: 'customer', set: { payments: '1' } }, `${at}/set/payments`, 'readOnly'],
    ['a date into a number', { path: 'customer', set: { paidTotal: 'TODAY()' } }, `${at}/set/paidTotal`, 'formula'],
    ['text into a date', { path: 'customer', set: { lastPaidOn: 'label' } }, `${at}/set/lastPaidOn`, 'formula'],
    ['a field the source lacks', { path: 'customer', set: { note: 'nothing' } }, `${at}/set/note`, 'formula'],
    ['a bad runAs', { path: 'customer', set: { note: '"x"' }, runAs: 'root' }, `${at}/runAs`, 'enum'],
  ])('refuses %s', (_what, params, pointer, keyword) => {
    expect(issuesOf(update(params))).toContainEqual(expect.objectContaining({ pointer, keyword }));
  });

  it('says which zone a moment written to a date is read in, and accepts it', () => {
    expect(issuesOf(update({ path: 'customer', set: { lastPaidOn: 'NOW()', lastPaidAt: 'NOW()' } }))).toEqual([]);
  });

  it('reads the target by `target.` and the source`s parents by their path', () => {
    const set = { paidTotal: 'target.paidTotal + customer.paidTotal + amount', note: 'customer.name' };
    expect(issuesOf(update({ path: 'customer', set }))).toEqual([]);
  });

  it('refuses events the target cannot take and children by a field that does not point here', () => {
    const send = (to: unknown, event = 'CANCEL') => withPay([{ type: 'sendEvent', params: { to, event } }]);
    expect(issuesOf(send({ path: 'customer' }))).toContainEqual(
      expect.objectContaining({ pointer: `${at}/event`, keyword: 'unknownEvent' }),
    );
    expect(issuesOf(send({ entity: 'order', via: 'contract' }))).toContainEqual(
      expect.objectContaining({ pointer: `${at}/to/via`, keyword: 'notManyToOne' }),
    );
    expect(issuesOf(send({ entity: 'order', via: 'customer' }))).toContainEqual(
      expect.objectContaining({ pointer: `${at}/to/via`, keyword: 'unknownField' }),
    );
  });

  it('refuses a where that is not a yes/no formula over the child', () => {
    const flow = structuredClone(contractFlow);
    (
      flow.states.active!.on!.CLOSE as unknown as { actions: { params: { to: { where: string } } }[] }
    ).actions[0]!.params.to.where = 'amount + 1';
    const set = crossRecordSet();
    const issues = issuesOf({ ...set, workflows: [flow, ...set.workflows.filter((w) => w.id !== flow.id)] });
    expect(issues).toContainEqual(
      expect.objectContaining({ pointer: '/states/active/on/CLOSE/actions/0/params/to/where', keyword: 'formula' }),
    );
  });

  it('follows a loop through the entry actions of the state an event enters', () => {
    const set = crossRecordSet();
    const orders = set.workflows.find((w) => w.id === 'order-flow')!;
    const looping = structuredClone(orders);
    looping.states.cancelled!.entry = [{ type: 'sendEvent', params: { to: { path: 'contract' }, event: 'CLOSE' } }];
    const issues = validateDefinitionSet({
      ...set,
      workflows: [looping, ...set.workflows.filter((w) => w !== orders)],
    });
    expect(issues).toContainEqual(
      expect.objectContaining({ keyword: 'eventCycle', pointer: '/states/cancelled/entry/0' }),
    );
  });

  it('finds events that go round between workflows', () => {
    const set = crossRecordSet();
    const orders = set.workflows.find((w) => w.id === 'order-flow')!;
    const looping = structuredClone(orders);
    (looping.states.open!.on!.CANCEL as { actions?: unknown[] }).actions = [
      { type: 'sendEvent', params: { to: { path: 'contract' }, event: 'CLOSE' } },
    ];
    const issues = validateDefinitionSet({
      ...set,
      workflows: [looping, ...set.workflows.filter((w) => w !== orders)],
    });
    const cycle = issues.find((i) => i.keyword === 'eventCycle');
    expect(cycle?.message).toContain('contract CLOSE → order CANCEL → contract CLOSE');
    expect(cycle?.i18n?.zh).toContain('循环');
  });
});
