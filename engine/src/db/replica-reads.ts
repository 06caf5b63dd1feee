import type { Knex } from 'knex';

/**
 * Reads that may lag — lists, exports, totals, reports, dashboards, search — run on a streaming replica
 * (DATABASE_REPLICA_URL), except for a user who just wrote: their reads wait, briefly, for the replica to
 * replay their last write, and go to the primary if it has not by then (read-your-writes). The last write is
 * known per user in this engine, and from the `X-Lodestar-Read-After` header a client echoes from the
 * `X-Lodestar-Lsn` of its last write's answer, which carries it across engines.
 */
export interface ReplicaReads {
  /** The database a lagging read of `actorId` runs on. */
  readerFor(actorId: string | undefined, readAfter?: string): Promise<Knex>;
  /** Notes that `actorId` committed writes just now; answers the primary's WAL position to echo. */
  wrote(actorId: string | undefined): Promise<string>;
  close(): Promise<void>;
}

/** A WAL position as PostgreSQL prints it (`16/B374D848`). */
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;
/** Users whose last write is remembered; a busy engine forgets the oldest first. */
const REMEMBERED = 10_000;

export function replicaReads(primary: Knex, replica: Knex, options: { waitMs?: number } = {}): ReplicaReads {
  const waitMs = options.waitMs ?? 200;
  const lastWrite = new Map<string, string>();
  const remember = (actorId: string, lsn: string) => {
    lastWrite.delete(actorId);
    lastWrite.set(actorId, lsn);
    if (lastWrite.size > REMEMBERED) lastWrite.delete(lastWrite.keys().next().value!);
  };
  const replayed = async (lsn: string): Promise<boolean> => {
    const result = await replica.raw('select pg_last_wal_replay_lsn() >= ?::pg_lsn as replayed', [lsn]);
    return (result.rows as { replayed: boolean | null }[])[0]?.replayed === true;
  };
  return {
    async readerFor(actorId, readAfter) {
      const needed = [actorId && lastWrite.get(actorId), readAfter && LSN.test(readAfter) ? readAfter : undefined]
        .filter((lsn): lsn is string => !!lsn)
        .sort(compareLsn)
        .at(-1);
      if (!needed) return replica;
      const deadline = Date.now() + waitMs;
      try {
        for (;;) {
          if (await replayed(needed)) {
            if (actorId && lastWrite.get(actorId) === needed) lastWrite.delete(actorId);
            return replica;
          }
          if (Date.now() >= deadline) return primary;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      } catch {
        // An unreachable replica costs freshness nothing: the primary answers.
        return primary;
      }
    },
    async wrote(actorId) {
      const result = await primary.raw('select pg_current_wal_lsn()::text as lsn');
      const lsn = (result.rows as { lsn: string }[])[0]!.lsn;
      if (actorId) remember(actorId, lsn);
      return lsn;
    },
    close: () => replica.destroy(),
  };
}

/** Orders WAL positions (`hi/lo`, both hexadecimal). */
export function compareLsn(a: string, b: string): number {
  const [ah, al] = a.split('/').map((part) => parseInt(part, 16)) as [number, number];
  const [bh, bl] = b.split('/').map((part) => parseInt(part, 16)) as [number, number];
  return ah - bh || al - bl;
}
