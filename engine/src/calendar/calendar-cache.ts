import type { Knex } from 'knex';
import type { BusinessCalendar } from './business-days.js';
import { loadCalendar } from './calendar-repo.js';

/**
 * The business calendar as this process last read it. Read at most every `MAX_AGE_MS` (so an edit made
 * through another engine counts here within that time), and at once after an edit through this one.
 */
const MAX_AGE_MS = 30_000;

// Per database (a transaction shares its knex's config object), so two engines in one test process never mix.
const cache = new WeakMap<object, { calendar: Promise<BusinessCalendar>; at: number }>();

/** The calendar, read with `db` (a transaction reads inside itself: PGlite has one connection). */
export function businessCalendar(db: Knex): Promise<BusinessCalendar> {
  const key = db.client.config as object;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at <= MAX_AGE_MS) return cached.calendar;
  const calendar = loadCalendar(db);
  cache.set(key, { calendar, at: Date.now() });
  // A failed read is not kept: the next caller reads again.
  calendar.catch(() => cache.delete(key));
  return calendar;
}

/** The calendar changed (an administrator saved a year): read it again on next use. */
export function forgetCalendar(db: Knex): void {
  cache.delete(db.client.config as object);
}
