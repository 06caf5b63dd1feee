import { Cron } from 'croner';

/**
 * When a schedule is due, computed by croner in the schedule's own time zone (a 02:00 job in Asia/Shanghai
 * is 18:00 UTC the day before). Five-field cron only. Daylight saving follows croner: a local time the
 * clocks skip runs at the first instant after the gap, one they repeat runs once.
 */
export function cronOf(cron: string, timeZone: string): Cron {
  return new Cron(cron, { timezone: timeZone, mode: '5-part', paused: true });
}

/** The first due time strictly after `after`, or null when the pattern never matches again. */
export function nextDue(cron: string, timeZone: string, after: Date): Date | null {
  return cronOf(cron, timeZone).nextRun(after);
}

/** The latest due time at or before `now`, or null. */
export function latestDue(cron: string, timeZone: string, now: Date): Date | null {
  // previousRuns counts a run in the same second as its reference, and none after it.
  const [latest] = cronOf(cron, timeZone).previousRuns(1, new Date(now.getTime() + 1));
  return latest && latest.getTime() <= now.getTime() ? latest : null;
}

/**
 * The due time to run now, if any: the latest one at or before `now` that is later than both the time the
 * schedule was first seen (a new schedule does not run for times before it existed) and the last due time
 * already claimed. Times missed while every engine was down collapse into this one: run once, not N times.
 */
export function dueToRun(
  cron: string,
  timeZone: string,
  now: Date,
  after: { since: Date; lastDue: Date | null },
): Date | null {
  const latest = latestDue(cron, timeZone, now);
  if (!latest || latest.getTime() <= after.since.getTime()) return null;
  if (after.lastDue && latest.getTime() <= after.lastDue.getTime()) return null;
  return latest;
}

/** Whether an IANA time zone name is one this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Why a cron expression does not parse (croner's words), or undefined when it does. */
export function cronProblem(cron: string): string | undefined {
  try {
    cronOf(cron, 'UTC');
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^CronPattern: /, '');
  }
}
