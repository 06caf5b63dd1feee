import type { Knex } from 'knex';
import { normalizeKey, UUID_RE, type KeyIndexSpec } from '@lodestar/core';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { listActiveDirectory } from '../identity/users-repo.js';
import { quoteIdent } from '../records/quote-ident.js';
import { forKnex, keyPartSql, keyPresentSql } from '../schema/key-sql.js';

/*
 * The set-based reads an import makes per batch: existing records by a unique key, relation targets by
 * key or title, and people by email or name. One statement per key and batch, on the key's own index.
 */

/**
 * Key lookups must walk the unique keys' partial expression indexes: those have no statistics until the table
 * is analyzed, and the planner would rather compute the key of every row (a sequential scan per batch makes a
 * large import quadratic). Set for the import's transaction only, as the duplicate check does per statement.
 */
export async function preferIndexes(trx: Knex): Promise<void> {
  await trx.raw('set local enable_seqscan = off');
  // A disabled scan costs 10^10, far past JIT's thresholds: the staged INSERT … SELECT (a scan of the stage) was
  // JIT-compiled with inlining on every batch, ~0.2–1 s each (measured with EXPLAIN ANALYZE).
  await trx.raw('set local jit = off');
}

/** The unique keys of an entity (x-entity.unique), as their indexes compute them. */
export function uniqueKeys(entity: CompiledEntity): KeyIndexSpec[] {
  return (entity.table.keys ?? []).filter((key) => key.unique);
}

/** A key's value in a record as its index normalises it; undefined when a part is blank (blank never conflicts). */
export function keyValue(key: KeyIndexSpec, fields: Record<string, unknown>): string[] | undefined {
  const parts: string[] = [];
  for (const part of key.parts) {
    const value = fields[part.column];
    if (value === null || value === undefined) return undefined;
    const text = part.steps.length ? normalizeKey(String(value), part.steps) : String(value);
    if (part.steps.length && text === '') return undefined;
    parts.push(text);
  }
  return parts;
}

export const joinKey = (parts: readonly string[]): string => parts.join('\u001f');

/** A PostgreSQL array literal of texts: knex.raw would expand a JS array into a list of placeholders. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/** A stored record a key names: its id and version, and whether the importer's update scope reaches it. */
export interface Existing {
  id: string;
  version: number;
  allowed: boolean;
}

/** The records holding any of the given key values (normalised), by joined value. */
export async function existingByKey(
  db: Knex,
  entity: CompiledEntity,
  key: KeyIndexSpec,
  values: string[][],
  access: ModelAccess | undefined,
): Promise<Map<string, Existing>> {
  const found = new Map<string, Existing>();
  if (!values.length) return found;
  const exprs = key.parts.map((part) =>
    part.steps.length ? forKnex(keyPartSql(part.column, part.steps)) : `${quoteIdent(part.column)}::text`,
  );
  const tuple = `(${key.parts.map(() => '?::text').join(', ')})`;
  const condition = access?.condition(entity.id, 'update', 't');
  const allowed = condition ? `(${condition.sql})` : 'true';
  const sql =
    `select t.id, t.version, ${allowed} as allowed, ${exprs.map((e, i) => `${e} as k${i}`).join(', ')} ` +
    `from ${quoteIdent(entity.table.name)} as t where (${exprs.join(', ')}) in (${values.map(() => tuple).join(', ')})` +
    // The unique index is partial (blank keys never conflict): its predicate lets the planner use it.
    (key.unique ? ` and ${forKnex(keyPresentSql(key))}` : '');
  const { rows } = (await db.raw(sql, [...((condition?.bindings ?? []) as Knex.RawBinding[]), ...values.flat()])) as {
    rows: Record<string, unknown>[];
  };
  for (const row of rows)
    found.set(joinKey(key.parts.map((_p, i) => String(row[`k${i}`]))), {
      id: row.id as string,
      version: Number(row.version),
      allowed: Boolean(row.allowed),
    });
  return found;
}

/** What a relation cell names: one record, several (a title shared), or none the importer may read. */
export type Resolved = { id: string } | { ambiguous: true } | undefined;

/**
 * Resolves relation cells to record ids of `target`: an id as is, else a single-field unique key of the
 * target (a customer by credit code), else its title field (by name). Only records `sight` may read count.
 */
export async function resolveTargets(
  db: Knex,
  model: Model,
  target: string,
  texts: string[],
  sight: ModelAccess | undefined,
): Promise<Map<string, Resolved>> {
  const entity = model.entities.get(target)!;
  const answers = new Map<string, Resolved>();
  const condition = sight?.condition(target, 'read', 't');
  const scope = condition ? ` and (${condition.sql})` : '';
  const scopeBindings = (condition?.bindings ?? []) as Knex.RawBinding[];
  const table = quoteIdent(entity.table.name);
  const ids = texts.filter((text) => UUID_RE.test(text));
  if (ids.length) {
    const { rows } = (await db.raw(`select t.id from ${table} as t where t.id = any(?::uuid[])${scope}`, [
      textArray(ids),
      ...scopeBindings,
    ])) as { rows: { id: string }[] };
    for (const row of rows) answers.set(row.id, { id: row.id });
  }
  let open = texts.filter((text) => !answers.has(text));
  for (const key of uniqueKeys(entity).filter((k) => k.parts.length === 1)) {
    if (!open.length) break;
    const part = key.parts[0]!;
    const expr = part.steps.length ? forKnex(keyPartSql(part.column, part.steps)) : `${quoteIdent(part.column)}::text`;
    const byValue = new Map(open.map((text) => [part.steps.length ? normalizeKey(text, part.steps) : text, text]));
    const { rows } = (await db.raw(
      `select t.id, ${expr} as k from ${table} as t where ${expr} = any(?::text[]) and ${forKnex(keyPresentSql(key))}${scope}`,
      [textArray([...byValue.keys()]), ...scopeBindings],
    )) as { rows: { id: string; k: string }[] };
    for (const row of rows) {
      const text = byValue.get(row.k);
      if (text !== undefined) answers.set(text, { id: row.id });
    }
    open = open.filter((text) => !answers.has(text));
  }
  const titleField = entity.definition['x-entity'].titleField;
  if (open.length && titleField && entity.fields.get(titleField)?.column) {
    const { rows } = (await db.raw(
      `select t.id, t.${quoteIdent(titleField)} as k from ${table} as t where t.${quoteIdent(titleField)} = any(?::text[])${scope}`,
      [textArray(open), ...scopeBindings],
    )) as { rows: { id: string; k: string }[] };
    for (const row of rows) answers.set(row.k, answers.has(row.k) ? { ambiguous: true } : { id: row.id });
  }
  return answers;
}

/** Active people by email (case-insensitive) and by display name; a name two people share is ambiguous. */
export async function peopleDirectory(db: Knex): Promise<(text: string) => Resolved> {
  const byEmail = new Map<string, string>();
  const byName = new Map<string, Resolved>();
  for (const user of await listActiveDirectory(db)) {
    byEmail.set(user.email.toLowerCase(), user.id);
    const name = user.display_name.trim();
    byName.set(name, byName.has(name) ? { ambiguous: true } : { id: user.id });
  }
  const ids = new Set(byEmail.values());
  return (text) => {
    const trimmed = text.trim();
    if (ids.has(trimmed)) return { id: trimmed };
    const email = byEmail.get(trimmed.toLowerCase());
    return email ? { id: email } : byName.get(trimmed);
  };
}
