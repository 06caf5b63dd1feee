import type { Text } from './text.js';

/*
 * What the duplicate check answers (`POST /records/{entity}/duplicates`): engine duplicates/find-duplicates.ts
 * builds it, the runtime UI's record form shows it under the fields.
 */

/** Why a record matched: `unique` a unique key (saving would answer 409), `same` the same normalised value, `similarName` a similar name. */
export type MatchKind = 'unique' | 'same' | 'similarName';

export interface MatchReason {
  kind: MatchKind;
  fields: string[];
}

/** One record found, with every reason it matched and what the entity's reveal level lets the caller see. */
export interface DuplicateMatch {
  /** Whether the caller may open the record (then `id` is given). */
  readable: boolean;
  /** @format uuid */
  id?: string;
  title?: string;
  /** `id` only with a record the caller may read. */
  owner?: { id?: string; name: string };
  reasons: MatchReason[];
  /**
   * How alike the names are (0–1, Dice coefficient of character pairs), for similar names.
   * @minimum 0
   * @maximum 1
   */
  similarity?: number;
  /** The hint the form shows under the field, in both languages. */
  text: Text;
}

/** The possible duplicates of the values typed so far, strongest first (at most 10). */
export interface DuplicateAnswer {
  /** True when saving these values would be refused (a unique key matched: 409). */
  conflict: boolean;
  matches: DuplicateMatch[];
}
