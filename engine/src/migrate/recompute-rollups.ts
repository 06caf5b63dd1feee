import type { Knex } from 'knex';
import { quoteIdent } from '../records/quote-ident.js';
import type { TableSpec } from '../schema/table-spec.js';
import { toSqlType } from '../schema/table-spec.js';
import { aggregateSql } from './rollup-sql.js';
import { toRollupSql } from './to-knex-rollups.js';

/** One roll-up rebuilt: how many parent rows it computed, and how many of them held another value. */
export interface RecomputeResult {
  table: string;
  field: string;
  rows: number;
  drift: number;
}

export interface RecomputeOptions {
  /** Only this entity's roll-ups (default: every entity's). */
  table?: string;
  batchSize?: number;
  /** Called once before the first batch of a roll-up (done 0) and after each batch. */
  onProgress?: (progress: { table: string; field: string; done: number; total: number }) => void;
}

/**
 * Rebuilds roll-ups from their child rows, in batches of parent rows in id order. Each batch is one
 * transaction that locks its parents (as the triggers do) and then recomputes them in a new statement,
 * writing only rows whose stored value differs: those are the drift it reports. Concurrent child writes
 * wait for a batch, never interleave with it.
 */
export async function recomputeRollups(
  knex: Knex,
  tables: TableSpec[],
  options: RecomputeOptions = {},
): Promise<RecomputeResult[]> {
  const results: RecomputeResult[] = [];
  for (const table of tables) {
    if (options.table !== undefined && table.name !== options.table) continue;
    for (const rollup of table.rollups ?? []) results.push(await recomputeOne(knex, table, rollup.name, options));
  }
  return results;
}

async function recomputeOne(
  knex: Knex,
  table: TableSpec,
  field: string,
  options: RecomputeOptions,
): Promise<RecomputeResult> {
  const rollup = table.rollups!.find((r) => r.name === field)!;
  const column = table.columns.find((c) => c.name === field)!;
  const spec = await toRollupSql(knex, table.name, rollup);
  const [counted] = await knex(table.name).count<{ n: string | number }[]>({ n: '*' });
  const total = Number(counted?.n ?? 0);
  const batchSize = options.batchSize ?? 500;
  const progress = (done: number) => options.onProgress?.({ table: table.name, field, done, total });
  progress(0);
  const t = quoteIdent(table.name);
  const f = quoteIdent(field);
  const update = `with fresh as (
      select p.id, ${aggregateSql(spec)}::${toSqlType(column.type)} as value from ${t} as p where p.id = any(?::uuid[])
    ), changed as (
      update ${t} as p set ${f} = fresh.value from fresh where p.id = fresh.id and p.${f} is distinct from fresh.value
      returning p.id
    )
    select count(*) as n from changed`;
  let after: string | undefined;
  let done = 0;
  let drift = 0;
  for (;;) {
    const batch = await knex.transaction(async (trx) => {
      const query = trx(table.name).select<{ id: string }[]>('id').orderBy('id').limit(batchSize).forNoKeyUpdate();
      if (after !== undefined) query.where('id', '>', after);
      const ids = (await query).map((row) => row.id);
      if (!ids.length) return { ids, changed: 0 };
      const result = await trx.raw<{ rows: { n: string | number }[] }>(update, [ids]);
      return { ids, changed: Number(result.rows[0]?.n ?? 0) };
    });
    if (!batch.ids.length) break;
    after = batch.ids[batch.ids.length - 1];
    done += batch.ids.length;
    drift += batch.changed;
    progress(done);
  }
  return { table: table.name, field, rows: done, drift };
}
