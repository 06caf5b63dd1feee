/** "Today" for one user: the calendar date in their time zone and the instants it starts and ends. */
export interface Day {
  /** `YYYY-MM-DD` in the time zone. */
  today: string;
  /** The first instant of today in the time zone (ISO-8601, UTC). */
  start: string;
  /** The first instant of tomorrow. */
  end: string;
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** Whether `name` is an IANA time zone name this runtime knows (`Asia/Shanghai`, `UTC`); offsets like `+08:00` are not names. */
export function isTimeZone(name: string): boolean {
  if (name.length > 64 || !ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The day `now` falls on in `timeZone` (a valid IANA name), with its bounds; DST days are 23 or 25 hours long. */
export function dayIn(now: Date, timeZone: string): Day {
  const today = dateIn(now, timeZone);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return { today, start: midnight(today, timeZone).toISOString(), end: midnight(tomorrow, timeZone).toISOString() };
}

/** The calendar date of an instant in a time zone. */
export function dateIn(instant: Date, timeZone: string): string {
  const { year, month, day } = partsIn(instant, timeZone);
  return `${year}-${month}-${day}`;
}

/** The instant a date begins in a time zone: UTC midnight moved by the zone's offset, settled twice for DST changes. */
function midnight(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  let instant = utcMidnight;
  for (let i = 0; i < 2; i++) instant = utcMidnight - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

/** Local wall time minus UTC, in milliseconds, at an instant. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

function partsIn(
  instant: Date,
  timeZone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: parts.year!.padStart(4, '0'),
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}
