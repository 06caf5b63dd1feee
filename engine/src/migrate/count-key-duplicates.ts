import type { Knex } from 'knex';
import { keyPartSql, forKnex } from '../schema/key-sql.js';
import type { Step } from './plan.js';

type AddKey = Extract<Step, { kind: 'addKeyIndex' }>;

interface Names {
  table(name: string): string;
  column(table: string, name: string): string;
}

/** How many duplicate groups a blocked key lists, so the admin can find them. */
const EXAMPLES = 5;

/**
 * A new unique key over existing rows: how many rows share their normalised key with another row
 * (blank keys never do), and a few of the stored values they share. Columns the plan still has to
 * add hold no values yet; lookup indexes of duplicate checks are never blocked, so they count nothing.
 */
export async function countKeyDuplicates(knex: Knex, step: AddKey, names: Names): Promise<AddKey> {
  if (!step.key.unique) return step;
  const table = names.table(step.table);
  if (!(await knex.schema.hasTable(table))) return { ...step, rows: 0 };
  const parts: { raw: string; sql: string }[] = [];
  for (const part of step.key.parts) {
    const column = names.column(step.table, part.column);
    if (!(await knex.schema.hasColumn(table, column))) return { ...step, rows: 0 };
    // Cast first: a column the same plan retypes still has its old type here.
    parts.push({ raw: `(${quote(column)})::text`, sql: keyPartSql(`(${quote(column)})::text`, part.steps, true) });
  }
  const columns = parts.flatMap((part, i) => [`${part.sql} as k${i}`, `${part.raw} as r${i}`]).join(', ');
  const present = parts.map((part) => `${part.sql} <> ''`).join(' AND ');
  const keys = parts.map((_, i) => `k${i}`).join(', ');
  const values = parts.map((_, i) => `min(r${i}) as v${i}`).join(', ');
  const sql = `select count(*) as n, ${values} from (select ${columns} from ${quote(table)} where ${present}) as keyed
    group by ${keys} having count(*) > 1 order by count(*) desc, ${keys}`;
  const result = (await knex.raw(forKnex(sql))) as { rows: Record<string, unknown>[] } | Record<string, unknown>[];
  const groups = Array.isArray(result) ? result : result.rows;
  const total = groups.reduce((sum, group) => sum + Number(group.n), 0);
  const duplicates = groups.slice(0, EXAMPLES).map((group) => parts.map((_, i) => String(group[`v${i}`] ?? '')));
  return { ...step, rows: total, ...(duplicates.length && { duplicates }) };
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
