import { describe, expect, it } from 'vitest';
import { cronProblem, dueToRun, isTimeZone, latestDue, nextDue } from './due-times.js';

const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('schedule due times', () => {
  it('reads a 02:00 cron in Asia/Shanghai as 18:00 UTC the day before', () => {
    expect(iso(nextDue('0 2 * * *', 'Asia/Shanghai', at('2026-12-07T10:00:00Z')))).toBe('2026-12-07T18:00:00.000Z');
    // Exactly at the due time it is due; a millisecond before, the previous day's is the latest.
    expect(iso(latestDue('0 2 * * *', 'Asia/Shanghai', at('2026-12-07T18:00:00Z')))).toBe('2026-12-07T18:00:00.000Z');
    expect(iso(latestDue('0 2 * * *', 'Asia/Shanghai', at('2026-12-07T17:59:59.999Z')))).toBe(
      '2026-12-06T18:00:00.000Z',
    );
  });

  it('has no daylight saving in Asia/Shanghai: 02:00 is 18:00 UTC on the days Europe changes clocks', () => {
    for (const day of ['2026-03-28', '2026-10-24'])
      expect(iso(nextDue('0 2 * * *', 'Asia/Shanghai', at(`${day}T12:00:00Z`)))).toBe(`${day}T18:00:00.000Z`);
  });

  it('follows daylight saving in Europe/Berlin: a skipped 02:30 runs after the gap, a repeated one runs once', () => {
    const spring = [];
    let from = at('2026-03-27T12:00:00Z');
    for (let i = 0; i < 3; i++) spring.push(iso((from = nextDue('30 2 * * *', 'Europe/Berlin', from)!)));
    // 02:30 CET is 01:30Z; on 29 March 02:30 does not exist, the job runs at 03:00 CEST (01:00Z); then 00:30Z.
    expect(spring).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
    const autumn = [];
    from = at('2026-10-24T12:00:00Z');
    for (let i = 0; i < 2; i++) autumn.push(iso((from = nextDue('30 2 * * *', 'Europe/Berlin', from)!)));
    // 25 October has 02:30 twice (CEST, then CET): one run, at the first.
    expect(autumn).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('runs once for due times missed while every engine was down, and never for times before the schedule existed', () => {
    const since = at('2026-12-01T00:00:00Z');
    const lastDue = at('2026-12-02T18:00:00Z');
    // Down from the 3rd to the 7th at noon: the 3rd…6th 02:00 were missed; only the latest (the 6th) is run.
    expect(iso(dueToRun('0 2 * * *', 'Asia/Shanghai', at('2026-12-07T04:00:00Z'), { since, lastDue }))).toBe(
      '2026-12-06T18:00:00.000Z',
    );
    // Once claimed, nothing more until the next due time.
    expect(
      dueToRun('0 2 * * *', 'Asia/Shanghai', at('2026-12-07T04:00:00Z'), {
        since,
        lastDue: at('2026-12-06T18:00:00Z'),
      }),
    ).toBeNull();
    // Published at 10:00 on the 7th: the 02:00 of that day was before it existed.
    expect(
      dueToRun('0 2 * * *', 'Asia/Shanghai', at('2026-12-07T04:00:00Z'), {
        since: at('2026-12-07T02:00:00Z'),
        lastDue: null,
      }),
    ).toBeNull();
  });

  it('says what is wrong with a cron expression or a time zone', () => {
    expect(cronProblem('0 2 * * *')).toBeUndefined();
    expect(cronProblem('0 2 * *')).toMatch(/five/);
    expect(cronProblem('61 2 * * *')).toMatch(/minute/);
    expect(cronProblem('0 0 2 * * *')).toMatch(/5 parts/);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
