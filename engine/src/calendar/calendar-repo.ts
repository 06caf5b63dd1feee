import type { Knex } from 'knex';
import { insertAudit } from '../audit/audit-repo.js';
import type { AuditContext } from '../audit/audit-entry.js';
import type { BusinessCalendar, WorkingPeriod } from './business-days.js';
import type { CalendarDay } from './calendar-tables.js';

/** The one module whose SQL names `lodestar_calendar_days` (engine/test/table-owners.test.ts). */
const DAYS = 'lodestar_calendar_days';
/** And the only one naming `lodestar_working_hours`. */
const HOURS = 'lodestar_working_hours';

/** What the audit trail calls the calendar (entity ids have no dots, so this cannot collide). */
export const CALENDAR_AUDIT = 'lodestar.calendar';

interface DayRow {
  day: string;
  kind: CalendarDay['kind'];
  name_en: string | null;
  name_zh: string | null;
}

const COLUMNS = [knexDay(), 'kind', 'name_en', 'name_zh'];

function knexDay(): string {
  return `to_char(day, 'YYYY-MM-DD') as day`;
}

/** The whole calendar, as the business-day arithmetic reads it. */
export async function loadCalendar(knex: Knex): Promise<BusinessCalendar> {
  const rows = (await knex.raw(`select ${knexDay()}, kind from ${DAYS}`)) as { rows: DayRow[] };
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const row of rows.rows) (row.kind === 'holiday' ? holidays : workdays).add(row.day);
  return { holidays, workdays, hours: await readWorkingHours(knex) };
}

/** The working periods of a business day, in order (empty: the default hours apply). */
export async function readWorkingHours(knex: Knex): Promise<WorkingPeriod[]> {
  const rows = (await knex.raw(`select from_minute, to_minute from ${HOURS} order by from_minute`)) as {
    rows: { from_minute: number; to_minute: number }[];
  };
  return rows.rows.map((row) => ({ from: Number(row.from_minute), to: Number(row.to_minute) }));
}

/** Replaces the working periods in one transaction, with an audit row holding them before and after. */
export async function replaceWorkingHours(
  knex: Knex,
  periods: readonly WorkingPeriod[],
  who: AuditContext,
): Promise<WorkingPeriod[]> {
  return knex.transaction(async (trx) => {
    const before = await readWorkingHours(trx);
    await trx(HOURS).delete();
    if (periods.length)
      await trx(HOURS).insert(
        periods.map((period, position) => ({
          position,
          from_minute: period.from,
          to_minute: period.to,
          updated_by: who.actorId,
        })),
      );
    const after = await readWorkingHours(trx);
    await insertAudit(trx, [
      {
        actorId: who.actorId,
        entity: CALENDAR_AUDIT,
        recordId: 'hours',
        action: 'update',
        changes: { hours: [before, after] },
        requestId: who.requestId ?? null,
      },
    ]);
    return after;
  });
}

/** The days of one year that differ from Monday-to-Friday, in date order. */
export async function readCalendarYear(knex: Knex, year: number): Promise<CalendarDay[]> {
  const rows = (await knex.raw(
    `select ${COLUMNS.join(', ')} from ${DAYS} where day >= make_date(?, 1, 1) and day < make_date(?, 1, 1) order by day`,
    [year, year + 1],
  )) as { rows: DayRow[] };
  return rows.rows.map(toDay);
}

/** Replaces one year's days in one transaction, with an audit row holding the year before and after. */
export async function replaceCalendarYear(
  knex: Knex,
  year: number,
  days: readonly CalendarDay[],
  who: AuditContext,
): Promise<CalendarDay[]> {
  return knex.transaction(async (trx) => {
    const before = await readCalendarYear(trx, year);
    await trx.raw(`delete from ${DAYS} where day >= make_date(?, 1, 1) and day < make_date(?, 1, 1)`, [year, year + 1]);
    if (days.length)
      await trx(DAYS).insert(
        days.map((day) => ({
          day: day.date,
          kind: day.kind,
          name_en: day.name?.en ?? null,
          name_zh: day.name?.zh ?? null,
          updated_by: who.actorId,
        })),
      );
    const after = await readCalendarYear(trx, year);
    await insertAudit(trx, [
      {
        actorId: who.actorId,
        entity: CALENDAR_AUDIT,
        recordId: String(year),
        action: 'update',
        changes: { days: [before, after] },
        requestId: who.requestId ?? null,
      },
    ]);
    return after;
  });
}

function toDay(row: DayRow): CalendarDay {
  return {
    date: row.day,
    kind: row.kind,
    name: row.name_en !== null || row.name_zh !== null ? { en: row.name_en ?? '', zh: row.name_zh ?? '' } : null,
  };
}
