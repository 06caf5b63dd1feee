import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@lodestar/core';
import { actionKindOf, newScheduleId, renameSetField, setSchedules, withActionKind } from './schedule-edits';

describe('schedule edits', () => {
  it('switch what a schedule does, keeping one action key', () => {
    const set = { id: 'rfm', cron: '0 2 * * *', set: { recency: '1' } };
    expect(actionKindOf(set)).toBe('set');
    const event = withActionKind(set, 'event', 'RETURN_TO_POOL');
    expect(event).toEqual({ id: 'rfm', cron: '0 2 * * *', event: 'RETURN_TO_POOL' });
    expect(actionKindOf(event)).toBe('event');
    expect(withActionKind(event, 'notify')).toEqual({ id: 'rfm', cron: '0 2 * * *', notify: { role: '' } });
    expect(withActionKind(event, 'set')).toEqual({ id: 'rfm', cron: '0 2 * * *', set: {} });
  });

  it('name new schedules freely, rename a set field in place, and leave no empty list', () => {
    expect(newScheduleId(['schedule1', 'rfm'])).toBe('schedule2');
    expect(Object.keys(renameSetField({ a: '1', b: '2', c: '3' }, 'b', 'x'))).toEqual(['a', 'x', 'c']);
    const workflow = { id: 'w', initial: 'a', meta: { entity: 'e' }, states: { a: {} } } as WorkflowDefinition;
    setSchedules(workflow, [{ id: 'one', cron: '0 2 * * *', event: 'GO' }]);
    expect(workflow.meta.schedules).toHaveLength(1);
    setSchedules(workflow, []);
    expect('schedules' in workflow.meta).toBe(false);
  });
});
