import {
  COMPANY_SUFFIX_PATTERN,
  KEY_STEP_ORDER,
  LOWER_CHARS,
  NARROW_CHARS,
  PUNCTUATION_CHARS,
  SPACE_CHARS,
  UPPER_CHARS,
  WIDE_CHARS,
  type KeyIndexSpec,
  type KeyStep,
} from '@lodestar/core';
import { quoteIdent } from '../records/quote-ident.js';

/*
 * The SQL of key normalisation, built from core's character tables (key-normalize.ts), so the index
 * and the browser agree by construction. Only IMMUTABLE functions (translate, btrim, regexp_replace),
 * which an index expression requires; no lower() or locale-dependent classes, whose results depend on
 * the database's collation.
 */

/** One part of a key as SQL over `column` (a column name or an already quoted expression). */
export function keyPartSql(column: string, steps: readonly KeyStep[], quoted = false): string {
  let sql = quoted ? column : quoteIdent(column);
  if (!steps.length) return sql;
  sql = `(${sql})::text`;
  for (const step of KEY_STEP_ORDER) {
    if (!steps.includes(step)) continue;
    if (step === 'width') sql = `translate(${sql}, ${literal(WIDE_CHARS)}, ${literal(NARROW_CHARS)})`;
    else if (step === 'case') sql = `translate(${sql}, ${literal(UPPER_CHARS)}, ${literal(LOWER_CHARS)})`;
    else if (step === 'punctuation') sql = `translate(${sql}, ${literal(PUNCTUATION_CHARS)}, '')`;
    else if (step === 'spaces') sql = `translate(${sql}, ${literal(SPACE_CHARS)}, '')`;
    else if (step === 'trim') sql = `btrim(${sql}, ${literal(SPACE_CHARS)})`;
    else sql = `regexp_replace(${sql}, ${literal(COMPANY_SUFFIX_PATTERN)}, '')`;
  }
  return sql;
}

/** The condition that leaves rows with a blank part out of the index: blank values never conflict. */
export function keyPresentSql(key: KeyIndexSpec): string {
  return key.parts
    .map((part) =>
      part.steps.length ? `${keyPartSql(part.column, part.steps)} <> ''` : `${quoteIdent(part.column)} IS NOT NULL`,
    )
    .join(' AND ');
}

/** `CREATE [UNIQUE] INDEX`: a unique key, or a duplicate check's lookup index (prefix searches too). */
export function createKeyIndexSql(table: string, key: KeyIndexSpec): string {
  const opclass = key.unique ? '' : ' text_pattern_ops';
  const parts = key.parts.map((part) => `(${keyPartSql(part.column, part.steps)})${opclass}`).join(', ');
  return `CREATE ${key.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(key.name)} ON ${quoteIdent(table)} (${parts}) WHERE ${keyPresentSql(key)}`;
}

export function dropKeyIndexSql(key: KeyIndexSpec): string {
  return `DROP INDEX IF EXISTS ${quoteIdent(key.name)}`;
}

/** SQL text handed to knex.raw: knex reads `?` as a placeholder, and the character tables hold one. */
export function forKnex(sql: string): string {
  return sql.replace(/\?/g, '\\?');
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
