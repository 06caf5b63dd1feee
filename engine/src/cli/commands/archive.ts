import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import cliProgress from 'cli-progress';
import type { Knex } from 'knex';
import { to as copyTo } from 'pg-copy-streams';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connect.js';
import { monthOf, monthPartitions, partitionedTables, type MonthPartition } from '../../db/partitions.js';
import { LodestarError, type Text } from '../../errors.js';
import type { Lang } from '../lang.js';
import { ARCHIVE_MESSAGES } from './archive-messages.js';
import { withDb } from './open-db.js';

class ArchiveRefused extends LodestarError {
  readonly status = 409;
  readonly type = 'archive-refused';
  readonly title = 'Archive refused';
}

type Messages = (typeof ARCHIVE_MESSAGES)['en'];
const refuse = (words: (t: Messages) => string) =>
  new ArchiveRefused({ en: words(ARCHIVE_MESSAGES.en), zh: words(ARCHIVE_MESSAGES.zh) } satisfies Text);

export interface ArchiveOptions {
  before: string;
  to?: string;
  includeAudit?: boolean;
}

export interface ArchivedPartition {
  partition: string;
  file: string;
  rows: number;
}

/** `lodestar archive <table> --before YYYY-MM [--to dir] [--include-audit]`. */
export async function runArchive(config: Config, table: string, options: ArchiveOptions, lang: Lang): Promise<void> {
  await withDb(config, (db) => archivePartitions(db, table, options, lang));
}

/**
 * Writes each whole month partition of `table` ('history', 'audit') before `options.before` to
 * `<dir>/<partition>.csv.gz` and then detaches and drops it, one transaction per partition: the partition is
 * locked while it is read, the file is complete (written aside, then renamed) before the drop commits, and a
 * failure leaves that partition in the database. PostgreSQL streams COPY … TO STDOUT; PGlite, which has no
 * client COPY stream, reads the rows in id order, a batch at a time, as the same CSV text.
 */
export async function archivePartitions(
  db: Db,
  table: string,
  options: ArchiveOptions,
  lang: Lang,
  now: Date = new Date(),
): Promise<ArchivedPartition[]> {
  const t = ARCHIVE_MESSAGES[lang];
  const knex = db.knex;
  const parent = table.startsWith('lodestar_') ? table : `lodestar_${table}`;
  const tables = await partitionedTables(knex);
  if (!tables.includes(parent))
    throw refuse((m) => m.notPartitioned(table, tables.map((n) => n.replace(/^lodestar_/, '')).join(', ')));
  if (parent.endsWith('_audit') && !options.includeAudit) throw refuse((m) => m.auditNeedsFlag);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.before)) throw refuse((m) => m.badMonth(options.before));
  if (options.before > monthOf(now)) throw refuse((m) => m.thisMonth(options.before));
  const dir = resolve(options.to ?? '.');
  const parts = (await monthPartitions(knex, parent)).filter((p) => p.until <= options.before);
  if (parts.length === 0) {
    console.log(t.nothing(table, options.before));
    return [];
  }
  mkdirSync(dir, { recursive: true });
  const done: ArchivedPartition[] = [];
  for (const [i, part] of parts.entries()) {
    const started = Date.now();
    const file = join(dir, `${part.name}.csv.gz`);
    const partial = `${file}.partial`;
    try {
      const rows = await knex.transaction(async (trx) => {
        // No row may reach the partition between the read and the drop.
        await trx.raw(`lock table ${ident(part.name)} in share mode`);
        const [count] = (await trx.raw(`select count(*)::int as n from ${ident(part.name)}`)).rows as { n: number }[];
        const total = count?.n ?? 0;
        console.error(t.partition(i + 1, parts.length, part.name, total));
        const bar = process.stderr.isTTY
          ? new cliProgress.SingleBar({ format: t.bar, hideCursor: true, stream: process.stderr })
          : undefined;
        bar?.start(total, 0);
        let seen = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            for (const byte of chunk) if (byte === 10) seen++;
            bar?.update(Math.min(total, Math.max(0, seen - 1)));
            callback(null, chunk);
          },
        });
        const csv = db.kind === 'postgres' ? await copyStream(trx, part) : await batchStream(trx, part);
        try {
          await pipeline(csv.stream, counter, createGzip(), createWriteStream(partial));
        } finally {
          await csv.release();
          bar?.update(total);
          bar?.stop();
        }
        await trx.raw(`alter table ${ident(part.table)} detach partition ${ident(part.name)}`);
        await trx.raw(`drop table ${ident(part.name)}`);
        renameSync(partial, file);
        return total;
      });
      const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
      console.log(t.archived(part.name, file, rows, mb, ((Date.now() - started) / 1000).toFixed(1)));
      done.push({ partition: part.name, file, rows });
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
  }
  console.log(t.done(done.length, dir));
  return done;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface CopyConnection {
  query(stream: ReturnType<typeof copyTo>): ReturnType<typeof copyTo>;
}

/** COPY … TO STDOUT on the transaction's own connection. */
async function copyStream(trx: Knex, part: MonthPartition) {
  const connection = (await trx.client.acquireConnection()) as CopyConnection;
  const stream = connection.query(
    copyTo(`copy (select * from ${ident(part.name)} order by id) to stdout with (format csv, header)`),
  );
  return { stream, release: () => trx.client.releaseConnection(connection) as Promise<void> };
}

/** The same CSV from batches of rows read as text, in id order (PGlite). */
async function batchStream(trx: Knex, part: MonthPartition) {
  const columns = (
    (
      await trx.raw(
        `select attname as name from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped order by attnum`,
        [part.name],
      )
    ).rows as { name: string }[]
  ).map((c) => c.name);
  const field = (value: string | null) => (value === null ? '' : `"${value.replace(/"/g, '""')}"`);
  const list = columns.map((c) => `${ident(c)}::text`).join(', ');
  async function* lines() {
    yield `${columns.join(',')}\n`;
    let after = '-1';
    for (;;) {
      const rows = (
        await trx.raw(
          `select id::text as id, array[${list}] as v from ${ident(part.name)} where id > ?::bigint order by id limit 5000`,
          [after],
        )
      ).rows as { id: string; v: (string | null)[] }[];
      if (rows.length === 0) return;
      yield rows.map((r) => `${r.v.map(field).join(',')}\n`).join('');
      after = rows[rows.length - 1]!.id;
    }
  }
  return { stream: Readable.from(lines()), release: async () => undefined };
}
