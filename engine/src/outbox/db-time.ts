import type { Knex } from 'knex';

/** Returns the current time; injected by tests to step through backoff without waiting. */
export type Clock = () => Date;

/**
 * "now + offsetMs" as an SQL expression. Without a clock it is the database's `now()`: the writer
 * stamps rows with the database's default `now()`, so comparing against the same clock keeps a
 * fresh row due at once even when an engine host's clock is skewed. A test clock replaces both ends.
 */
export function sqlTime(knex: Knex, clock: Clock | undefined, offsetMs = 0): Knex.Raw {
  if (clock) return knex.raw('?::timestamptz', [new Date(clock().getTime() + offsetMs)]);
  return offsetMs ? knex.raw(`now() + ?::double precision * interval '1 millisecond'`, [offsetMs]) : knex.raw('now()');
}
