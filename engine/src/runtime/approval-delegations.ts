import type { ApprovalDelegation } from '@lodestar/core';
import type { Knex } from 'knex';
import { AUDIT_OBJECTS, type AuditContext } from '../audit/audit-entry.js';
import { insertAudit } from '../audit/audit-repo.js';
import { issueOf, ValidationError, type Issue } from '../errors.js';
import { activeUserIds, userNameRows } from '../identity/users-repo.js';
import {
  delegatorIds,
  deleteDelegation,
  findDelegation,
  listDelegations,
  upsertDelegation,
  type DelegationRow,
} from './approval-delegations-repo.js';

/** A delegation as sent: to whom, from when (now when absent), until when. */
export interface DelegationBody {
  delegateId: string;
  startsAt?: string;
  endsAt: string;
}

const YEAR_MS = 366 * 24 * 3600 * 1000;

/**
 * Sets `userId`'s delegation (replacing any): the delegate must be another active user, the period must end
 * after it starts, in the future, within a year. Audited on the user as a permission change.
 */
export async function setDelegation(
  knex: Knex,
  userId: string,
  body: DelegationBody,
  now: Date,
  context: AuditContext,
): Promise<ApprovalDelegation> {
  const startsAt = body.startsAt ? new Date(body.startsAt) : now;
  const endsAt = new Date(body.endsAt);
  const issues: Issue[] = [];
  if (body.delegateId === userId)
    issues.push(
      issueOf('/delegateId', 'delegate', { en: 'you cannot delegate to yourself', zh: '不能把审批委托给自己' }),
    );
  else if (!(await activeUserIds(knex, [body.delegateId])).has(body.delegateId))
    issues.push(issueOf('/delegateId', 'activeUser', { en: 'must be an active user', zh: '必须是在职的用户' }));
  if (!(endsAt > startsAt) || !(endsAt > now))
    issues.push(
      issueOf('/endsAt', 'period', {
        en: 'must be after the start and in the future',
        zh: '结束时间必须晚于开始时间，且晚于现在',
      }),
    );
  else if (endsAt.getTime() - startsAt.getTime() > YEAR_MS)
    issues.push(issueOf('/endsAt', 'period', { en: 'may run for a year at most', zh: '委托期限最长一年' }));
  if (issues.length)
    throw new ValidationError({ en: 'the delegation cannot be set', zh: '无法设置审批委托' }, { issues });
  return knex.transaction(async (trx) => {
    const before = await findDelegation(trx, userId);
    const row = await upsertDelegation(
      trx,
      { userId, delegateId: body.delegateId, startsAt, endsAt, setBy: context.actorId },
      now,
    );
    await audit(trx, userId, before, row, context);
    return (await withNames(trx, [row], now))[0]!;
  });
}

/** Ends `userId`'s delegation; answers whether there was one. */
export async function clearDelegation(knex: Knex, userId: string, context: AuditContext): Promise<boolean> {
  return knex.transaction(async (trx) => {
    const before = await findDelegation(trx, userId);
    if (!before) return false;
    await deleteDelegation(trx, userId);
    await audit(trx, userId, before, undefined, context);
    return true;
  });
}

/** The user's own delegation and the running ones made to them. */
export async function myDelegation(
  knex: Knex,
  userId: string,
  now: Date,
): Promise<{ delegation: ApprovalDelegation | null; forMe: ApprovalDelegation[] }> {
  const own = await findDelegation(knex, userId);
  const fromIds = await delegatorIds(knex, userId, now);
  const toMe = (await Promise.all(fromIds.map((id) => findDelegation(knex, id)))).filter(
    (row): row is DelegationRow => row !== undefined,
  );
  const named = await withNames(knex, [...(own ? [own] : []), ...toMe], now);
  return { delegation: own ? named[0]! : null, forMe: named.slice(own ? 1 : 0) };
}

/** Every delegation running or to come, for administrators. */
export async function allDelegations(knex: Knex, now: Date): Promise<ApprovalDelegation[]> {
  return withNames(knex, await listDelegations(knex, now), now);
}

async function withNames(knex: Knex, rows: DelegationRow[], now: Date): Promise<ApprovalDelegation[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.userId, r.delegateId]))];
  const names = new Map(
    (ids.length ? await userNameRows(knex, ids) : []).map((u) => [u.id, u.display_name || u.email]),
  );
  return rows.map((r) => ({
    userId: r.userId,
    userName: names.get(r.userId) ?? '',
    delegateId: r.delegateId,
    delegateName: names.get(r.delegateId) ?? '',
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    active: r.startsAt <= now && now < r.endsAt,
  }));
}

const shown = (row: DelegationRow | undefined) =>
  row ? { delegateId: row.delegateId, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() } : null;

async function audit(
  trx: Knex,
  userId: string,
  before: DelegationRow | undefined,
  after: DelegationRow | undefined,
  context: AuditContext,
): Promise<void> {
  await insertAudit(trx, [
    {
      actorId: context.actorId,
      entity: AUDIT_OBJECTS.user,
      recordId: userId,
      action: 'permission',
      changes: { approvalDelegation: [shown(before), shown(after)] },
      requestId: context.requestId ?? null,
    },
  ]);
}
