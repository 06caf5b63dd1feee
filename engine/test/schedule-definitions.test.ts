import { describe, expect, it } from 'vitest';
import { validateDefinitionSet } from '../src/definitions/validate-definition-set.js';
import type { WorkflowDefinition } from '../src/definitions/workflow.js';
import { scheduleSet } from './support/schedule-definitions.js';

function issuesWith(schedule: Record<string, unknown>) {
  const set = scheduleSet();
  const workflow = set.workflows[0] as WorkflowDefinition;
  workflow.meta.schedules = [workflow.meta.schedules![0]!, { id: 'bad', cron: '0 2 * * *', ...schedule } as never];
  return validateDefinitionSet(set).map((i) => ({ pointer: i.pointer, keyword: i.keyword, zh: i.i18n?.zh }));
}

describe('schedule definitions', () => {
  it('accept the RFM recompute and the sweep', () => {
    expect(validateDefinitionSet(scheduleSet())).toEqual([]);
  });

  it('need a cron croner parses, a known time zone and exactly one action', () => {
    expect(issuesWith({ cron: '0 2 * *', timeZone: 'Mars/Olympus', event: 'CLAIM' })).toEqual([
      { pointer: '/meta/schedules/1/cron', keyword: 'cron', zh: expect.stringContaining('定时表达式无法识别') },
      { pointer: '/meta/schedules/1/timeZone', keyword: 'timeZone', zh: expect.stringContaining('Mars/Olympus') },
    ]);
    expect(issuesWith({})).toEqual([
      { pointer: '/meta/schedules/1', keyword: 'scheduleAction', zh: expect.stringContaining('“set”') },
    ]);
    expect(issuesWith({ event: 'CLAIM', set: { region: '"x"' } })[0]).toMatchObject({ keyword: 'scheduleAction' });
    expect(issuesWith({ id: 'rfm', event: 'CLAIM' })).toEqual([
      { pointer: '/meta/schedules/1/id', keyword: 'duplicateId', zh: expect.stringContaining('rfm') },
    ]);
  });

  it('set only stored fields the engine may write, with values of their type', () => {
    expect(
      issuesWith({
        set: {
          nothing: '1',
          paidTotal: '1',
          recency: '"many"',
          rfmClass: 'IF(paidTotal > 5, "A", "Z")',
          lastFollowUpAt: 'TODAY()',
        },
      }),
    ).toEqual([
      { pointer: '/meta/schedules/1/set/nothing', keyword: 'unknownField', zh: '“customer”没有字段“nothing”' },
      { pointer: '/meta/schedules/1/set/paidTotal', keyword: 'notSettable', zh: expect.stringContaining('汇总字段') },
      { pointer: '/meta/schedules/1/set/recency', keyword: 'formula', zh: expect.stringContaining('数字') },
      { pointer: '/meta/schedules/1/set/rfmClass', keyword: 'enum', zh: expect.stringContaining('“Z”') },
    ]);
  });

  it('filter with a yes/no formula and send an event the workflow has', () => {
    expect(issuesWith({ where: 'paidTotal + 1', event: 'ARCHIVE' })).toEqual([
      { pointer: '/meta/schedules/1/where', keyword: 'formula', zh: expect.stringContaining('是/否') },
      { pointer: '/meta/schedules/1/event', keyword: 'unknownEvent', zh: expect.stringContaining('ARCHIVE') },
    ]);
    expect(issuesWith({ where: 'nope > 1', event: 'CLAIM' })[0]).toMatchObject({
      pointer: '/meta/schedules/1/where',
      keyword: 'formula',
    });
  });

  it('read the owner, but not ME(): a schedule runs as no one', () => {
    expect(issuesWith({ where: 'ISBLANK(owner_id)', event: 'CLAIM' })).toEqual([]);
    expect(issuesWith({ where: 'owner_id = ME()', event: 'CLAIM' })).toEqual([
      { pointer: '/meta/schedules/1/where', keyword: 'formula', zh: expect.stringContaining('ME()') },
    ]);
  });
});
