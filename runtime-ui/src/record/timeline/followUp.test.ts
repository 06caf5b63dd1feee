import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { followUpBody, followUpShapes } from './followUp';

const activity = {
  $id: 'activity',
  title: 'Activity',
  type: 'object',
  'x-entity': {
    titleField: 'subject',
    agenda: { due: 'plannedStart', reminder: 'remindAt', open: { field: 'status', values: ['planned', 'inProgress'] } },
  },
  required: ['subject', 'type'],
  properties: {
    subject: { type: 'string', 'x-ui': { order: 1 } },
    type: { type: 'string', enum: ['call', 'visit'], 'x-ui': { order: 2 } },
    status: { type: 'string', enum: ['planned', 'inProgress', 'done'], 'x-ui': { order: 4 } },
    location: { type: 'string', 'x-ui': { order: 5 } },
    plannedStart: { type: 'string', format: 'date-time', 'x-ui': { order: 10 } },
    remindAt: { type: 'string', format: 'date-time', 'x-ui': { order: 14 } },
    customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer' }, 'x-ui': { order: 20 } },
    notes: { type: 'string', 'x-multiline': true, 'x-ui': { order: 31 } },
    nextStep: { type: 'string', 'x-ui': { order: 32 } },
  },
} as unknown as EntityDefinition;
const customer = { $id: 'customer', 'x-entity': { titleField: 'name' }, properties: {} } as unknown as EntityDefinition;
const kinds = {
  activity: { customer: 'manyToOne', plannedStart: 'dateTime', remindAt: 'dateTime', type: 'choice' },
};

describe('follow-up from definitions', () => {
  it('finds the agenda entity linking to the record and its fields', () => {
    const [shape] = followUpShapes([activity, customer], kinds, 'customer');
    expect(shape).toMatchObject({
      link: 'customer',
      title: 'subject',
      type: 'type',
      note: 'notes',
      nextStep: 'nextStep',
      due: 'plannedStart',
      reminder: 'remindAt',
      open: { field: 'status', todo: 'planned', done: 'done' },
    });
    expect(followUpShapes([activity, customer], kinds, 'opportunity')).toEqual([]);
  });

  it('logs an open activity due at the reminder, or a done one without a date', () => {
    const [shape] = followUpShapes([activity], kinds, 'customer');
    const remindAt = '2026-03-09T01:00:00.000Z';
    expect(
      followUpBody(shape!, 'c1', {
        type: 'visit',
        typeTitle: '拜访',
        note: '谈了试点\n第二行',
        nextStep: '发报价',
        remindAt,
      }),
    ).toEqual({
      customer: 'c1',
      subject: '拜访 · 谈了试点',
      type: 'visit',
      notes: '谈了试点\n第二行',
      nextStep: '发报价',
      plannedStart: remindAt,
      remindAt,
      status: 'planned',
    });
    expect(followUpBody(shape!, 'c1', { type: 'call', typeTitle: '电话', note: 'ok', nextStep: '' })).toMatchObject({
      status: 'done',
    });
  });
});
