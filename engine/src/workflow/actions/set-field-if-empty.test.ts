import { describe, expect, it } from 'vitest';
import { planAction, type ActionContext } from './index.js';

const ctx = (receivedAt: unknown): ActionContext => ({
  record: { id: 'r1', receivedAt },
  actor: { id: 'u1', roles: [] },
  event: 'xstate.init',
  now: '2026-12-07T10:00:00.000Z',
});
const ifEmpty = { type: 'setField', params: { field: 'receivedAt', valueFrom: 'now', ifEmpty: true } };

describe('setField ifEmpty', () => {
  it('sets an empty field', () => {
    for (const empty of [null, undefined, ''])
      expect(planAction(ifEmpty, ctx(empty))).toEqual({
        kind: 'setField',
        phase: 'inTransaction',
        field: 'receivedAt',
        value: '2026-12-07T10:00:00.000Z',
      });
  });

  it('keeps what the field holds', () => {
    expect(planAction(ifEmpty, ctx('2026-12-06T08:30:00.000Z'))).toMatchObject({ value: '2026-12-06T08:30:00.000Z' });
    const always = { type: 'setField', params: { field: 'receivedAt', valueFrom: 'now' } };
    expect(planAction(always, ctx('2026-12-06T08:30:00.000Z'))).toMatchObject({ value: '2026-12-07T10:00:00.000Z' });
  });
});
