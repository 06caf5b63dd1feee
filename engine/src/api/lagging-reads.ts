import type { Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import type { AppContext } from '../context.js';
import type { ReplicaReads } from '../db/replica-reads.js';
import { actorOf } from './actor.js';
import { committedIn } from './pin-model.js';

/** The database a read that may lag runs on: the replica when there is one and it has the caller's writes. */
export async function laggingReader(ctx: AppContext, req: Request): Promise<Knex> {
  if (!ctx.replicaReads) return ctx.db.knex;
  return ctx.replicaReads.readerFor(actorOf(req).id, req.get('x-lodestar-read-after'));
}

/**
 * After a request that committed writes, and before its answer leaves, notes the primary's WAL position for
 * the caller (their next lagging reads wait for it) and tells the client in `X-Lodestar-Lsn`, to echo in
 * `X-Lodestar-Read-After` wherever its next request lands. Only installed with a replica.
 */
export function rememberWrites(reads: ReplicaReads): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      if (!committedIn(req) || res.headersSent) return end(...args);
      reads
        .wrote(actorOf(req).id)
        .then(
          (lsn) => !res.headersSent && res.setHeader('X-Lodestar-Lsn', lsn),
          () => undefined,
        )
        .finally(() => end(...args));
      return res;
    }) as Response['end'];
    next();
  };
}
