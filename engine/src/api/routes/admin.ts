import { Router, type Request } from 'express';
import type { AuditContext } from '../../audit/audit-entry.js';
import { readAudit } from '../../audit/audit-repo.js';
import type { AppContext } from '../../context.js';
import { ValidationError, issueOf, summarize } from '../../errors.js';
import { handover } from '../../handover/handover.js';
import { toHandoverRequest } from '../../handover/handover-request.js';
import { createOrgUnit, listOrgUnits, updateOrgUnit } from '../../identity/org-units.js';
import { tableOfCsv } from '../../identity/invite-file.js';
import { checkInvites, rowsOfTable, type InviteRow } from '../../identity/invite-rows.js';
import { inviteUsers, readInviteDirectory } from '../../identity/invites.js';
import { checkRoleNames } from '../../identity/role-names.js';
import { blockedUntil } from '../../identity/login-throttle.js';
import { findOrgUnitPath, findUserById, listUserRows } from '../../identity/users-repo.js';
import {
  createUser,
  lastLoginOf,
  resetPassword,
  toUserJson,
  unlockUser,
  updateUser,
  type UserPatch,
} from '../../identity/users.js';
import { UUID_RE } from '@lodestar/core';
import { actorOf } from '../actor.js';
import { adminOnly } from '../admin-only.js';
import { ADMIN } from '../contract/admin.js';
import { route } from '../contract/route.js';
import { validQuery } from '../contract/validate.js';
import { modelOf } from '../pin-model.js';
import { requestIdOf } from '../request-id.js';

/** Who acts, for the audit rows a route writes. */
const auditContext = (req: Request): AuditContext => ({ actorId: actorOf(req).id, requestId: requestIdOf(req) });

/**
 * Users, the org-unit tree, record handover and the audit trail of users and units, for administrators.
 * Every change writes its audit row in the same transaction; identity is looked up per request, so it holds
 * for the next request in every process.
 */
export function adminRouter(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  router.use(
    adminOnly({
      en: 'manage users and org units, hand over records and read the audit trail',
      zh: '管理用户和组织、移交记录和查看审计记录',
    }),
  );
  const { routes } = ADMIN;
  route(router, routes.listOrgUnits, async (_req, res) => {
    res.json({ data: await listOrgUnits(knex) });
  });
  route(router, routes.createOrgUnit, async (req, res) => {
    res.status(201).json(await createOrgUnit(knex, req.body, auditContext(req)));
  });
  route(router, routes.updateOrgUnit, async (req, res) => {
    res.json(await updateOrgUnit(knex, String(req.params.id), req.body ?? {}, auditContext(req)));
  });
  // A bulk invite's file or corrected rows, checked against the directory: nothing is written.
  route(router, routes.checkInvites, async (req, res) => {
    const body = req.body as { file?: string; rows?: InviteRow[] };
    let rows = body.rows ?? [];
    let encoding: string | null = null;
    if (body.file !== undefined) {
      const read = tableOfCsv(Buffer.from(body.file, 'base64'));
      if ('problem' in read)
        throw new ValidationError(read.problem, { issues: [issueOf('/file', 'format', read.problem)] });
      encoding = read.encoding;
      const parsed = rowsOfTable(read.table);
      if (parsed.issues.length) {
        res.json({ rows: [], issues: parsed.issues, encoding });
        return;
      }
      rows = parsed.rows;
    }
    const { issues } = checkInvites(rows, await readInviteDirectory(knex, modelOf(req).set));
    res.json({ rows, issues, encoding });
  });
  route(router, routes.inviteUsers, async (req, res) => {
    const invited = await inviteUsers(knex, modelOf(req).set, req.body.rows as InviteRow[], auditContext(req));
    res.set('Cache-Control', 'no-store');
    res.status(201).json({ data: invited });
  });
  // Each user with `signInBlockedUntil` while their email is throttled from every address (admin unlock lifts it).
  route(router, routes.listUsers, async (_req, res) => {
    const rows = await listUserRows(knex);
    const users = rows.map(toUserJson);
    const blocked = await blockedUntil(
      knex,
      users.map((u) => u.email),
      ctx.clock(),
    );
    res.json({
      data: users.map((u, i) => ({
        ...u,
        signInBlockedUntil: blocked.get(u.email)?.toISOString() ?? null,
        lastLoginAt: lastLoginOf(rows[i]!),
      })),
    });
  });
  route(router, routes.createUser, async (req, res) => {
    const body = req.body as Record<string, unknown>;
    await checkReferences(body);
    checkRoles(req, body);
    const user = await createUser(
      knex,
      {
        email: body.email as string,
        password: body.password as string,
        ...(typeof body.displayName === 'string' && { displayName: body.displayName }),
        ...(Array.isArray(body.roles) && { roles: body.roles as string[] }),
        orgUnitId: (body.orgUnitId as string | undefined) ?? null,
        managerId: (body.managerId as string | undefined) ?? null,
        // The administrator chose this password and tells it to the user: the user must change it first.
        mustChangePassword: true,
      },
      auditContext(req),
    );
    res.status(201).json(user);
  });
  route(router, routes.updateUser, async (req, res) => {
    const id = String(req.params.id);
    const body = req.body as Record<string, unknown>;
    await checkReferences(body);
    const patch: UserPatch = {};
    if ('roles' in body) {
      checkRoles(req, body);
      patch.roles = body.roles as string[];
    }
    if (typeof body.active === 'boolean') patch.active = body.active;
    if ('orgUnitId' in body) patch.orgUnitId = (body.orgUnitId as string | null) ?? null;
    if ('managerId' in body) patch.managerId = (body.managerId as string | null) ?? null;
    if ('displayName' in body && typeof body.displayName === 'string' && body.displayName.trim())
      patch.displayName = body.displayName.trim();
    res.json(await updateUser(knex, id, patch, auditContext(req)));
  });
  // A temporary password the user must change at next sign-in; their sessions end.
  route(router, routes.resetPassword, async (req, res) => {
    const id = String(req.params.id);
    res.set('Cache-Control', 'no-store');
    res.json(await resetPassword(knex, id, req.body.password, auditContext(req)));
  });
  // Lifts every sign-in throttle on the user's email.
  route(router, routes.unlockUser, async (req, res) => {
    const id = String(req.params.id);
    const { user, lastLoginAt } = await unlockUser(knex, id, auditContext(req));
    res.json({ ...user, signInBlockedUntil: null, lastLoginAt });
  });

  // One seller's records to another, in one transaction, an audit row per record.
  route(router, routes.handover, async (req, res) => {
    res.json(await handover(knex, modelOf(req), toHandoverRequest(req.body ?? {}), auditContext(req)));
  });

  // The trail of any audited object; record pages read theirs through the records API, under its permissions.
  route(router, routes.readAudit, async (req, res) => {
    const { entity, recordId, limit, cursor } = validQuery<{
      entity: string;
      recordId: string;
      limit: number;
      cursor: string;
    }>(req);
    res.json(
      await readAudit(knex, {
        entity: entity!,
        recordId: recordId!,
        ...(limit !== undefined && { limit }),
        ...(cursor !== undefined && { beforeId: cursor }),
      }),
    );
  });

  async function checkReferences(body: Record<string, unknown>): Promise<void> {
    const finders = { orgUnitId: findOrgUnitPath, managerId: findUserById };
    for (const [key, what] of [
      ['orgUnitId', { en: 'org unit', zh: '部门' }],
      ['managerId', { en: 'user', zh: '用户' }],
    ] as const) {
      const value = body[key];
      if (value === undefined || value === null) continue;
      const exists =
        typeof value === 'string' && UUID_RE.test(value) && (await finders[key](knex, value)) !== undefined;
      if (!exists)
        throw new ValidationError(
          { en: `${key} must name an existing ${what.en}`, zh: `${what.zh}不存在` },
          {
            issues: [
              issueOf(`/${key}`, 'relation', { en: `must be an existing ${what.en}`, zh: `必须是已有的${what.zh}` }),
            ],
          },
        );
    }
  }
  return router;
}

/** Roles given to a user must be roles of the model this request is pinned to (admin always is). */
function checkRoles(req: Request, body: Record<string, unknown>): void {
  if (body.roles === undefined) return;
  const issues = checkRoleNames(modelOf(req).set, body.roles);
  if (issues.length) throw new ValidationError(summarize(issues), { issues });
}
