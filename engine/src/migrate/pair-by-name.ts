/** Something a definition can rename: a table or a column. */
export interface Renamable {
  name: string;
  renamedFrom?: string;
}

/** Before and after matched up; `before.name !== after.name` marks a rename. */
export interface Pairing<T> {
  pairs: { before: T; after: T }[];
  added: T[];
  removed: T[];
}

/**
 * Matches items by name. An item is a rename of `renamedFrom` only when that old name exists before
 * and its own name does not; renames are declared, never guessed from similar shapes.
 */
export function pairByName<T extends Renamable>(before: T[], after: T[]): Pairing<T> {
  const byName = new Map(before.map((item) => [item.name, item]));
  const used = new Set<string>();
  const matched = new Map<T, T>();
  for (const item of after) {
    const old = item.renamedFrom === undefined ? undefined : byName.get(item.renamedFrom);
    if (old && !byName.has(item.name) && !used.has(old.name)) {
      matched.set(item, old);
      used.add(old.name);
    }
  }
  for (const item of after) {
    const same = byName.get(item.name);
    if (!matched.has(item) && same && !used.has(same.name)) {
      matched.set(item, same);
      used.add(same.name);
    }
  }
  return {
    pairs: after.filter((item) => matched.has(item)).map((item) => ({ before: matched.get(item)!, after: item })),
    added: after.filter((item) => !matched.has(item)),
    removed: before.filter((item) => !used.has(item.name)),
  };
}
