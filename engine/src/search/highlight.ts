import type { SearchMatch, SearchSpec } from '@lodestar/core';
import { queryTerms } from './search-query.js';

/** Where a query matched one record: the field (its rank among the searched fields) and the fragment. */
export interface Highlight {
  field: string;
  rank: number;
  fragment: string;
  start?: number;
  end?: number;
  match: SearchMatch;
}

const WINDOW = 80;

/**
 * The first readable searched field, in rank order, the query matches, and the fragment around the
 * match: the whole query, else its first term found in the value; a phone's digits ignoring separators;
 * otherwise a pinyin field matched by its pinyin (the document matched, so one of them did).
 */
export function highlightOf(
  q: string,
  spec: SearchSpec,
  readable: (field: string) => boolean,
  row: Record<string, unknown>,
): Highlight | undefined {
  const query = q.trim().toLowerCase();
  const terms = queryTerms(q).map((term) => term.text);
  const digits = query.replace(/[^0-9]/g, '');
  // Only letters can have matched by pinyin.
  const latin = /^[a-z\s']+$/.test(query);
  let pinyin: Highlight | undefined;
  for (const [rank, field] of spec.fields.entries()) {
    if (!readable(field.name)) continue;
    const value = row[field.name];
    if (typeof value !== 'string' || !value) continue;
    const lower = value.toLowerCase();
    for (const needle of [query, ...terms]) {
      const at = needle ? lower.indexOf(needle) : -1;
      if (at >= 0) return cut(field.name, rank, value, at, at + needle.length, 'text');
    }
    if (field.mode === 'phone' && digits.length >= 3) {
      const positions = [...value].flatMap((ch, i) => (/[0-9]/.test(ch) ? [i] : []));
      const at = positions
        .map((i) => value[i])
        .join('')
        .indexOf(digits);
      if (at >= 0)
        return cut(field.name, rank, value, positions[at]!, positions[at + digits.length - 1]! + 1, 'digits');
    }
    if (field.mode === 'pinyin' && latin && !pinyin)
      pinyin = { field: field.name, rank, fragment: value.slice(0, WINDOW), match: 'pinyin' };
  }
  return pinyin;
}

function cut(field: string, rank: number, value: string, start: number, end: number, match: SearchMatch): Highlight {
  const from = Math.max(0, Math.min(start - 20, value.length - WINDOW));
  const fragment = value.slice(from, from + WINDOW);
  return { field, rank, fragment, start: start - from, end: Math.min(end - from, fragment.length), match };
}
