/**
 * ISO-8601 durations (`P14D`, `PT4H`, `P1DT12H30M`, `P2W`) as milliseconds. Years and months use
 * fixed lengths (365 and 30 days): timers need a number, and a calendar-exact year is not worth a clock dependency.
 */
const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS = [365 * DAY, 30 * DAY, 7 * DAY, DAY, HOUR, MINUTE, SECOND];

/** Whether `text` is an ISO-8601 duration this engine understands. */
export function isDuration(text: unknown): text is string {
  return typeof text === 'string' && DURATION.test(text);
}

/** The duration in milliseconds, or undefined when `text` is not an ISO-8601 duration. */
export function toMilliseconds(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  return UNITS.reduce((sum, unit, i) => sum + Number(match[i + 1] ?? 0) * unit, 0);
}
