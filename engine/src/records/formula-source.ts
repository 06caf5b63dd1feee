import type { Knex } from 'knex';
import type { CompiledEntity } from '../model/compile-model.js';
import { attributesOf } from './attributes.js';
import { quoteIdent } from './quote-ident.js';
import type { Filter } from './types.js';

const sources = new WeakMap<CompiledEntity, string | null>();

/**
 * What a list reads from, aliased `t`: the entity's table, or, when the entity has formulas computed at
 * read time, the table with those values as columns (`select t.*, <formula> as "total" from … as t`).
 * Every condition, sort key, cursor and group of the statement then names `t."total"` like any column,
 * and PostgreSQL flattens the subquery, so indexes on the table still serve the other conditions.
 */
export function recordsSource(knex: Knex, entity: CompiledEntity): Knex.Raw | Record<string, string> {
  let sql = sources.get(entity);
  if (sql === undefined) sources.set(entity, (sql = computedSource(entity)));
  return sql === null ? { t: entity.table.name } : knex.raw(sql);
}

function computedSource(entity: CompiledEntity): string | null {
  const computed = [...attributesOf(entity).byName.values()].filter((a) => a.computed !== undefined);
  if (!computed.length) return null;
  const values = computed.map((a) => `${a.computed} as ${quoteIdent(a.name)}`).join(', ');
  return `(select t.*, ${values} from ${quoteIdent(entity.table.name)} as t) as t`;
}

/** The related table a relation filter reads (aliased `r`), with the filtered formula as a column when it is computed. */
export function relatedSource(knex: Knex, filter: Filter): Knex.Raw | Record<string, string> {
  const table = filter.via!.target!;
  const { computed, name } = filter.attribute;
  if (computed === undefined) return { r: table };
  return knex.raw(`(select t.*, ${computed} as ${quoteIdent(name)} from ${quoteIdent(table)} as t) as r`);
}
