import { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppContext } from '../../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { bearerOf } from '../../identity/authenticate.js';
import { createApiKey, endSession, login, openSession } from '../../identity/sessions.js';
import { countUsers, createUser, toUserJson } from '../../identity/users.js';
import { UUID_RE } from '../../records/filter-values.js';
import { actorOf } from '../actor.js';

export interface AuthRouterOptions {
  /** Resolves the actor for the routes that need one (logout, me, API keys). */
  requireActor: RequestHandler;
  /** Forget a logged-out token in this process's identity cache. */
  forget(secret: string): void;
  /** Login attempts per client address per minute. */
  loginsPerMinute?: number;
}

/** Login, logout, the first-run setup, the caller's own profile and API keys. */
export function authRouter(ctx: AppContext, options: AuthRouterOptions): Router {
  const router = Router();
  const knex = ctx.db.knex;
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: options.loginsPerMinute ?? 20,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      res.status(429).type('application/problem+json').json({
        type: 'https://lodestar.dev/problems/too-many-requests', title: 'Too many requests', status: 429, detail: 'too many login attempts from this address; wait a minute',
      }),
  });

  router.post('/login', limiter, async (req, res) => {
    const { email, password } = (req.body ?? {}) as { email?: unknown; password?: unknown };
    const issues = [
      ...(typeof email === 'string' && email ? [] : [{ pointer: '/email', keyword: 'required', message: 'is required' }]),
      ...(typeof password === 'string' && password ? [] : [{ pointer: '/password', keyword: 'required', message: 'is required' }]),
    ];
    if (issues.length) throw new ValidationError('email and password are required', { issues });
    const session = await login(knex, email as string, password as string, ctx.clock());
    res.json({ token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.user });
  });

  // First run: while no user exists, anyone who reaches the server may create the first admin.
  router.get('/setup', async (_req, res) => {
    res.json({ needed: (await countUsers(knex)) === 0 });
  });
  router.post('/setup', limiter, async (req, res) => {
    const body = (req.body ?? {}) as { email?: string; password?: string; displayName?: string };
    const created = await knex.transaction(async (trx) => {
      await trx.raw('lock table lodestar_users in exclusive mode');
      if ((await countUsers(trx)) > 0) throw new ConflictError('setup is done: an administrator exists; log in instead');
      return createUser(trx, { email: body.email ?? '', password: body.password ?? '', ...(body.displayName && { displayName: body.displayName }), roles: ['admin'] });
    });
    const session = await openSession(knex, created.id, ctx.clock());
    res.status(201).json({ token: session.token, expiresAt: session.expiresAt.toISOString(), user: created });
  });

  router.post('/logout', options.requireActor, async (req, res) => {
    const secret = bearerOf(req.get('authorization'));
    await endSession(knex, secret);
    options.forget(secret);
    res.status(204).end();
  });
  router.get('/me', options.requireActor, async (req, res) => {
    const row = await knex('lodestar_users').where({ id: actorOf(req).id }).first();
    res.json(toUserJson(row));
  });
  router.get('/api-keys', options.requireActor, async (req, res) => {
    const rows = await knex('lodestar_api_keys').where({ user_id: actorOf(req).id }).orderBy('created_at').select('id', 'name', 'prefix', 'created_at', 'revoked_at');
    res.json({ data: rows.map((r: Record<string, unknown>) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, revokedAt: r.revoked_at })) });
  });
  router.post('/api-keys', options.requireActor, async (req, res) => {
    const name = (req.body ?? {}).name;
    if (typeof name !== 'string' || !name.trim() || name.length > 100) {
      throw new ValidationError('an API key needs a name', { issues: [{ pointer: '/name', keyword: 'required', message: 'is required (up to 100 characters)' }] });
    }
    const key = await createApiKey(knex, actorOf(req).id, name.trim());
    res.status(201).json({ ...key, note: 'shown once: store it now' });
  });
  router.delete('/api-keys/:id', options.requireActor, async (req, res) => {
    if (!UUID_RE.test(String(req.params.id))) throw new NotFoundError('no such API key');
    const revoked = await knex('lodestar_api_keys').where({ id: String(req.params.id), user_id: actorOf(req).id }).whereNull('revoked_at').update({ revoked_at: knex.fn.now() });
    if (!revoked) throw new NotFoundError('no such API key');
    res.status(204).end();
  });
  return router;
}
