/**
 * The one judge of date and time text the engine hands to PostgreSQL (ajv's `date` and `date-time`
 * formats, filter values, cursors, report periods): ISO 8601 as PostgreSQL stores it. Years 0001–9999
 * (year 0 does not exist there), real calendar days, hours 0–23, and UTC offsets up to ±15:59, the
 * largest PostgreSQL accepts; anything else is the caller's mistake, never a database error (22008, 22009).
 */
const TIMESTAMP_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([Zz]|([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)?)?$/;

export interface TimestampRules {
  /** A time of day must follow the date (RFC 3339 `date-time`). */
  time?: boolean;
  /** The time must name its offset (`Z` or `±hh:mm`). */
  zone?: boolean;
}

/** Whether `text` is a date or date-time PostgreSQL can store, under the given rules. */
export function isStorableTimestamp(text: string, rules: TimestampRules = {}): boolean {
  const m = TIMESTAMP_RE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDay(year, month, day)) return false;
  if (m[4] === undefined) return !rules.time;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 60) return false;
  if (m[7] === undefined) return !rules.zone;
  if (m[8] === undefined) return true; // Z
  return Number(m[9]) <= 15 && Number(m[10] ?? 0) <= 59 && Number(m[11] ?? 0) <= 59;
}

/** Whether `text` is a `YYYY-MM-DD` day PostgreSQL can store. */
export function isStorableDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isStorableTimestamp(text);
}

/** The RFC 3339 `date-time` PostgreSQL can store: date, time and offset. */
export function isStorableDateTime(text: string): boolean {
  return isStorableTimestamp(text, { time: true, zone: true });
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}
