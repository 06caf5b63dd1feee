/*
 * A schedule's cron as an admin says it: every hour at minute m, every day / week / month at a time; anything
 * else is "custom" and keeps its five fields as written (the raw text is offered only then).
 */

export type Every = 'hour' | 'day' | 'week' | 'month' | 'custom';

export interface CronForm {
  every: Every;
  /** The minute past the hour (0–59). */
  minute: number;
  /** The hour of the day (0–23), for day, week and month. */
  hour: number;
  /** 0 Sunday … 6 Saturday, for week. */
  weekday: number;
  /** 1–31, for month. */
  monthday: number;
  /** The cron as written, for custom. */
  cron: string;
}

const NUMBER = '(\\d{1,2})';
const HOURLY = new RegExp(`^${NUMBER} \\* \\* \\* \\*$`);
const DAILY = new RegExp(`^${NUMBER} ${NUMBER} \\* \\* \\*$`);
const WEEKLY = new RegExp(`^${NUMBER} ${NUMBER} \\* \\* ([0-7])$`);
const MONTHLY = new RegExp(`^${NUMBER} ${NUMBER} ${NUMBER} \\* \\*$`);

const inRange = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** The form a cron reads as; a cron none of the simple shapes holds (or out of range) is custom. */
export function cronForm(cron: string): CronForm {
  const text = cron.trim().replace(/\s+/g, ' ');
  const form: CronForm = { every: 'custom', minute: 0, hour: 2, weekday: 1, monthday: 1, cron };
  let m: RegExpExecArray | null;
  if ((m = HOURLY.exec(text))) {
    const minute = Number(m[1]);
    if (inRange(minute, 0, 59)) return { ...form, every: 'hour', minute };
  } else if ((m = DAILY.exec(text))) {
    const [minute, hour] = [Number(m[1]), Number(m[2])];
    if (inRange(minute, 0, 59) && inRange(hour, 0, 23)) return { ...form, every: 'day', minute, hour };
  } else if ((m = WEEKLY.exec(text))) {
    const [minute, hour, weekday] = [Number(m[1]), Number(m[2]), Number(m[3]) % 7];
    if (inRange(minute, 0, 59) && inRange(hour, 0, 23)) return { ...form, every: 'week', minute, hour, weekday };
  } else if ((m = MONTHLY.exec(text))) {
    const [minute, hour, monthday] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (inRange(minute, 0, 59) && inRange(hour, 0, 23) && inRange(monthday, 1, 31))
      return { ...form, every: 'month', minute, hour, monthday };
  }
  return form;
}

/** The cron a form stands for. */
export function cronOf(form: CronForm): string {
  switch (form.every) {
    case 'hour':
      return `${form.minute} * * * *`;
    case 'day':
      return `${form.minute} ${form.hour} * * *`;
    case 'week':
      return `${form.minute} ${form.hour} * * ${form.weekday}`;
    case 'month':
      return `${form.minute} ${form.hour} ${form.monthday} * *`;
    default:
      return form.cron;
  }
}

/** "02:30" for a time input. */
export const timeOf = (form: CronForm): string =>
  `${String(form.hour).padStart(2, '0')}:${String(form.minute).padStart(2, '0')}`;
