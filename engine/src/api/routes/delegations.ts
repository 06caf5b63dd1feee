import { type Request, Router } from 'express';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import {
  allDelegations,
  clearDelegation,
  myDelegation,
  setDelegation,
  type DelegationBody,
} from '../../runtime/approval-delegations.js';
import { isActiveUser } from '../../identity/users-repo.js';
import { actorOf } from '../actor.js';
import { adminOnly } from '../admin-only.js';
import { requestIdOf } from '../request-id.js';
import { DELEGATIONS } from '../contract/delegations.js';
import { route } from '../contract/route.js';

const MANAGE = { en: "may manage other users' delegations", zh: '可以管理他人的审批委托' };

/** `/delegations`: each user sets or ends their own delegation of approvals; administrators anyone's. */
export function delegationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { routes } = DELEGATIONS;
  const audit = (req: Request) => ({ actorId: actorOf(req).id, requestId: requestIdOf(req) });
  route(router, routes.mine, async (req, res) => {
    res.json(await myDelegation(ctx.db.knex, actorOf(req).id, ctx.clock()));
  });
  route(router, routes.setMine, async (req, res) => {
    const body = req.body as DelegationBody;
    res.json(await setDelegation(ctx.db.knex, actorOf(req).id, body, ctx.clock(), audit(req)));
  });
  route(router, routes.clearMine, async (req, res) => {
    await clearDelegation(ctx.db.knex, actorOf(req).id, audit(req));
    res.status(204).end();
  });
  route(router, routes.list, adminOnly(MANAGE), async (_req, res) => {
    res.json({ data: await allDelegations(ctx.db.knex, ctx.clock()) });
  });
  route(router, routes.set, adminOnly(MANAGE), async (req, res) => {
    const userId = String(req.params.userId);
    if (!(await isActiveUser(ctx.db.knex, userId)))
      throw new NotFoundError({ en: 'there is no such active user', zh: '没有这位在职用户' });
    res.json(await setDelegation(ctx.db.knex, userId, req.body as DelegationBody, ctx.clock(), audit(req)));
  });
  route(router, routes.clear, adminOnly(MANAGE), async (req, res) => {
    if (!(await clearDelegation(ctx.db.knex, String(req.params.userId), audit(req))))
      throw new NotFoundError(DELEGATIONS.routes.clear.notFound!);
    res.status(204).end();
  });
  return router;
}
