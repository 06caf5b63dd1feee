import type { Knex } from 'knex';
import type { Options, Store } from 'express-rate-limit';
import { runPrepared } from '../db/prepared.js';

const TABLE = 'lodestar_rate_limits';

/** Migration 021: one row per limited key and its current fixed window. */
export async function createRateLimitTable(knex: Knex): Promise<void> {
  await knex.schema.createTable(TABLE, (t) => {
    t.text('key').primary();
    t.integer('hits').notNullable();
    t.timestamp('reset_at', { useTz: true }).notNullable();
  });
}

// One statement: a window that ended starts afresh, otherwise the hit is counted. Concurrent hits from every
// engine process serialize on the key's row, so N processes share one limit instead of having N of them.
const INCREMENT = `insert into ${TABLE} as r (key, hits, reset_at) values (?, 1, now() + ?::interval)
  on conflict (key) do update set
    hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
    reset_at = case when r.reset_at <= now() then now() + ?::interval else r.reset_at end
  returning hits, reset_at`;

/**
 * express-rate-limit's store in PostgreSQL: the limits hold across all engine processes on the database
 * (`lodestar start --workers N`, several machines). Expired windows are swept now and then, not per hit.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private window = '60000 milliseconds';
  private hitsSinceSweep = 0;

  constructor(
    private readonly knex: Knex,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.window = `${options.windowMs} milliseconds`;
  }

  async increment(key: string): Promise<{ totalHits: number; resetTime: Date }> {
    const [row] = await runPrepared<{ hits: number; reset_at: Date }>(this.knex, INCREMENT, [
      this.prefix + key,
      this.window,
      this.window,
    ]);
    if (++this.hitsSinceSweep >= 1000) {
      this.hitsSinceSweep = 0;
      await this.knex(TABLE).where('reset_at', '<', this.knex.fn.now()).del();
    }
    return { totalHits: row!.hits, resetTime: new Date(row!.reset_at) };
  }

  async decrement(key: string): Promise<void> {
    await this.knex(TABLE)
      .where({ key: this.prefix + key })
      .update({ hits: this.knex.raw('greatest(hits - 1, 0)') });
  }

  async resetKey(key: string): Promise<void> {
    await this.knex(TABLE)
      .where({ key: this.prefix + key })
      .del();
  }
}
