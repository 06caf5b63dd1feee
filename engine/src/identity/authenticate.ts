import type { Knex } from 'knex';
import type { IdentifyActor } from '../api/actor.js';
import type { Actor } from '../workflow/reference.js';
import { UnauthorizedError } from '../errors.js';
import { findPrincipal, type Principal } from './sessions.js';

const CACHE_MS = 10_000;
const CACHE_LIMIT = 10_000;

/**
 * Identity for every API request: `Authorization: Bearer <session token or API key>`. A lookup is
 * remembered for 10 s per process, so a busy client costs one query per 10 s, and a logout or a
 * deactivated user takes effect everywhere within that time (at once in the process that logged out).
 */
export function bearerIdentity(knex: Knex, clock: () => Date): { identify: IdentifyActor; forget(secret: string): void; forgetAll(): void } {
  const cache = new Map<string, { actor: Actor; until: number }>();
  const toActor = ({ user }: Principal): Actor => ({ id: user.id, roles: user.roles, orgUnitId: user.orgUnitId });
  const identify: IdentifyActor = (req) => {
    const secret = bearerOf(req.get('authorization'));
    const now = clock();
    const entry = cache.get(secret);
    if (entry && entry.until >= now.getTime()) return entry.actor;
    return findPrincipal(knex, secret, now).then((principal) => {
      if (!principal) throw new UnauthorizedError('the token or API key is unknown, expired or revoked: log in again');
      if (cache.size >= CACHE_LIMIT) cache.clear();
      const actor = toActor(principal);
      cache.set(secret, { actor, until: now.getTime() + CACHE_MS });
      return actor;
    });
  };
  return { identify, forget: (secret) => void cache.delete(secret), forgetAll: () => cache.clear() };
}

/** The secret of an `Authorization: Bearer …` header; 401 when there is none. */
export function bearerOf(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw new UnauthorizedError('this route needs `Authorization: Bearer <token>`: log in at POST /api/v1/auth/login, or use an API key');
  return match[1]!;
}
