import { describe, expect, it } from 'vitest';
import type { AuditRow, HistoryRow } from '@lodestar/core';
import { mergeTimeline } from './merge';

const history = (id: number, at: string): HistoryRow => ({
  id,
  workflow: 'sales',
  from: 'a',
  to: 'b',
  event: 'GO',
  actor: null,
  comment: null,
  approval: null,
  at,
});
const audit = (id: string, at: string, action: AuditRow['action'], changes: AuditRow['changes']): AuditRow => ({
  id,
  at,
  actorId: null,
  entity: 'customer',
  recordId: 'c1',
  action,
  changes,
  detail: null,
  requestId: null,
});

describe('mergeTimeline', () => {
  it('puts every source in one list, newest first', () => {
    const merged = mergeTimeline({
      history: [history(1, '2026-03-01T09:00:00Z'), history(2, '2026-03-03T09:00:00Z')],
      audit: [audit('x', '2026-03-02T09:00:00Z', 'update', { phone: ['1', '2'], version: [1, 2] })],
      activities: [{ entity: 'activity', record: { id: 'v', created_at: '2026-03-04T09:00:00Z' } }],
    });
    expect(merged.map((e) => e.key)).toEqual(['ractivity:v', 'h2', 'ax', 'h1']);
    expect(merged[2]).toMatchObject({ kind: 'audit', fields: ['phone'] });
  });

  it('leaves out audit rows that only moved the stage or touched system columns, keeps creates', () => {
    const merged = mergeTimeline({
      history: [history(1, '2026-03-01T09:00:00Z')],
      audit: [
        audit('t', '2026-03-01T09:00:00Z', 'transition', { state: ['a', 'b'], version: [1, 2] }),
        audit('u', '2026-03-01T10:00:00Z', 'update', { updated_at: ['x', 'y'] }),
        audit('c', '2026-02-01T10:00:00Z', 'create', {}),
      ],
      activities: [],
    });
    expect(merged.map((e) => e.key)).toEqual(['h1', 'ac']);
  });

  it('orders ties history, then audit, then activities, then notifications', () => {
    const at = '2026-03-01T09:00:00Z';
    const merged = mergeTimeline({
      history: [history(1, at)],
      audit: [audit('x', at, 'update', { phone: ['1', '2'] })],
      activities: [{ entity: 'activity', record: { id: 'v', created_at: at } }],
      notifications: [
        {
          id: 7,
          title: { zh: '待审批', en: 'To approve' },
          body: { zh: '', en: '' },
          entity: 'customer',
          recordId: 'c1',
          createdAt: at,
          readAt: null,
        },
      ],
    });
    expect(merged.map((e) => e.kind)).toEqual(['history', 'audit', 'activity', 'notification']);
  });
});
