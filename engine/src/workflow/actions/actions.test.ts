import { describe, expect, it } from 'vitest';
import { createAjv } from '../../definitions/create-ajv.js';
import type { NamedReference } from '../../definitions/workflow.js';
import { ACTIONS, planAction, type ActionContext, type Effect } from './index.js';

const ctx: ActionContext = {
  record: { id: 'r1', name: 'Big deal', amount: 5000, customer: 'c1' },
  actor: { id: 'u1', roles: ['sales'] },
  event: 'WIN',
  now: '2026-11-23T10:00:00.000Z',
};
const a = (type: string, params: Record<string, unknown>): NamedReference => ({ type, params });

describe('planAction', () => {
  it.each<[string, NamedReference, Effect]>([
    [
      'setField literal',
      a('setField', { field: 'source', value: 'web' }),
      { kind: 'setField', phase: 'inTransaction', field: 'source', value: 'web' },
    ],
    [
      'setField from now',
      a('setField', { field: 'wonAt', valueFrom: 'now' }),
      { kind: 'setField', phase: 'inTransaction', field: 'wonAt', value: ctx.now },
    ],
    [
      'setField from record',
      a('setField', { field: 'x', valueFrom: 'record.amount' }),
      { kind: 'setField', phase: 'inTransaction', field: 'x', value: 5000 },
    ],
    [
      'createRecord',
      a('createRecord', {
        entity: 'activity',
        values: { subject: 'Follow up', opportunity: { from: 'record.id' }, owner: { from: 'actor.id' } },
      }),
      {
        kind: 'createRecord',
        phase: 'inTransaction',
        entity: 'activity',
        values: { subject: 'Follow up', opportunity: 'r1', owner: 'u1' },
      },
    ],
    [
      'assignOwner user',
      a('assignOwner', { userId: 'u7' }),
      { kind: 'assignOwner', phase: 'inTransaction', userId: 'u7' },
    ],
    [
      'assignOwner round robin',
      a('assignOwner', { roundRobinRole: 'sales' }),
      { kind: 'assignOwner', phase: 'inTransaction', roundRobinRole: 'sales' },
    ],
    [
      'assignOwner to the actor',
      a('assignOwner', { to: 'actor' }),
      { kind: 'assignOwner', phase: 'inTransaction', userId: 'u1' },
    ],
    [
      'assignOwner to nobody',
      a('assignOwner', { to: 'nobody' }),
      { kind: 'assignOwner', phase: 'inTransaction', nobody: true },
    ],
    [
      'notify',
      a('notify', { to: 'owner.manager', subject: 'SLA' }),
      { kind: 'notify', phase: 'outbox', to: 'owner.manager', subject: 'SLA', body: '' },
    ],
    [
      'callWebhook',
      a('callWebhook', { url: 'https://example.com/h' }),
      { kind: 'callWebhook', phase: 'outbox', url: 'https://example.com/h', event: 'WIN' },
    ],
  ])('%s', (_name, ref, effect) => {
    expect(planAction(ref, ctx)).toEqual(effect);
  });

  it('throws on a name validation should have caught', () => {
    expect(() => planAction('nope', ctx)).toThrow(/unknown action "nope"/);
  });
});

describe('action params schemas', () => {
  const ajv = createAjv();
  it.each<[string, Record<string, unknown>, boolean]>([
    ['setField', { field: 'a', value: null }, true],
    ['setField', { field: 'a' }, false],
    ['setField', { field: 'a', value: 1, valueFrom: 'now' }, false],
    ['setField', { field: 'a', valueFrom: 'record.b' }, true],
    ['setField', { field: 'a', valueFrom: 'tomorrow' }, false],
    ['createRecord', { entity: 'activity', values: { a: { from: 'now' }, b: 1 } }, true],
    ['createRecord', { entity: 'activity', values: { a: { from: 'later' } } }, false],
    ['assignOwner', { userId: '00000000-0000-4000-8000-000000000007' }, true],
    ['assignOwner', { userId: 'u', roundRobinRole: 'r' }, false],
    ['assignOwner', { to: 'actor' }, true],
    ['assignOwner', { to: 'nobody' }, true],
    ['assignOwner', { to: 'someone' }, false],
    ['notify', { to: 'boss@example.com', subject: 's', body: 'b' }, true],
    ['notify', { to: 'nobody' }, false],
    ['callWebhook', { url: 'ftp://x' }, false],
  ])('%s %j valid: %s', (name, params, valid) => {
    expect(ajv.validate(ACTIONS.get(name)!.params, params)).toBe(valid);
  });
});
