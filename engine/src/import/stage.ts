import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { from as copyFrom } from 'pg-copy-streams';
import type { CompiledEntity } from '../model/compile-model.js';
import { quoteIdent } from '../records/quote-ident.js';
import type { Row } from '../records/records-repo.js';

/*
 * The import's staging table: a TEMP copy of the entity table's columns and defaults (no keys, indexes or
 * generated columns), dropped when the import's transaction ends, however it ends. A batch's accepted rows
 * are loaded into it with COPY … FROM STDIN on PostgreSQL, or, on PGlite (no COPY from a client stream), with
 * one INSERT … SELECT FROM unnest() of one text array per column; the entity table then takes them all in one
 * INSERT … SELECT. A column a row leaves out takes the table's default in the stage, as it would in the table.
 */

const STAGE = 'lodestar_import_stage';
/** The stage's own column: the row's place in its batch, so records go in in file order. */
const ORDER = '__n';

interface StageColumn {
  name: string;
  /** The column's type without its modifier: a cast to it never truncates (the stage's column checks the length). */
  type: string;
}

interface CopyConnection {
  query(stream: ReturnType<typeof copyFrom>): ReturnType<typeof copyFrom>;
}

export class Stage {
  private constructor(
    private readonly table: string,
    /** The entity table's columns a row may fill: not generated, not identity. */
    readonly columns: StageColumn[],
  ) {}

  /** Creates the stage in the transaction, like the entity's table. */
  static async open(trx: Knex, entity: CompiledEntity): Promise<Stage> {
    const table = quoteIdent(entity.table.name);
    const { rows } = (await trx.raw(
      `select a.attname as name, format_type(a.atttypid, null) as type from pg_attribute as a
        where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' and a.attidentity = ''
        order by a.attnum`,
      [table],
    )) as { rows: StageColumn[] };
    await trx.raw(`create temp table ${STAGE} (like ${table} including defaults) on commit drop`);
    await trx.raw(`alter table ${STAGE} add column ${ORDER} int`);
    return new Stage(STAGE, rows);
  }

  /** Empties the stage and loads `rows` into it (on the import's transaction or a savepoint of it). */
  async load(db: Knex, rows: Row[]): Promise<void> {
    await db.raw(`truncate ${this.table}`);
    const known = new Set(this.columns.map((c) => c.name));
    const groups = new Map<string, { names: string[]; rows: [number, Row][] }>();
    rows.forEach((row, n) => {
      const names = Object.keys(row)
        .filter((name) => {
          if (!known.has(name)) throw new Error(`the import's stage has no column ${name}`);
          return row[name] !== undefined;
        })
        .sort();
      const signature = names.join('\u0000');
      const group = groups.get(signature) ?? { names, rows: [] };
      group.rows.push([n, row]);
      groups.set(signature, group);
    });
    for (const { names, rows: numbered } of groups.values())
      if (db.client.config.client === 'pg') await this.copy(db, names, numbered);
      else await this.unnest(db, names, numbered);
  }

  /**
   * `insert into <table> … select … from stage`, every stage column, in file order, answering `returning`. A row
   * whose unique key another writer committed since the batch's lookups is skipped (see `skipped`), not fatal.
   */
  insertSql(entity: CompiledEntity, returning: string): { sql: string; bindings: Knex.RawBinding[] } {
    const names = this.columns.map((c) => quoteIdent(c.name)).join(', ');
    return {
      sql: `insert into ${quoteIdent(entity.table.name)} as t (${names}) select ${names} from ${this.table} order by ${ORDER} on conflict do nothing returning ${returning}`,
      bindings: [],
    };
  }

  /** The places (in the loaded rows) of the staged rows the insert skipped. */
  async skipped(db: Knex, entity: CompiledEntity): Promise<number[]> {
    const { rows } = (await db.raw(
      `select s.${ORDER} as n from ${this.table} as s where not exists (select 1 from ${quoteIdent(entity.table.name)} as t where t.id = s.id) order by 1`,
    )) as { rows: { n: number }[] };
    return rows.map((r) => Number(r.n));
  }

  /** One COPY per set of columns the rows name. */
  private async copy(db: Knex, names: string[], rows: [number, Row][]): Promise<void> {
    const lines: string[] = [];
    for (const [n, row] of rows) lines.push(`${n}\t${names.map((name) => copyText(row[name])).join('\t')}\n`);
    // The transaction's own connection (a transaction's client always answers it).
    const connection = (await db.client.acquireConnection()) as CopyConnection;
    try {
      const list = [ORDER, ...names].map(quoteIdent).join(', ');
      await pipeline(
        Readable.from([lines.join('')]),
        connection.query(copyFrom(`copy ${this.table} (${list}) from stdin`)),
      );
    } finally {
      await db.client.releaseConnection(connection);
    }
  }

  private async unnest(db: Knex, names: string[], rows: [number, Row][]): Promise<void> {
    const types = new Map(this.columns.map((c) => [c.name, c.type]));
    const arrays = [rows.map(([n]) => String(n)), ...names.map((name) => rows.map(([, row]) => pgText(row[name])))];
    const aliases = arrays.map((_a, i) => `c${i}`);
    const casts = [`c0::int`, ...names.map((name, i) => `c${i + 1}::${types.get(name)!}`)];
    await db.raw(
      `insert into ${this.table} (${[ORDER, ...names].map(quoteIdent).join(', ')})
        select ${casts.join(', ')} from unnest(${arrays.map(() => '?::text[]').join(', ')}) as u(${aliases.join(', ')})`,
      arrays.map(arrayLiteral),
    );
  }
}

/** A value as PostgreSQL's text input reads it; null for SQL NULL. */
export function pgText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value.map((item) => (item === null ? null : String(item))));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `{"a","b",NULL}`: a text array literal. */
function arrayLiteral(items: (string | null)[]): string {
  return `{${items.map((item) => (item === null ? 'NULL' : `"${item.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/** A value as one field of COPY's text format: backslash escapes, `\N` for NULL. */
function copyText(value: unknown): string {
  const text = pgText(value);
  if (text === null) return '\\N';
  return text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}
