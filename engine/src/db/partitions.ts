import type { Knex } from 'knex';

/**
 * Monthly range partitions of the engine's append-only tables (engine migration 028_partitioned_history).
 *
 * A partitioned table `T` has:
 * - `T_upto_YYYYMM`: the table as an earlier engine left it, attached without copying a row, for every
 *   time before the first day of that month (its attach validates the bound and builds the (id, at) key:
 *   about 0.5 s at 1M rows on a 2-core machine);
 * - `T_pYYYYMM`: one partition per calendar month (UTC), created ahead by `ensureMonthPartitions`;
 * - `T_default`: the safety net for a row whose month has no partition yet. A month whose rows already
 *   sit in it cannot get its own partition (PostgreSQL refuses); that month is logged and stays there.
 *
 * The tables are found in the catalog (partitioned tables named lodestar_*), so this module names none
 * of them: each table's repository stays its only reader and writer.
 */

export interface PartitionLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface MonthPartition {
  table: string;
  name: string;
  /** The partition's first month ('YYYY-MM'); null for the converted table (from the beginning of time). */
  from: string | null;
  /** The first month after it ('YYYY-MM'). */
  until: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** 'YYYY-MM' of a month counted from `date`'s month (UTC). */
export function monthOf(date: Date, add = 0): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + add, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(y, m - 1, 1)), 1);
}

/** A month's first instant as a timestamptz literal, in UTC whatever the session's TimeZone. */
const startOf = (month: string) => `'${month}-01 00:00:00+00'`;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Turns `table` (a bigserial `id` primary key and a timestamptz `column`) into a table partitioned by
 * month on `column`, in the caller's transaction, without copying: the old table becomes the partition
 * of everything before next month. Its indexes are attached as the parent's, its triggers move to the
 * parent (row triggers reach every partition from there; TRUNCATE triggers are copied to each partition,
 * since truncating a partition does not fire its parent's). The primary key becomes (id, column).
 */
export async function partitionByMonth(
  knex: Knex,
  table: string,
  column: string,
  now: Date = new Date(),
): Promise<{ partition: string; attachMs: number }> {
  const [latest] = rowsOf<{ latest: Date | null }>(
    await knex.raw(`select max(${ident(column)}) as latest from ${ident(table)}`),
  );
  const last = latest?.latest && latest.latest > now ? latest.latest : now;
  const until = monthOf(last, 1);
  const legacy = `${table}_upto_${until.replace('-', '')}`;
  const [seq] = rowsOf<{ seq: string | null }>(
    await knex.raw(`select pg_get_serial_sequence(?, 'id') as seq`, [table]),
  );

  await knex.raw(`alter table ${ident(table)} rename to ${ident(legacy)}`);
  const triggers = rowsOf<{ name: string; def: string; truncate: boolean }>(
    await knex.raw(
      `select tgname as name, pg_get_triggerdef(oid) as def, (tgtype & 32) <> 0 as truncate
         from pg_trigger where tgrelid = ?::regclass and not tgisinternal order by tgname`,
      [legacy],
    ),
  );
  for (const t of triggers) await knex.raw(`drop trigger ${ident(t.name)} on ${ident(legacy)}`);
  const indexes = rowsOf<{ name: string; def: string; primary: boolean; constraint: string | null }>(
    await knex.raw(
      `select i.relname as name, pg_get_indexdef(x.indexrelid) as def, x.indisprimary as primary,
              (select conname from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = x.indrelid) as constraint
         from pg_index x join pg_class i on i.oid = x.indexrelid
        where x.indrelid = ?::regclass order by i.relname`,
      [legacy],
    ),
  );
  const parentIndexes: string[] = [];
  let n = 0;
  for (const index of indexes) {
    if (index.primary) {
      await knex.raw(`alter table ${ident(legacy)} drop constraint ${ident(index.constraint ?? index.name)}`);
      continue;
    }
    n++;
    await knex.raw(`alter index ${ident(index.name)} rename to ${ident(`${legacy}_i${n}`)}`);
    parentIndexes.push(onTable(index.def, legacy, table));
  }

  await knex.raw(
    `create table ${ident(table)} (like ${ident(legacy)} including defaults including constraints including storage)
       partition by range (${ident(column)})`,
  );
  // The sequence must belong to the parent: dropping the old partition (retention, archive) would drop it.
  if (seq?.seq) await knex.raw(`alter sequence ${seq.seq} owned by ${ident(table)}.id`);
  await knex.raw(
    `alter table ${ident(table)} add constraint ${ident(`${table}_pkey`)} primary key (id, ${ident(column)})`,
  );
  for (const def of parentIndexes) await knex.raw(def);
  const started = performance.now();
  await knex.raw(
    `alter table ${ident(table)} attach partition ${ident(legacy)} for values from (minvalue) to (${startOf(until)})`,
  );
  const attachMs = Math.round(performance.now() - started);
  await knex.raw(`create table ${ident(`${table}_default`)} partition of ${ident(table)} default`);
  for (const t of triggers) await knex.raw(onTable(t.def, legacy, table));
  for (const partition of [legacy, `${table}_default`]) await copyTruncateTriggers(knex, table, partition);
  return { partition: legacy, attachMs };
}

/** An index or trigger definition of `from`, rewritten for `to` (pg_get_*def qualifies the table with its schema). */
function onTable(def: string, from: string, to: string): string {
  const pattern = new RegExp(` ON (ONLY )?(\\S+\\.)?"?${from}"? `);
  if (!pattern.test(def)) throw new Error(`cannot move "${def}" from ${from} to ${to}`);
  return def.replace(pattern, ` ON ${ident(to)} `);
}

/** Statement-level TRUNCATE triggers of the parent, copied to one of its partitions. */
async function copyTruncateTriggers(knex: Knex, parent: string, partition: string): Promise<void> {
  const triggers = rowsOf<{ name: string; def: string }>(
    await knex.raw(
      `select tgname as name, pg_get_triggerdef(oid) as def from pg_trigger
        where tgrelid = ?::regclass and not tgisinternal and (tgtype & 32) <> 0`,
      [parent],
    ),
  );
  for (const t of triggers) {
    const exists = rowsOf(
      await knex.raw(`select 1 from pg_trigger where tgrelid = ?::regclass and tgname = ?`, [partition, t.name]),
    );
    if (exists.length === 0) await knex.raw(onTable(t.def, parent, partition));
  }
}

/** The engine's partitioned tables (lodestar_* in the current schema), from the catalog. */
export async function partitionedTables(knex: Knex): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await knex.raw(
      `select c.relname as name from pg_partitioned_table p join pg_class c on c.oid = p.partrelid
        where c.relnamespace = current_schema()::regnamespace and c.relname like 'lodestar\\_%' order by c.relname`,
    ),
  );
  return rows.map((r) => r.name);
}

/** A table's month partitions (the converted old table included; the default partition not), oldest first. */
export async function monthPartitions(knex: Knex, table: string): Promise<MonthPartition[]> {
  const rows = rowsOf<{ name: string }>(
    await knex.raw(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = ?::regclass order by c.relname`,
      [table],
    ),
  );
  const parts: MonthPartition[] = [];
  for (const { name } of rows) {
    const suffix = name.slice(table.length);
    const month = /^_p(\d{4})(\d{2})$/.exec(suffix);
    const upto = /^_upto_(\d{4})(\d{2})$/.exec(suffix);
    if (month) {
      const from = `${month[1]}-${month[2]}`;
      parts.push({ table, name, from, until: nextMonth(from) });
    } else if (upto) parts.push({ table, name, from: null, until: `${upto[1]}-${upto[2]}` });
  }
  return parts.sort((a, b) => a.until.localeCompare(b.until));
}

/**
 * Creates the month partitions from this month to `ahead` months later that no partition covers yet, for
 * every partitioned engine table. A month whose rows are already in the default partition is logged and
 * skipped (its rows stay where they are). Returns the partitions created.
 */
export async function ensureMonthPartitions(
  knex: Knex,
  options: { now?: Date; ahead?: number; log?: PartitionLog } = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const ahead = options.ahead ?? 3;
  const created: string[] = [];
  for (const table of await partitionedTables(knex)) {
    const parts = await monthPartitions(knex, table);
    const covered = (month: string) => parts.some((p) => (p.from === null || p.from <= month) && month < p.until);
    for (let i = 0; i <= ahead; i++) {
      const month = monthOf(now, i);
      if (covered(month)) continue;
      const name = `${table}_p${month.replace('-', '')}`;
      try {
        await knex.transaction(async (trx) => {
          await trx.raw(
            `create table ${ident(name)} partition of ${ident(table)} for values from (${startOf(month)}) to (${startOf(nextMonth(month))})`,
          );
          await copyTruncateTriggers(trx, table, name);
        });
        created.push(name);
        parts.push({ table, name, from: month, until: nextMonth(month) });
      } catch (error) {
        // 42P07: another engine created it just now. 23514: the default partition holds rows of that month.
        const code = (error as { code?: string }).code;
        if (code === '42P07') continue;
        if (options.log)
          options.log.warn(
            { table, month, err: error },
            'could not create a month partition; rows of that month stay in the default partition',
          );
        else throw error;
      }
    }
  }
  if (created.length > 0) options.log?.info({ created }, 'created month partitions');
  return created;
}

/** Detaches and drops a month partition (retention, or after `lodestar archive` wrote it to a file). */
export async function dropPartition(knex: Knex, partition: MonthPartition): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw(`alter table ${ident(partition.table)} detach partition ${ident(partition.name)}`);
    await trx.raw(`drop table ${ident(partition.name)}`);
  });
}

/** Months to keep per partitioned table, by its short name ('history', 'audit'); a table not named keeps everything. */
export type Retention = Partial<Record<string, number>>;

/** The month partitions of `table` whose every row is older than the last `keepMonths` whole months. */
export async function expiredPartitions(
  knex: Knex,
  table: string,
  keepMonths: number,
  now: Date = new Date(),
): Promise<MonthPartition[]> {
  const cutoff = monthOf(now, -keepMonths);
  return (await monthPartitions(knex, table)).filter((p) => p.until <= cutoff);
}

/**
 * The daily upkeep, by one engine at a time (a transaction-scoped advisory lock; the others skip it):
 * month partitions ahead, then the retention settings' drops. Runs at start after the migrations and
 * daily from the schedule worker.
 */
export async function maintainPartitions(
  knex: Knex,
  options: { now?: Date; ahead?: number; retention?: Retention; log?: PartitionLog } = {},
): Promise<{ created: string[]; dropped: string[] } | undefined> {
  return knex.transaction(async (trx) => {
    const [lock] = rowsOf<{ got: boolean }>(
      await trx.raw(`select pg_try_advisory_xact_lock(hashtext('lodestar.partitions')) as got`),
    );
    if (!lock?.got) return undefined;
    const created = await ensureMonthPartitions(trx, options);
    const dropped: string[] = [];
    for (const table of await partitionedTables(trx)) {
      const keep = options.retention?.[table.replace(/^lodestar_/, '')];
      if (keep === undefined || !(keep > 0)) continue;
      for (const partition of await expiredPartitions(trx, table, keep, options.now)) {
        await dropPartition(trx, partition);
        dropped.push(partition.name);
      }
    }
    if (dropped.length > 0) options.log?.info({ dropped }, 'dropped month partitions past their retention');
    return { created, dropped };
  });
}
