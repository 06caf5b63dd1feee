import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { noteStatement } from './committed-writes.js';

interface Statement {
  name: string;
  /** The text with knex's `?` placeholders turned into `$1…$n`. */
  text: string;
}

interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[]; types?: unknown }): Promise<{ rows: unknown[] }>;
}

/** Per-statement options: `types` replaces node-postgres' type parsers (see type-parsers.ts). */
export interface PreparedOptions {
  types?: unknown;
}

const statements = new Map<string, Statement>();
/** Statements already in `$n` form (from a query builder): text → name. */
const nativeNames = new Map<string, string>();
let generation = 0;
/** Whether statements are sent named (prepared once per connection) or unnamed (see `useUnnamedStatements`). */
let named = true;

/**
 * Sends every statement unnamed from now on (LODESTAR_STATEMENTS=unnamed): behind a PgBouncer in transaction
 * mode older than 1.21 (Debian 12 ships 1.18), the next statement may run on a server connection that never
 * saw a name prepared on another one. Unnamed statements are parsed and planned on every call instead.
 */
export function useUnnamedStatements(unnamed = true): void {
  named = !unnamed;
}

/**
 * Names every statement anew from now on. Called when a new model version is loaded: a statement
 * prepared before a column changed type keeps its old parameter and result types (PostgreSQL then
 * refuses it or casts to the old type), and the same SQL text would otherwise find it again.
 */
export function renewPreparedStatements(): void {
  generation++;
  statements.clear();
  nativeNames.clear();
}

/**
 * Runs a hot statement as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every call, and outside a transaction it goes straight to a pooled
 * node-postgres connection, skipping knex's query pipeline (measured: half the client CPU per
 * query). Inside a transaction, or on PGlite, it runs through knex as usual. Only for statements
 * with explicit result columns: a prepared `select *` would break when a publish alters the table.
 */
export async function runPrepared<R>(
  knex: Knex,
  sql: string,
  bindings: readonly Knex.RawBinding[],
  options: PreparedOptions = {},
): Promise<R[]> {
  const statement = statementOf(sql);
  if (knex.isTransaction || knex.client.config.client !== 'pg') {
    const result = (await knex
      .raw(sql, bindings as Knex.RawBinding[])
      .options({ ...(named && { name: statement.name }), ...options })) as {
      rows: R[];
    };
    return result.rows;
  }
  return onPooledConnection<R>(knex, sql, { ...statement, values: bindings as unknown[], ...options });
}

/**
 * A query builder's statement run like `runPrepared` (lists are built with knex, then sent prepared:
 * a list page's plan is most of its database time). On PGlite or inside a transaction it runs as built.
 */
export async function runBuilderPrepared<R>(
  builder: Knex.QueryBuilder,
  knex: Knex,
  options: PreparedOptions = {},
): Promise<R[]> {
  if (knex.isTransaction || knex.client.config.client !== 'pg') return (await builder.options(options)) as R[];
  const native = builder.toSQL().toNative();
  let name = nativeNames.get(native.sql);
  if (!name) {
    name = nameOf(native.sql);
    if (nativeNames.size > 5000) nativeNames.clear();
    nativeNames.set(native.sql, name);
  }
  return onPooledConnection<R>(knex, native.sql, {
    name,
    text: native.sql,
    values: native.bindings as unknown[],
    ...options,
  });
}

async function onPooledConnection<R>(
  knex: Knex,
  sql: string,
  { name, ...query }: { name: string; text: string; values: unknown[]; types?: unknown },
): Promise<R[]> {
  const connection = (await knex.client.acquireConnection()) as PgConnection;
  try {
    const rows = (await connection.query(named ? { name, ...query } : query)).rows as R[];
    noteStatement(sql);
    return rows;
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

// The name is a hash of the text and the generation, so a new model version gets new statements.
function statementOf(sql: string): Statement {
  let statement = statements.get(sql);
  if (!statement) {
    let n = 0;
    statement = {
      name: nameOf(sql),
      text: sql.replace(/\?/g, () => `$${++n}`),
    };
    if (statements.size > 5000) statements.clear();
    statements.set(sql, statement);
  }
  return statement;
}

function nameOf(sql: string): string {
  return `lodestar_${createHash('sha1').update(`${generation}:${sql}`).digest('hex').slice(0, 24)}`;
}
