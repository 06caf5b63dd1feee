import type { SearchSpec } from '@lodestar/core';
import { fieldTag } from './search-sql.js';

/** A Chinese character's usual reading without tones, or undefined (the `lodestar_pinyin` table's rows). */
export type PinyinOf = (ch: string) => string | undefined;

const CHINESE_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9]+/g;
const MODE_LETTER = { text: 't', pinyin: 'p', phone: 'n' } as const;

/**
 * The terms of one value, exactly as SQL's `lodestar_search_terms` writes them (search-sql.ts, where the
 * rules are described); `search-terms.db.test.ts` runs random values through both. Chinese runs hold only
 * characters of the Basic Multilingual Plane, so JavaScript's indexes are SQL's character positions.
 */
export function searchTerms(value: string, mode: 't' | 'p' | 'n', pinyinOf: PinyinOf): string[] {
  const v = value.toLowerCase();
  const terms: string[] = [];
  if (v === '') return terms;
  if (mode === 'n') {
    const digits = v.replace(/[^0-9]/g, '').slice(0, 24);
    for (let i = 0; i < digits.length; i++) terms.push(digits.slice(i));
  }
  for (const [run] of v.matchAll(CHINESE_RUN)) {
    const n = run.length;
    for (let i = 0; i < n - 1; i++) terms.push(run.slice(i, i + 2));
    terms.push(run[n - 1]!);
    if (mode === 'p' && n <= 8) {
      // SQL joins the characters to the table: one without a reading is left out, not a gap.
      const syllables = [...run].map(pinyinOf).filter((s): s is string => s !== undefined);
      for (let i = 0; i < syllables.length; i++) {
        const rest = syllables.slice(i);
        terms.push(rest.join(''), rest.map((s) => s[0]).join(''));
      }
    }
  }
  for (const [word] of v.matchAll(WORD)) terms.push(word.slice(0, 60));
  return terms;
}

/**
 * The search document of a row as a `tsvector` literal, equal to what `lodestar_search_doc` computes from
 * the same columns: each field's terms tagged with its letter. Writers that have the row in hand send it
 * with the insert (search-document.ts), so PostgreSQL's trigger skips its PL/pgSQL work.
 */
export function searchDocLiteral(spec: SearchSpec, row: Record<string, unknown>, pinyinOf: PinyinOf): string {
  const lexemes = new Set<string>();
  for (const [i, field] of spec.fields.entries()) {
    const value = row[field.name];
    if (value === null || value === undefined) continue;
    const tag = `${fieldTag(i)}_`;
    for (const term of searchTerms(String(value), MODE_LETTER[field.mode], pinyinOf)) lexemes.add(tag + term);
  }
  return [...lexemes].map((lexeme) => `'${lexeme.replace(/['\\]/g, '$&$&')}'`).join(' ');
}
