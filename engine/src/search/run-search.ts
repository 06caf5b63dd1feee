import type { Knex } from 'knex';
import type { SearchAnswer, SearchGroup, SearchHit, SearchSpec } from '@lodestar/core';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { ownedPart } from '../permissions/entity-grant.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { quoteIdent } from '../records/quote-ident.js';
import { highlightOf, type Highlight } from './highlight.js';
import { fieldTsQuery, queryTerms, toTsQuery } from './search-query.js';
import { SEARCH_COLUMN } from './search-sql.js';

export interface SearchInput {
  model: Model;
  /** Undefined for an administrator (every record, every field). */
  access: ModelAccess | undefined;
  q: string;
  /** Hits per entity. */
  limit: number;
}

/**
 * Global search: every entity the caller may read that has a search document, each with one statement
 * under the caller's read scope, matching only fields the caller may read (a hidden field's terms are
 * never in the query). Hits of the first searched field (the title) come first: they are asked for
 * separately, so a common term's many other matches cannot crowd them out of the limit.
 */
export async function runSearch(knex: Knex, input: SearchInput): Promise<SearchAnswer> {
  if (!queryTerms(input.q).length) return { q: input.q, groups: [] };
  // The planner cannot estimate how many rows a prefix tsquery matches: under a read scope it walks the owner
  // index or the table hoping to fill the limit early, and when the caller's matches are few (a term only
  // other teams use) that reads every row the scope holds. So search reads the search index only, whose GIN
  // holds the owner beside the document (search-sql.ts): sequential and plain index scans are off for these
  // statements, and an own or team scope is then intersected with the term inside that index.
  return knex.transaction((trx) => searchAll(trx, input));
}

async function searchAll(knex: Knex, input: SearchInput): Promise<SearchAnswer> {
  const terms = queryTerms(input.q);
  // Both for this transaction only, in one round trip.
  await knex.raw(`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`);
  const groups: (SearchGroup & { best: number })[] = [];
  for (const entity of input.model.entities.values()) {
    const view = input.access ? input.access.views.get(entity.id) : entity;
    const spec = entity.table.search;
    if (!view || !spec) continue;
    const readable = readableFields(entity, view);
    const all = toTsQuery(terms, spec, readable);
    if (!all) continue;
    const first = readable(spec.fields[0]!.name) ? fieldTsQuery(terms, spec, spec.fields[0]!.name) : undefined;
    const scoped = input.access?.condition(entity.id, 'read');
    // A team is many owners, and a GIN index runs its scan once per owner of `= any(…)`: the team is a filter over
    // the term's matches instead, which costs what an administrator's search costs plus the rows it skips.
    const team = ownedPart(input.access?.grant(entity.id).read ?? 'all') === 'team';
    const condition = scoped && team ? { sql: `(select ${scoped.sql})`, bindings: scoped.bindings } : scoped;
    const rows = await searchTable(knex, entity, spec, readable, { all, first, condition, limit: input.limit });
    const hits = rows
      .map((row) => ({ row, highlight: highlightOf(input.q, spec, readable, row) }))
      .filter((hit): hit is { row: Record<string, unknown>; highlight: Highlight } => hit.highlight !== undefined)
      .sort((a, b) => score(a) - score(b))
      .slice(0, input.limit);
    if (!hits.length) continue;
    groups.push({
      entity: entity.id,
      best: score(hits[0]!),
      hits: hits.map(({ row, highlight }) => toHit(entity, row, highlight)),
    });
  }
  groups.sort((a, b) => a.best - b.best);
  return { q: input.q, groups: groups.map(({ best: _best, ...group }) => group) };
}

/** Which searched fields the reader may match: in their view, and hidden by no stage. */
export function readableFields(entity: CompiledEntity, view: CompiledEntity): (field: string) => boolean {
  return (field) => view.fields.has(field) && !entity.stageHidden?.has(field);
}

/** Lower is better: the field's rank, then a shorter value (closer to the whole query). */
function score({ row, highlight }: { row: Record<string, unknown>; highlight: Highlight }): number {
  const value = row[highlight.field];
  return highlight.rank * 1000 + Math.min(999, typeof value === 'string' ? value.length : 999);
}

async function searchTable(
  knex: Knex,
  entity: CompiledEntity,
  spec: SearchSpec,
  readable: (field: string) => boolean,
  query: {
    all: string;
    first: string | undefined;
    condition: { sql: string; bindings: unknown[] } | undefined;
    limit: number;
  },
): Promise<Record<string, unknown>[]> {
  const table = quoteIdent(entity.table.name);
  const doc = `t.${quoteIdent(SEARCH_COLUMN)}`;
  const scope = query.condition ? ` and (${query.condition.sql})` : '';
  const scopeBindings = query.condition?.bindings ?? [];
  const columns = ['t.id', ...spec.fields.filter((f) => readable(f.name)).map((f) => `t.${quoteIdent(f.name)}`)];
  const title = entity.definition['x-entity'].titleField;
  const titleColumn = entity.table.columns.some((c) => c.name === title) && readable(title);
  if (titleColumn && !spec.fields.some((f) => f.name === title)) columns.push(`t.${quoteIdent(title)}`);
  // Twice the limit of candidates from each half: the ranking in JS then picks the best.
  const take = query.limit * 2;
  const parts: string[] = [];
  const bindings: unknown[] = [];
  if (query.first) {
    parts.push(`(select t.id from ${table} as t where ${doc} @@ ?::tsquery${scope} limit ?)`);
    bindings.push(query.first, ...scopeBindings, take);
  }
  parts.push(`(select t.id from ${table} as t where ${doc} @@ ?::tsquery${scope} limit ?)`);
  bindings.push(query.all, ...scopeBindings, take);
  const sql = `select ${columns.join(', ')} from ${table} as t where t.id in (${parts.join(' union ')})`;
  const result = await knex.raw(sql, bindings as Knex.RawBinding[]);
  return result.rows as Record<string, unknown>[];
}

function toHit(entity: CompiledEntity, row: Record<string, unknown>, highlight: Highlight): SearchHit {
  const title = row[entity.definition['x-entity'].titleField];
  return {
    id: row.id as string,
    title: title === undefined || title === null ? '' : String(title),
    field: highlight.field,
    fragment: highlight.fragment,
    ...(highlight.start !== undefined && { start: highlight.start, end: highlight.end! }),
    match: highlight.match,
  };
}
