import { Router, type Request, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { PostgresRateLimitStore } from '../../identity/login-rate-limits.js';
import type { AppContext } from '../../context.js';
import type { LoginClient } from '../../identity/login-throttle.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { bearerOf } from '../../identity/authenticate.js';
import { createApiKey, endSession, login, openSession, signedIn, TooManyAttempts } from '../../identity/sessions.js';
import { changeOwnPassword, countUsers, createUser, toUserJson } from '../../identity/users.js';
import { findUserById, listApiKeyRows, lockUsersTable, revokeApiKey } from '../../identity/users-repo.js';
import { requestIdOf } from '../request-id.js';
import { actorOf } from '../actor.js';
import { AUTH } from '../contract/auth.js';
import { route } from '../contract/route.js';

export interface AuthRouterOptions {
  /** Resolves the actor for the routes that need one (logout, me, API keys). */
  requireActor: RequestHandler;
  /** Login attempts per client address per minute. */
  loginsPerMinute?: number;
}

/** The browser's device cookie: it marks a client that signed in before (login-throttle.ts). */
const DEVICE_COOKIE = 'lodestar_device';
const DEVICE_DAYS = 365;

/** Who attempts a sign-in: the address as the app trusts it (X-Forwarded-For only under `trust proxy`) and the device cookie. */
function loginClient(req: Request): LoginClient {
  const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const device = /(?:^|;\s*)lodestar_device=([A-Za-z0-9_-]{20,100})(?:;|$)/.exec(req.get('cookie') ?? '')?.[1];
  return { address, ...(device && { device }) };
}

/** Login, logout, the first-run setup, the caller's own profile, password and API keys. */
export function authRouter(ctx: AppContext, options: AuthRouterOptions): Router {
  const router = Router();
  const knex = ctx.db.knex;
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: options.loginsPerMinute ?? 20,
    // In the database on PostgreSQL, so every engine process counts against one limit; PGlite is one process.
    ...(ctx.db.kind === 'postgres' && { store: new PostgresRateLimitStore(knex, 'login:') }),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Keyed by the address express trusts (`trust proxy`); a forged X-Forwarded-For is ignored, not an error.
    validate: { xForwardedForHeader: false },
    handler: (_req, res) =>
      res
        .status(429)
        .type('application/problem+json')
        .json({
          type: 'https://lodestar.dev/problems/too-many-requests',
          title: 'Too many requests',
          status: 429,
          detail: 'too many login attempts from this address; wait a minute',
          i18n: {
            en: 'too many login attempts from this address; wait a minute',
            zh: '此网络的登录尝试过多，请一分钟后再试',
          },
        }),
  });

  // Tokens, keys and profiles: no shared or browser cache may keep any of these answers.
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const { routes } = AUTH;
  route(router, routes.login, limiter, async (req, res) => {
    const { email, password } = req.body as { email: string; password: string };
    const session = await login(knex, email, password, ctx.clock(), loginClient(req)).catch((error: unknown) => {
      if (error instanceof TooManyAttempts) res.set('Retry-After', String(error.retryAfterSeconds));
      throw error;
    });
    // Only this path reads it, only the server sees it: not a credential, a "this browser signed in here before".
    res.cookie(DEVICE_COOKIE, session.device, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: `${req.baseUrl}/login`,
      maxAge: DEVICE_DAYS * 86_400_000,
    });
    res.json(signedIn(session, session.user));
  });

  // First run: while no user exists, anyone who reaches the server may create the first admin.
  route(router, routes.setupNeeded, async (_req, res) => {
    res.json({ needed: (await countUsers(knex)) === 0 });
  });
  route(router, routes.setup, limiter, async (req, res) => {
    const body = req.body as { email: string; password: string; displayName?: string };
    const created = await knex.transaction(async (trx) => {
      await lockUsersTable(trx);
      if ((await countUsers(trx)) > 0)
        throw new ConflictError({
          en: 'setup is done: an administrator exists; sign in instead',
          zh: '初始设置已完成：已有管理员，请直接登录',
        });
      return createUser(trx, {
        email: body.email,
        password: body.password,
        ...(body.displayName && { displayName: body.displayName }),
        roles: ['admin'],
      });
    });
    const session = await openSession(knex, created.id, ctx.clock());
    res.status(201).json(signedIn(session, created));
  });

  route(router, routes.logout, options.requireActor, async (req, res) => {
    const secret = bearerOf(req.get('authorization'));
    await endSession(knex, secret);
    res.status(204).end();
  });
  // Change one's own password with the current one; the caller's other sessions end.
  route(router, routes.changePassword, options.requireActor, async (req, res) => {
    const { currentPassword, newPassword } = req.body as { currentPassword: string; newPassword: string };
    const user = await changeOwnPassword(knex, actorOf(req).id, currentPassword, newPassword, {
      token: bearerOf(req.get('authorization')),
      context: { actorId: actorOf(req).id, requestId: requestIdOf(req) },
    });
    res.json(user);
  });
  route(router, routes.me, options.requireActor, async (req, res) => {
    res.json(toUserJson((await findUserById(knex, actorOf(req).id))!));
  });
  route(router, routes.listApiKeys, options.requireActor, async (req, res) => {
    const rows = await listApiKeyRows(knex, actorOf(req).id);
    res.json({
      data: rows.map((r: Record<string, unknown>) => ({
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        createdAt: r.created_at,
        revokedAt: r.revoked_at,
      })),
    });
  });
  route(router, routes.createApiKey, options.requireActor, async (req, res) => {
    const { name } = req.body as { name: string };
    const key = await createApiKey(knex, actorOf(req).id, name.trim());
    res.status(201).json({ ...key, note: 'shown once: store it now' });
  });
  route(router, routes.revokeApiKey, options.requireActor, async (req, res) => {
    const revoked = await revokeApiKey(knex, String(req.params.id), actorOf(req).id);
    if (!revoked) throw new NotFoundError(routes.revokeApiKey.notFound!);
    res.status(204).end();
  });
  return router;
}
