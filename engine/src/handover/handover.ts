import type { Knex } from 'knex';
import type { AuditContext } from '../audit/audit-entry.js';
import { ValidationError, type Issue, summarize, issueOf } from '../errors.js';
import { findUserByEmail, findUserById } from '../identity/users-repo.js';
import type { Model } from '../model/compile-model.js';
import { UUID_RE, type HandoverResult } from '@lodestar/core';
import { planHandover } from './handover-plan.js';
import type { HandoverRequest } from './handover-request.js';
import { countOwnedSql, moveOwnerSql } from './handover-sql.js';

// What a handover moved: core's type, the admin route's answer.
export type { HandoverResult };

interface UserRow {
  id: string;
  email: string;
  active: boolean;
}

/**
 * Reassigns every record `from` owns (in the chosen entities; with onlyOpen, those not in a final workflow
 * state) to `to`, in ONE transaction: one statement per entity moves the records and appends an audit row
 * per record, so a failure anywhere leaves every owner and the audit trail as they were. A dry run counts
 * the same records and changes nothing. 422 naming the field: unknown entity or user, inactive `to`, from = to.
 */
export async function handover(
  knex: Knex,
  model: Model,
  request: HandoverRequest,
  context: AuditContext,
): Promise<HandoverResult> {
  const { targets, issues } = planHandover(model, { entities: request.entities, onlyOpen: request.onlyOpen });
  const dryRun = request.dryRun ?? false;
  return knex.transaction(async (trx) => {
    // Shared locks: neither user can be deactivated (or changed) until the handover commits.
    const from = await findUser(trx, request, 'from', issues);
    const to = await findUser(trx, request, 'to', issues);
    if (to && !to.active)
      issues.push(
        issueOf(pointerOf(request, 'to'), 'active', {
          en: `${to.email} is deactivated: hand over to an active user`,
          zh: `${to.email} 已停用：请移交给在用的用户`,
        }),
      );
    if (from && to && from.id === to.id)
      issues.push(
        issueOf(pointerOf(request, 'to'), 'different', {
          en: 'must be another user than the one handing over',
          zh: '不能与移交人是同一个用户',
        }),
      );
    if (issues.length || !from || !to) throw new ValidationError(summarize(issues), { issues });
    const moved: Record<string, number> = {};
    for (const target of targets) {
      const statement = dryRun
        ? countOwnedSql(target, from.id)
        : moveOwnerSql(target, {
            fromUserId: from.id,
            toUserId: to.id,
            actorId: context.actorId,
            requestId: context.requestId,
          });
      const result = (await trx.raw(statement.sql, statement.bindings)) as { rows: { n: number | string }[] };
      moved[target.entity] = Number(result.rows[0]?.n ?? 0);
    }
    return { moved, total: Object.values(moved).reduce((sum, n) => sum + n, 0), dryRun };
  });
}

/** The user a side names, by id or by email; an issue at that field when it names none. */
async function findUser(
  trx: Knex.Transaction,
  request: HandoverRequest,
  side: 'from' | 'to',
  issues: Issue[],
): Promise<UserRow | undefined> {
  const id = request[`${side}UserId`];
  const email = request[`${side}Email`];
  const pointer = pointerOf(request, side);
  if (id === undefined && email === undefined) {
    issues.push(
      issueOf(pointer, 'required', {
        en: `give ${side}UserId or ${side}Email`,
        zh: `请提供 ${side}UserId 或 ${side}Email`,
      }),
    );
    return undefined;
  }
  const found =
    id !== undefined
      ? UUID_RE.test(id)
        ? await findUserById(trx, id, 'share')
        : undefined
      : await findUserByEmail(trx, email!.toLowerCase(), 'share');
  const row: UserRow | undefined = found && {
    id: found.id as string,
    email: found.email as string,
    active: found.active as boolean,
  };
  if (!row) issues.push(issueOf(pointer, 'relation', { en: 'must be an existing user', zh: '必须是已有的用户' }));
  return row;
}

/** The member the caller used for a side: the id when given, else the email. */
function pointerOf(request: HandoverRequest, side: 'from' | 'to'): string {
  return request[`${side}UserId`] !== undefined || request[`${side}Email`] === undefined
    ? `/${side}UserId`
    : `/${side}Email`;
}
