import { formulaCalendar } from '@lodestar/core';

const DAY_MS = 86_400_000;

/** An instant as a calendar day and the milliseconds since that day's midnight, on a time zone's wall clock. */
export function toWallTime(instant: number, timeZone: string): { day: number; msOfDay: number } {
  const clock = formulaCalendar.wallClock(instant, timeZone);
  const ms = ((instant % 1000) + 1000) % 1000;
  return { day: clock.days, msOfDay: ((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1000 + ms };
}

/**
 * The instant a time zone's wall clock shows `msOfDay` on `day`. The zone's offset is read at a first
 * guess and once more at the answer, which settles it except inside a daylight-saving gap (then the
 * instant after the gap) or overlap (then the earlier one).
 */
export function fromWallTime(day: number, msOfDay: number, timeZone: string): number {
  const target = day * DAY_MS + msOfDay;
  const offsetAt = (instant: number) => {
    const wall = toWallTime(instant, timeZone);
    return wall.day * DAY_MS + wall.msOfDay - instant;
  };
  const first = target - offsetAt(target);
  const second = target - offsetAt(first);
  return second === first ? first : Math.min(first, second);
}
