import type { Knex } from 'knex';
import type { Step } from './plan.js';
import { backfillRollupSql, dropRollupSql, installRollupSql, type RollupSql } from './rollup-sql.js';
import { rollupWhere } from './rollup-where.js';

type Of<K extends Step['kind']> = Extract<Step, { kind: K }>;

/** The roll-up's SQL with its filter compiled (formula language). */
export async function toRollupSql(knex: Knex, table: string, rollup: Of<'setRollup'>['rollup']): Promise<RollupSql> {
  const where = await rollupWhere(knex, rollup);
  return { table, rollup, ...(where && { where }) };
}

/** Installs the child table's triggers, then computes every parent row, in the publish's transaction. */
export async function setRollup(trx: Knex.Transaction, step: Of<'setRollup'>): Promise<void> {
  const spec = await toRollupSql(trx, step.table, step.rollup);
  for (const sql of installRollupSql(spec)) await trx.raw(sql);
  await trx.raw(backfillRollupSql(spec));
}

export async function dropRollup(trx: Knex.Transaction, step: Of<'dropRollup'>): Promise<void> {
  await trx.raw(dropRollupSql(step.table, step.rollup.name));
}
