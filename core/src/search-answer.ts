/*
 * `GET /search?q=`: global search across the entities the caller may read. Engine search/run-search.ts
 * builds it, the runtime UI's search box and command palette show it.
 */

/** How a hit matched: the typed text in the value, its digits in a phone number, or its pinyin. */
export type SearchMatch = 'text' | 'digits' | 'pinyin';

/** One record found, with the field it was found by and the matched fragment of that field. */
export interface SearchHit {
  /** @format uuid */
  id: string;
  /** The record's title field, as text. */
  title: string;
  /** The field the match was found in: the first of the entity's searched fields that matches. */
  field: string;
  /** Up to 80 characters of that field around the match. */
  fragment: string;
  /**
   * Where the match is in `fragment` (characters); absent when the whole fragment matched by pinyin.
   * @integer
   */
  start?: number;
  /** @integer */
  end?: number;
  match: SearchMatch;
}

/** The hits of one entity, best first. */
export interface SearchGroup {
  entity: string;
  hits: SearchHit[];
}

/** Groups in the order of their best hit (a title match first). */
export interface SearchAnswer {
  q: string;
  groups: SearchGroup[];
}
