import type { Request } from 'express';
import type { Knex } from 'knex';
import type { IdentifyActor } from '../actor.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { findPrincipal, type Principal } from './sessions.js';
import type { PrincipalCache } from './principal-cache.js';

/**
 * Identity for every API request: `Authorization: Bearer <session token or API key>`, one primary-key
 * look-up joined to the user, remembered by the process only while it hears the database's identity
 * notifications (principal-cache.ts): a logout, a revoked key, a deactivation or a role change holds in
 * this process for every request after it was answered, and in every other process as soon as PostgreSQL
 * delivers the commit's notification; without notifications (PGlite) every request looks up.
 *
 * A session whose user must change their password (an administrator reset it, or chose the first one)
 * may only change it, see who it is, and log out.
 */
export function bearerIdentity(
  knex: Knex,
  clock: () => Date,
  cache?: PrincipalCache<Principal>,
): { identify: IdentifyActor } {
  const identify: IdentifyActor = async (req) => {
    const secret = bearerOf(req.get('authorization'));
    const principal = await findPrincipal(knex, secret, clock(), cache);
    if (!principal)
      throw new UnauthorizedError({
        en: 'the token or API key is unknown, expired or revoked: sign in again',
        zh: '令牌或 API 密钥无效、已过期或已吊销，请重新登录',
      });
    const { user } = principal;
    if (user.mustChangePassword && principal.via === 'session' && !allowedBeforeChange(req)) throw mustChangeFirst();
    return { id: user.id, roles: user.roles, orgUnitId: user.orgUnitId };
  };
  return { identify };
}

/** What a session may do while its password must be changed. */
const BEFORE_CHANGE = /\/auth\/(password|me|logout)$/;
function allowedBeforeChange(req: Request): boolean {
  return BEFORE_CHANGE.test(`${req.baseUrl}${req.path}`);
}

function mustChangeFirst(): ForbiddenError {
  return new ForbiddenError(
    {
      en: 'your password was set by an administrator: change it first (POST /api/v1/auth/password)',
      zh: '您的密码由管理员设置，请先修改密码',
    },
    { extra: { mustChangePassword: true } },
  );
}

/** The secret of an `Authorization: Bearer …` header; 401 when there is none. */
export function bearerOf(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match)
    throw new UnauthorizedError({
      en: 'this route needs `Authorization: Bearer <token>`: sign in at POST /api/v1/auth/login, or use an API key',
      zh: '此操作需要登录：请先登录，或使用 API 密钥',
    });
  return match[1]!;
}
