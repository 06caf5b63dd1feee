import type { SearchSpec } from '@lodestar/core';
import { fieldTag } from './search-sql.js';

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[a-z0-9]+/g;

/** One term a query needs: matched exactly, or as a prefix; `phone` terms match only phone fields. */
export interface QueryTerm {
  text: string;
  prefix: boolean;
  /** Which kinds of field the term may match. */
  in: 'all' | 'phone';
}

/**
 * The terms of a query, cut as documents are (search-sql.ts): Chinese runs as bigrams (one character
 * as a prefix), words as prefixes (so `zw` finds the pinyin initials `zw` and `acm` finds `acme`).
 * Digits in a query also look into phone fields, ignoring the separators a phone number is written with.
 */
export function queryTerms(q: string): QueryTerm[] {
  const value = q.toLowerCase().slice(0, 200);
  const terms: QueryTerm[] = [];
  for (const [run] of value.matchAll(CJK_RUN)) {
    const chars = [...run];
    if (chars.length === 1) terms.push({ text: run, prefix: true, in: 'all' });
    for (let i = 0; i + 1 < chars.length; i++)
      terms.push({ text: chars[i]! + chars[i + 1]!, prefix: false, in: 'all' });
  }
  const digits = value.replace(/[^0-9]/g, '');
  const onlyPhone = digits.length >= 3 && /^[0-9\s()+\-.]+$/.test(value.trim());
  for (const [word] of value.matchAll(WORD)) {
    if (onlyPhone) break;
    terms.push({ text: word.slice(0, 60), prefix: true, in: 'all' });
  }
  if (onlyPhone) terms.push({ text: digits.slice(0, 24), prefix: true, in: 'phone' });
  const seen = new Set<string>();
  return terms.filter((t) => !seen.has(t.text + t.in) && seen.add(t.text + t.in)).slice(0, 16);
}

/**
 * The tsquery for a query over the given fields of a search document (those the reader may read), or
 * undefined when it can match nothing: every term in some readable field (phone digits are also words,
 * so a number typed into a note or a title is found too).
 */
export function toTsQuery(
  terms: QueryTerm[],
  spec: SearchSpec,
  readable: (field: string) => boolean,
): string | undefined {
  if (!terms.length) return undefined;
  const parts: string[] = [];
  for (const term of terms) {
    const alternatives = spec.fields
      .map((field, i) => ({ field, tag: fieldTag(i) }))
      .filter(({ field }) => readable(field.name))
      .map(({ tag }) => `'${tag}_${term.text}'${term.prefix ? ':*' : ''}`);
    if (!alternatives.length) return undefined;
    parts.push(`(${alternatives.join(' | ')})`);
  }
  return parts.join(' & ');
}

/** The same query over one field only (ranking: a title match first). */
export function fieldTsQuery(terms: QueryTerm[], spec: SearchSpec, field: string): string | undefined {
  return toTsQuery(terms, spec, (name) => name === field);
}
