import type { Knex } from 'knex';
import type { IdentifyActor } from '../api/actor.js';
import { UnauthorizedError } from '../errors.js';
import { findPrincipal, type Principal } from './sessions.js';

const CACHE_MS = 10_000;
const CACHE_LIMIT = 10_000;

/**
 * Identity for every API request: `Authorization: Bearer <session token or API key>`. A lookup is
 * remembered for 10 s per process, so a busy client costs one query per 10 s, and a logout or a
 * deactivated user takes effect everywhere within that time (at once in the process that logged out).
 */
export function bearerIdentity(knex: Knex, clock: () => Date): { identify: IdentifyActor; forget(secret: string): void } {
  const cache = new Map<string, { principal: Principal; until: number }>();
  const identify: IdentifyActor = async (req) => {
    const secret = bearerOf(req.get('authorization'));
    const now = clock();
    let entry = cache.get(secret);
    if (!entry || entry.until < now.getTime()) {
      const principal = await findPrincipal(knex, secret, now);
      if (!principal) throw new UnauthorizedError('the token or API key is unknown, expired or revoked: log in again');
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(secret, (entry = { principal, until: now.getTime() + CACHE_MS }));
    }
    const { user } = entry.principal;
    return { id: user.id, roles: user.roles, orgUnitId: user.orgUnitId };
  };
  return { identify, forget: (secret) => void cache.delete(secret) };
}

/** The secret of an `Authorization: Bearer …` header; 401 when there is none. */
export function bearerOf(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw new UnauthorizedError('this route needs `Authorization: Bearer <token>`: log in at POST /api/v1/auth/login, or use an API key');
  return match[1]!;
}
