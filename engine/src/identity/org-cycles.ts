/*
 * Cycles in the two trees people live in, judged without the database: a user's manager chain and the
 * org-unit tree. The callers load what is needed (the chain above the proposed manager, the units' paths)
 * under a lock and ask here.
 */

/**
 * The chain that giving `userId` the manager `managerId` would close into a loop: `[managerId, …, userId]`
 * (the proposed manager, their manager, …, up to the user), or undefined when there is no loop. A user
 * who would manage themselves is the chain `[userId]`. `managerOf` answers each user's current manager.
 */
export function managerCycle(
  managerOf: (id: string) => string | null | undefined,
  userId: string,
  managerId: string | null,
): string[] | undefined {
  if (managerId === null) return undefined;
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let at: string | null | undefined = managerId; at; at = managerOf(at)) {
    // A loop that does not pass through the user (left by older data) is not this change's doing.
    if (seen.has(at)) return undefined;
    seen.add(at);
    chain.push(at);
    if (at === userId) return chain;
  }
  return undefined;
}

/** Whether the unit at `candidatePath` is the unit at `unitPath` or below it (paths are `/id/…/id/`). */
export function isSameOrBelow(unitPath: string, candidatePath: string): boolean {
  return candidatePath.startsWith(unitPath);
}
