import type { Attribute } from './types.js';

/** The word a filter value may use for the signed-in user. */
export const ME = 'me';

/** The system columns that hold a user id; `me` means the reader in filters on them too. */
const USER_COLUMNS = new Set(['owner_id', 'created_by', 'updated_by']);

/** Whether an attribute holds a user's id: a user field (`x-user`) or one of the system user columns. */
export function holdsUser(attribute: Attribute): boolean {
  return attribute.kind === 'user' || (attribute.system && USER_COLUMNS.has(attribute.name));
}

/**
 * A filter's raw value with every `me` (alone or in an `in` list) replaced by the signed-in user's id, so
 * `filter[salesperson][eq]=me` lists each reader's own records and one saved view serves every user. A
 * request without a user keeps `me`, which then fails as a value that is not an id (400 on the parameter).
 */
export function withMe(attribute: Attribute, raw: unknown, me: string | undefined): unknown {
  if (!holdsUser(attribute) || me === undefined) return raw;
  const swap = (value: unknown) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((part) => (part.trim() === ME ? me : part))
          .join(',')
      : value;
  return Array.isArray(raw) ? raw.map(swap) : swap(raw);
}
