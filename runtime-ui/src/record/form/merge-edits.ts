import { same, type FormData } from './values';

/** A field both the user and someone else changed, to different values. */
export interface Conflict {
  field: string;
  mine: unknown;
  theirs: unknown;
}

export interface Merge {
  /** The fields someone else changed meanwhile (kept as they saved them unless they conflict). */
  theirs: string[];
  conflicts: Conflict[];
}

/**
 * What a refused save (409: the record changed since the form loaded it) means for the user's edits. `mine` is
 * the patch the form sent (changed fields only), `loaded` the record as the form loaded it, `latest` as it is
 * now. A field only the user changed, or that both changed to the same value, merges cleanly; a field both
 * changed differently is a conflict, the only thing the user has to decide.
 */
export function mergeEdits(mine: FormData, loaded: FormData, latest: FormData, fields: string[]): Merge {
  const theirs = fields.filter((field) => !same(loaded[field], latest[field]));
  const conflicts = Object.keys(mine)
    .filter((field) => theirs.includes(field) && !same(mine[field], latest[field]))
    .map((field) => ({ field, mine: mine[field], theirs: latest[field] }));
  return { theirs, conflicts };
}
