import { Router, type Request } from 'express';
import type { AuditContext } from '../../audit/audit-entry.js';
import { isBusinessDay, WEEKENDS_ONLY } from '../../calendar/business-days.js';
import { forgetCalendar } from '../../calendar/calendar-cache.js';
import { rescheduleBusinessTimers } from '../../runtime/date-timer-calendar.js';
import {
  readCalendarYear,
  readWorkingHours,
  replaceCalendarYear,
  replaceWorkingHours,
} from '../../calendar/calendar-repo.js';
import { minutesOf, timeText, workingHoursOf, type WorkingPeriod } from '../../calendar/business-hours.js';
import type { CalendarDay } from '../../calendar/calendar-tables.js';
import type { AppContext } from '../../context.js';
import { ValidationError, issueOf, summarize, type Issue } from '../../errors.js';
import { formulaCalendar } from '@lodestar/core';
import { actorOf } from '../actor.js';
import { adminOnly } from '../admin-only.js';
import { modelOf } from '../pin-model.js';
import { CALENDAR } from '../contract/calendar.js';
import { route } from '../contract/route.js';
import { requestIdOf } from '../request-id.js';

const auditContext = (req: Request): AuditContext => ({ actorId: actorOf(req).id, requestId: requestIdOf(req) });

/**
 * The business calendar, one year at a time: statutory holidays and make-up workdays (调休). Seeded with
 * China's from the `chinese-days` package; years it does not cover are the administrators' to enter.
 */
export function calendarRouter(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  router.use(adminOnly({ en: 'read and edit the business calendar', zh: '查看和修改工作日历' }));
  const { routes } = CALENDAR;
  // Before `/:year`, which would read "hours" as a year.
  route(router, routes.readWorkingHours, async (_req, res) => {
    res.json({ periods: toPeriodTexts(workingHoursOf({ ...WEEKENDS_ONLY, hours: await readWorkingHours(knex) })) });
  });
  route(router, routes.replaceWorkingHours, async (req, res) => {
    const texts = (req.body as { periods: { from: string; to: string }[] }).periods;
    const { periods, issues } = toPeriods(texts);
    if (issues.length) throw new ValidationError(summarize(issues), { issues });
    const saved = await replaceWorkingHours(knex, periods, auditContext(req));
    forgetCalendar(knex);
    const moved = await rescheduleBusinessTimers(knex, modelOf(req));
    if (moved) ctx.log.info({ moved }, 'business-hour timers moved to the edited working hours');
    res.json({ periods: toPeriodTexts(saved) });
  });
  route(router, routes.readCalendarYear, async (req, res) => {
    const year = Number(req.params.year);
    res.json({ year, days: await readCalendarYear(knex, year) });
  });
  route(router, routes.replaceCalendarYear, async (req, res) => {
    const year = Number(req.params.year);
    const days = ((req.body as { days: Partial<CalendarDay>[] }).days ?? []).map((day): CalendarDay => ({
      date: day.date!,
      kind: day.kind!,
      name: day.name ?? null,
    }));
    const issues = dayIssues(year, days);
    if (issues.length) throw new ValidationError(summarize(issues), { issues });
    const saved = await replaceCalendarYear(knex, year, days, auditContext(req));
    forgetCalendar(knex);
    // Pending business-day timers follow the new calendar (those that start later count on it anyway).
    const moved = await rescheduleBusinessTimers(knex, modelOf(req));
    if (moved) ctx.log.info({ year, moved }, 'business-day timers moved to the edited calendar');
    res.json({ year, days: saved });
  });
  return router;
}

function toPeriodTexts(periods: readonly WorkingPeriod[]): { from: string; to: string }[] {
  return periods.map((period) => ({ from: timeText(period.from), to: timeText(period.to) }));
}

/** Working periods from `HH:MM` texts: each ends after it starts, in order, none overlapping the one before. */
function toPeriods(texts: readonly { from: string; to: string }[]): { periods: WorkingPeriod[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const periods = texts.map((text, i): WorkingPeriod => {
    const period = { from: minutesOf(text.from) ?? 0, to: minutesOf(text.to) ?? 0 };
    const before = i > 0 ? minutesOf(texts[i - 1]!.to) : undefined;
    if (period.to <= period.from)
      issues.push(
        issueOf(`/periods/${i}/to`, 'order', {
          en: `the period ${text.from}–${text.to} ends before it starts`,
          zh: `时段 ${text.from}–${text.to} 的结束时间早于开始时间`,
        }),
      );
    else if (before !== undefined && period.from < before)
      issues.push(
        issueOf(`/periods/${i}/from`, 'overlap', {
          en: `the period ${text.from}–${text.to} starts before the one above ends (${texts[i - 1]!.to}): list periods in order without overlap`,
          zh: `时段 ${text.from}–${text.to} 在上一时段结束（${texts[i - 1]!.to}）之前就开始了：请按时间顺序填写，且不要重叠`,
        }),
      );
    return period;
  });
  return { periods, issues };
}

/** Each day in the year, once; a make-up workday only on a weekend (a weekday is worked already). */
function dayIssues(year: number, days: readonly CalendarDay[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  days.forEach((day, i) => {
    const pointer = `/days/${i}/date`;
    const number = formulaCalendar.parseDate(day.date);
    if (number === undefined || !day.date.startsWith(`${year}-`))
      issues.push(
        issueOf(pointer, 'year', { en: `${day.date} is not a day of ${year}`, zh: `${day.date} 不在 ${year} 年内` }),
      );
    else if (seen.has(day.date))
      issues.push(issueOf(pointer, 'unique', { en: `${day.date} is listed twice`, zh: `${day.date} 重复出现` }));
    else if (day.kind === 'workday' && isBusinessDay(WEEKENDS_ONLY, number))
      issues.push(
        issueOf(`/days/${i}/kind`, 'weekend', {
          en: `${day.date} is a weekday, worked anyway: a make-up workday is a Saturday or Sunday`,
          zh: `${day.date} 本来就是工作日，调休上班日应是周六或周日`,
        }),
      );
    seen.add(day.date);
  });
  return issues;
}
