import { describe, expect, it } from 'vitest';
import { validateDefinitionSet } from '../src/definitions/validate-definition-set.js';
import type { WorkflowDefinition } from '../src/definitions/workflow.js';
import { scheduleSet } from './support/schedule-definitions.js';

/** The issues of the schedule fixture with one more schedule, and optionally a field added to customer. */
function issuesWith(schedule: Record<string, unknown>, field?: string) {
  const set = scheduleSet();
  if (field) set.entities.find((e) => e.$id === 'customer')!.properties[field] = { type: 'number' };
  const workflow = set.workflows[0] as WorkflowDefinition;
  workflow.meta.schedules = [workflow.meta.schedules![0]!, { id: 'abc', cron: '0 3 * * *', ...schedule } as never];
  return validateDefinitionSet(set).map((i) => ({ pointer: i.pointer, keyword: i.keyword, zh: i.i18n?.zh }));
}

describe('a ranked schedule (rank: { by })', () => {
  it('lets its set formulas read rankShare and rankPosition, and only them', () => {
    expect(
      issuesWith({
        rank: { by: 'paidTotal' },
        set: { rfmClass: 'IF(rankShare <= 80, "A", IF(rankShare <= 95, "B", "C"))', recency: 'rankPosition' },
      }),
    ).toEqual([]);
    // Without a ranking the names are unknown, as any missing field.
    expect(issuesWith({ set: { recency: 'rankPosition' } })).toEqual([
      { pointer: '/meta/schedules/1/set/recency', keyword: 'formula', zh: expect.stringContaining('rankPosition') },
    ]);
  });

  it('ranks by a number, serves only a set, and refuses an entity field named like a rank name', () => {
    expect(issuesWith({ rank: { by: 'name' }, set: { recency: 'rankPosition' } })).toEqual([
      { pointer: '/meta/schedules/1/rank/by', keyword: 'formula', zh: expect.stringContaining('数字') },
    ]);
    expect(issuesWith({ rank: { by: 'paidTotal' }, event: 'CLAIM' })).toEqual([
      { pointer: '/meta/schedules/1/rank', keyword: 'scheduleRank', zh: expect.stringContaining('“set”') },
    ]);
    expect(issuesWith({ rank: { by: 'paidTotal' }, set: { recency: 'rankPosition' } }, 'rankShare')).toEqual([
      { pointer: '/meta/schedules/1/rank', keyword: 'scheduleRank', zh: expect.stringContaining('rankShare') },
    ]);
  });
});
