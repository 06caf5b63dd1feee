import { Router, type RequestHandler } from 'express';
import type { AppContext } from '../../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { createOrgUnit, listOrgUnits } from '../../identity/org-units.js';
import { createUser, toUserJson } from '../../identity/users.js';
import { UUID_RE } from '../../records/filter-values.js';
import { actorOf } from '../actor.js';

const ROLE = /^[a-z][a-zA-Z0-9]{0,47}$/;

/** Only administrators reach these routes. */
const adminOnly: RequestHandler = (req, _res, next) => {
  if (!actorOf(req).roles.includes('admin')) throw new ForbiddenError('only administrators manage users and org units');
  next();
};

/** Users and the org-unit tree, for administrators. `onUsersChanged` drops remembered identities. */
export function adminRouter(ctx: AppContext, onUsersChanged: () => void): Router {
  const router = Router();
  const knex = ctx.db.knex;
  router.use(adminOnly);
  router.get('/org-units', async (_req, res) => {
    res.json({ data: await listOrgUnits(knex) });
  });
  router.post('/org-units', async (req, res) => {
    res.status(201).json(await createOrgUnit(knex, req.body ?? {}));
  });
  router.get('/users', async (_req, res) => {
    res.json({ data: (await knex('lodestar_users').orderBy('email')).map(toUserJson) });
  });
  router.post('/users', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await checkReferences(body);
    const user = await createUser(knex, {
      email: String(body.email ?? ''),
      password: String(body.password ?? ''),
      ...(typeof body.displayName === 'string' && { displayName: body.displayName }),
      ...(Array.isArray(body.roles) && { roles: body.roles as string[] }),
      orgUnitId: (body.orgUnitId as string | undefined) ?? null,
      managerId: (body.managerId as string | undefined) ?? null,
    });
    res.status(201).json(user);
  });
  router.patch('/users/:id', async (req, res) => {
    const id = String(req.params.id);
    if (!UUID_RE.test(id)) throw new NotFoundError('no such user');
    const body = (req.body ?? {}) as Record<string, unknown>;
    await checkReferences(body);
    const changes: Record<string, unknown> = {};
    if ('roles' in body) {
      if (!Array.isArray(body.roles) || body.roles.some((r) => typeof r !== 'string' || !ROLE.test(r))) {
        throw new ValidationError('roles must be role ids', { issues: [{ pointer: '/roles', keyword: 'pattern', message: 'must be a list of role ids such as salesManager' }] });
      }
      changes.roles = body.roles;
    }
    if ('active' in body) {
      if (typeof body.active !== 'boolean') throw new ValidationError('active must be true or false', { issues: [{ pointer: '/active', keyword: 'type', message: 'must be a boolean' }] });
      changes.active = body.active;
    }
    if ('orgUnitId' in body) changes.org_unit_id = body.orgUnitId ?? null;
    if ('managerId' in body) changes.manager_id = body.managerId ?? null;
    if ('displayName' in body && typeof body.displayName === 'string' && body.displayName.trim()) changes.display_name = body.displayName.trim();
    const [row] = Object.keys(changes).length ? await knex('lodestar_users').where({ id }).update(changes).returning('*') : await knex('lodestar_users').where({ id });
    if (!row) throw new NotFoundError('no such user');
    onUsersChanged();
    res.json(toUserJson(row));
  });

  async function checkReferences(body: Record<string, unknown>): Promise<void> {
    for (const [key, table, what] of [['orgUnitId', 'lodestar_org_units', 'org unit'], ['managerId', 'lodestar_users', 'user']] as const) {
      const value = body[key];
      if (value === undefined || value === null) continue;
      const exists = typeof value === 'string' && UUID_RE.test(value) && (await knex(table).where({ id: value }).first('id'));
      if (!exists) throw new ValidationError(`${key} must name an existing ${what}`, { issues: [{ pointer: `/${key}`, keyword: 'relation', message: `must be an existing ${what}` }] });
    }
  }
  return router;
}
