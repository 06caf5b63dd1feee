import type { SearchSpec } from '@lodestar/core';
import { quoteIdent } from '../records/quote-ident.js';

/** The column holding an entity's search document (snake_case: no field can be called this). */
export const SEARCH_COLUMN = 'search_doc';

/** Every character's reading, for writers that compute documents themselves (pinyin-table.ts). */
export const PINYIN_ROWS_SQL = 'select ch, syllable from lodestar_pinyin';

/** Each field's terms carry its position as a letter (`a_科技` is the title's), so a query names fields. */
export function fieldTag(index: number): string {
  return String.fromCharCode(97 + index);
}

const MODE_LETTER = { text: 't', pinyin: 'p', phone: 'n' } as const;

/**
 * The document's expression over the row's columns: `lodestar_search_doc(ARRAY[…], 'pt…')`. Names are
 * validated identifiers, quoted; the function (engine migration 014) is IMMUTABLE.
 */
export function searchDocSql(spec: SearchSpec): string {
  const values = spec.fields.map((field) => `${quoteIdent(field.name)}::text`).join(', ');
  return `lodestar_search_doc(ARRAY[${values}]::text[], '${searchModes(spec)}')`;
}

/** One letter per field: how its value is cut into terms. */
function searchModes(spec: SearchSpec): string {
  return spec.fields.map((field) => MODE_LETTER[field.mode]).join('');
}

/**
 * The trigger that keeps the document: before an insert that brings none, and before an update that sets a
 * column it reads (a transition's update sets none, so it costs nothing there). Writers that hold the row
 * compute the document themselves (search-terms.ts) and the trigger only checks it is there.
 */
export function searchTriggerSql(table: string, spec: SearchSpec): string {
  const columns = spec.fields.map((field) => quoteIdent(field.name)).join(', ');
  const args = [searchModes(spec), ...spec.fields.map((field) => field.name)].map((arg) => `'${arg}'`).join(', ');
  return `create trigger ${quoteIdent(searchTriggerName(table))} before insert or update of ${columns} on ${quoteIdent(table)}
    for each row execute function lodestar_search_fill(${args})`;
}

/** The trigger's name on its table. */
export function searchTriggerName(table: string): string {
  return `${table}_search_doc`.slice(0, 63);
}

/**
 * The search index: GIN over the owner and the document (btree_gin), so a search under an own or team scope
 * intersects the term's postings with the owners' inside the index, and costs what the reader's matches
 * cost; a search without a scope uses the same index on the document alone.
 */
export function searchIndexSql(table: string): string {
  return `create index ${quoteIdent(searchIndexName(table))} on ${quoteIdent(table)} using gin (owner_id, ${quoteIdent(SEARCH_COLUMN)})`;
}

/** The GIN index on the search column. */
export function searchIndexName(table: string): string {
  return `${table}_search_doc_gin`.slice(0, 63);
}

/**
 * The terms of one value, the same in SQL: lower case; each run of Chinese characters as its character
 * bigrams and its last character (so any 2-character term is one lexeme, and one character is a prefix);
 * Latin letters and digits as words; a phone's digits as every suffix (a fragment is then a prefix);
 * a pinyin field's Chinese runs also as full pinyin and initials from each character on (zw, zhangwei, wei).
 * The pinyin comes from `lodestar_pinyin` (one row per character, filled from pinyin-pro at migration).
 * One statement each: PGlite prepares every statement and refuses several in one. `lodestar_search_fill` is
 * the tables' trigger function: its first argument is the modes, the others the columns it reads.
 */
export const SEARCH_FUNCTIONS_SQL: string[] = [
  // The search index holds the owner beside the document (searchIndexSql); trusted, so a database owner may add it.
  'create extension if not exists btree_gin',
  String.raw`
create or replace function lodestar_search_terms(value text, mode text) returns text[]
language plpgsql immutable parallel safe as $fn$
declare
  v text := lower(coalesce(value, ''));
  terms text[] := '{}';
  run text;
  n int;
  syllables text[];
  digits text;
begin
  if v = '' then return terms; end if;
  if mode = 'n' then
    digits := left(regexp_replace(v, '[^0-9]', '', 'g'), 24);
    for i in 1..char_length(digits) loop terms := terms || substr(digits, i); end loop;
  end if;
  for run in select m[1] from regexp_matches(v, '([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)', 'g') as m loop
    n := char_length(run);
    for i in 1..n - 1 loop terms := terms || substr(run, i, 2); end loop;
    terms := terms || substr(run, n, 1);
    if mode = 'p' and n <= 8 then
      select array_agg(p.syllable order by c.i) into syllables
        from unnest(string_to_array(run, null)) with ordinality as c(ch, i)
        join lodestar_pinyin p on p.ch = c.ch;
      if syllables is not null then
        for i in 1..cardinality(syllables) loop
          terms := terms || array_to_string(syllables[i:], '');
          terms := terms || (select string_agg(left(s, 1), '') from unnest(syllables[i:]) as s);
        end loop;
      end if;
    end if;
  end loop;
  for run in select m[1] from regexp_matches(v, '([a-z0-9]+)', 'g') as m loop
    terms := terms || left(run, 60);
  end loop;
  return terms;
end
$fn$`,
  String.raw`
create or replace function lodestar_search_doc(vals text[], modes text) returns tsvector
language plpgsql immutable parallel safe as $fn$
declare
  terms text[] := '{}';
begin
  for i in 1..cardinality(vals) loop
    if vals[i] is not null then
      terms := terms || (select coalesce(array_agg(chr(96 + i) || '_' || t), '{}')
        from unnest(lodestar_search_terms(vals[i], substr(modes, i, 1))) as t);
    end if;
  end loop;
  return array_to_tsvector(terms);
end
$fn$`,
  String.raw`
create or replace function lodestar_search_fill() returns trigger
language plpgsql as $fn$
declare
  fields jsonb;
  vals text[] := '{}';
begin
  if tg_op = 'INSERT' and new.search_doc is not null then return new; end if;
  fields := to_jsonb(new);
  for i in 1..tg_nargs - 1 loop
    vals := vals || (fields ->> tg_argv[i]);
  end loop;
  new.search_doc := lodestar_search_doc(vals, tg_argv[0]);
  return new;
end
$fn$`,
];
