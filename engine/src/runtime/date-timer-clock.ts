import type { Knex } from 'knex';
import { businessCalendar } from '../calendar/calendar-cache.js';
import { companyTimeZone } from '../records/company-time-zone.js';
import type { CompiledWorkflow } from '../workflow/compile-machine.js';
import { isBusinessDuration, looksLikeDateKey, parseDateKey, type TimerClock } from '../workflow/date-timers.js';

interface ClockNeeds {
  dates: boolean;
  business: boolean;
}

const needsOf = new WeakMap<CompiledWorkflow, ClockNeeds>();

/** Whether the workflow has date-relative or business-day timers (computed once per compiled workflow). */
export function clockNeeds(compiled: CompiledWorkflow): ClockNeeds {
  let needs = needsOf.get(compiled);
  if (!needs) {
    needs = { dates: false, business: false };
    for (const state of Object.values(compiled.definition.states)) {
      if (isBusinessDuration(state.meta?.sla) || isBusinessDuration(state.meta?.slaWarnAt)) needs.business = true;
      for (const key of Object.keys(state.after ?? {})) {
        if (looksLikeDateKey(key)) needs.dates = true;
        if (isBusinessDuration(key) || isBusinessDuration(parseDateKey(key)?.duration?.text)) needs.business = true;
      }
    }
    needsOf.set(compiled, needs);
  }
  return needs;
}

/**
 * What the workflow's timers are computed with: the company time zone (LODESTAR_TIME_ZONE), and the
 * business calendar when some timer counts business days. Undefined (and no read) when no timer needs it.
 */
export async function timerClockFor(db: Knex, compiled: CompiledWorkflow): Promise<TimerClock | undefined> {
  const needs = clockNeeds(compiled);
  if (!needs.dates && !needs.business) return undefined;
  const timeZone = companyTimeZone();
  return needs.business ? { timeZone, calendar: await businessCalendar(db) } : { timeZone };
}
