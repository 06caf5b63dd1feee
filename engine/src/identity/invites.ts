import { randomInt, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { ADMIN_ROLE } from '../definitions/roles.js';
import { changedFields, type AuditContext } from '../audit/audit-entry.js';
import { ValidationError, issueOf, type Issue } from '../errors.js';
import { checkInvites, placedText, type InviteDirectory, type InviteIssue, type InviteRow } from './invite-rows.js';
import { hashPassword } from './secrets.js';
import { insertUserRow, listOrgUnitRows, listUserRows, lockManagerChanges } from './users-repo.js';
import { auditUser, fieldsOf, toUserJson, USER_FIELDS, type UserJson } from './users.js';

/*
 * A bulk invite: rows checked against the directory (invite-rows.ts), then every user created in one
 * transaction with a one-time password they must change at first sign-in, exactly as a single new user
 * is, or nobody at all.
 */

/** One invited user and the password to pass on (shown once). */
export interface Invited {
  row: number;
  user: UserJson;
  password: string;
}

// No look-alike characters (0/O, 1/l/I): the password is read out or copied by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
/** A one-time password of 12 characters from a 56-letter alphabet (about 70 bits). */
export function oneTimePassword(): string {
  return Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

const titlesOf = (title: unknown): string[] =>
  typeof title === 'string' ? [title] : title && typeof title === 'object' ? Object.values(title).map(String) : [];

/** The assignable roles (the published model's and the built-in admin) with their titles, every user and unit. */
export async function readInviteDirectory(db: Knex | Knex.Transaction, set: DefinitionSet): Promise<InviteDirectory> {
  const roles = set.roles
    ? [
        { id: ADMIN_ROLE, titles: ['系统管理员', 'Administrator'] },
        ...Object.entries(set.roles.roles).map(([id, role]) => ({ id, titles: titlesOf(role.title) })),
      ]
    : undefined;
  const users = (await listUserRows(db)).map((u) => ({
    id: u.id as string,
    email: u.email as string,
    name: u.display_name as string,
    active: Boolean(u.active),
  }));
  const units = (await listOrgUnitRows(db)).map((u) => ({
    id: u.id as string,
    name: u.name as string,
    parentId: (u.parent_id as string | null) ?? null,
  }));
  return { roles, users, units };
}

/** Issues as API issues: `/rows/<index>/<column>`, with the row and column as params and the place in the text. */
export function apiIssues(rows: InviteRow[], issues: InviteIssue[]): Issue[] {
  return issues.map((issue) => {
    const index = rows.findIndex((r) => r.row === issue.row);
    const pointer = issue.column === null || index < 0 ? '' : `/rows/${index}/${issue.column}`;
    return issueOf(pointer, 'invite', placedText(issue), { row: issue.row, column: issue.column });
  });
}

/** Creates every row's user in one transaction, or none (422 with every row's problems). */
export async function inviteUsers(
  knex: Knex,
  set: DefinitionSet,
  rows: InviteRow[],
  context: AuditContext,
): Promise<Invited[]> {
  // Checked once before hashing (tens of milliseconds a password), and again under the lock.
  const refuse = (issues: InviteIssue[]) => {
    const text =
      issues.length === 1 ? placedText(issues[0]!) : { en: `${issues.length} problems`, zh: `${issues.length} 个问题` };
    return new ValidationError(
      { en: `nobody was invited: ${text.en}`, zh: `未邀请任何人：${text.zh}` },
      { issues: apiIssues(rows, issues) },
    );
  };
  const first = checkInvites(rows, await readInviteDirectory(knex, set));
  if (first.issues.length) throw refuse(first.issues);
  const passwords = rows.map(() => oneTimePassword());
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  return knex.transaction(async (trx) => {
    await lockManagerChanges(trx);
    const { invites, issues } = checkInvites(rows, await readInviteDirectory(trx, set));
    if (issues.length) throw refuse(issues);
    const ids = new Map(invites.map((invite) => [invite.email, randomUUID()]));
    // Managers first: a row's manager may be another row.
    const done = new Set<string>();
    const invited: Invited[] = [];
    while (done.size < invites.length) {
      const before = done.size;
      for (const [i, invite] of invites.entries()) {
        if (done.has(invite.email) || (invite.managerEmail !== null && !done.has(invite.managerEmail))) continue;
        const row = await insertUserRow(trx, {
          id: ids.get(invite.email),
          email: invite.email,
          display_name: invite.displayName,
          password_hash: hashes[i],
          roles: invite.roles,
          org_unit_id: invite.orgUnitId,
          manager_id: invite.managerId ?? (invite.managerEmail !== null ? ids.get(invite.managerEmail) : null),
          must_change_password: true,
        });
        const user = toUserJson(row);
        await auditUser(trx, 'create', user.id, changedFields(null, fieldsOf(user), USER_FIELDS), context, {
          invite: invite.row,
        });
        invited.push({ row: invite.row, user, password: passwords[i]! });
        done.add(invite.email);
      }
      if (done.size === before) throw new Error('invite managers loop');
    }
    return invited.sort((a, b) => a.row - b.row);
  });
}
