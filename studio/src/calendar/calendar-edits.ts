/** One day of the business calendar as the engine answers it (GET /admin/calendar/{year}). */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: { en: string; zh: string } | null;
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

/** The days as PUT sends them: a name with both parts blank is no name. */
export function toSaved(days: readonly CalendarDay[]): CalendarDay[] {
  return days.map((day) => {
    const zh = day.name?.zh.trim() ?? '';
    const en = day.name?.en.trim() ?? '';
    return { date: day.date, kind: day.kind, name: zh || en ? { zh, en } : null };
  });
}

/** A new day for the list: the day after the last one listed, or 1 January. */
export function nextDay(year: number, days: readonly CalendarDay[]): CalendarDay {
  const last = [...days]
    .map((d) => d.date)
    .sort()
    .pop();
  const start = last && last.startsWith(`${year}-`) ? new Date(`${last}T00:00:00Z`) : undefined;
  if (start) start.setUTCDate(start.getUTCDate() + 1);
  const date = start && start.getUTCFullYear() === year ? start.toISOString().slice(0, 10) : `${year}-01-01`;
  return { date, kind: 'holiday', name: null };
}

/** 0 = Sunday … 6 = Saturday, of a `YYYY-MM-DD` date (a calendar day, no time zone). */
export function weekdayOf(date: string): number | undefined {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : new Date(time).getUTCDay();
}
