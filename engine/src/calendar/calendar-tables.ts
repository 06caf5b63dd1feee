import type { Knex } from 'knex';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { DEFAULT_WORKING_HOURS } from './business-hours.js';

/** One day of the company's business calendar that differs from "Monday to Friday are worked". */
export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** holiday: a weekday off; workday: a weekend day worked instead (调休). */
  kind: 'holiday' | 'workday';
  name: { en: string; zh: string } | null;
}

/**
 * Engine migration 009: the business calendar as data (`lodestar_calendar_days`, owner calendar-repo.ts),
 * seeded with China's statutory holidays and make-up workdays for the years the `chinese-days` package
 * covers. Later years are entered by administrators (PUT /admin/calendar/{year}); the seed is never re-run.
 */
export async function createCalendarTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('lodestar_calendar_days', (t) => {
    t.date('day').primary();
    t.text('kind').notNullable();
    t.text('name_en');
    t.text('name_zh');
    t.uuid('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    `alter table lodestar_calendar_days add constraint lodestar_calendar_days_kind check (kind in ('holiday', 'workday'))`,
  );
  const rows = chinaDefaultDays().map((day) => ({
    day: day.date,
    kind: day.kind,
    name_en: day.name?.en ?? null,
    name_zh: day.name?.zh ?? null,
  }));
  for (let i = 0; i < rows.length; i += 500) await knex('lodestar_calendar_days').insert(rows.slice(i, i + 500));
}

/**
 * The default calendar's content from `chinese-days` ("English name,中文名,days" per date). Its holiday list
 * also names the weekend days inside a holiday week; those are days off anyway and are kept, so the
 * calendar reads as the State Council's notice does.
 */
export function chinaDefaultDays(): CalendarDay[] {
  const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
  const of = (kind: CalendarDay['kind'], map: Record<string, string>) =>
    Object.entries(map).map(([date, text]): CalendarDay => {
      const [en, zh] = text.split(',');
      return { date, kind, name: en && zh ? { en, zh } : null };
    });
  return [...of('holiday', data.holidays), ...of('workday', data.workdays)].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

/**
 * Engine migration 022 (with the SLA due column): the working hours of a business day that "N business hours"
 * counts (`lodestar_working_hours`, owner calendar-repo.ts), one row per period in minutes after midnight,
 * seeded with 09:00–12:00 and 13:30–18:00. No rows means the default (business-hours.ts).
 */
export async function createWorkingHoursTable(knex: Knex): Promise<void> {
  await knex.schema.createTable('lodestar_working_hours', (t) => {
    t.smallint('position').primary();
    t.smallint('from_minute').notNullable();
    t.smallint('to_minute').notNullable();
    t.uuid('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    `alter table lodestar_working_hours add constraint lodestar_working_hours_span check (0 <= from_minute and from_minute < to_minute and to_minute <= 1440)`,
  );
  await knex('lodestar_working_hours').insert(
    DEFAULT_WORKING_HOURS.map((period, position) => ({ position, from_minute: period.from, to_minute: period.to })),
  );
}
