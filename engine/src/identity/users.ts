import { isIdentifier, type User } from '@lodestar/core';
import type { Knex } from 'knex';
import { AUDIT_OBJECTS, changedFields, type AuditChanges, type AuditContext } from '../audit/audit-entry.js';
import { insertAudit } from '../audit/audit-repo.js';
import { ConflictError, NotFoundError, ValidationError, type Issue, issueOf, summarize } from '../errors.js';
import { clearFailures } from './login-throttle.js';
import { ROLE_LIST_TEXT } from './role-names.js';
import { hashPassword, hashSecret, verifyPassword } from './secrets.js';
import {
  countUserRows,
  endUserAccess,
  findUserByEmail,
  findUserById,
  insertUserRow,
  lockActiveAdmins,
  lockManagerChanges,
  managerChainRows,
  updateUserRow,
} from './users-repo.js';
import { managerCycle } from './org-cycles.js';

/** A user as the API shows it (never the password hash): core's User. */
export type UserJson = User;

export interface NewUser {
  email: string;
  displayName?: string;
  password: string;
  roles?: string[];
  orgUnitId?: string | null;
  managerId?: string | null;
  /** Must change the password at first sign-in (a password an administrator chose and told them). */
  mustChangePassword?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 10;
// What a user's audit rows compare: the fields UserJson shows (never the password hash).
export const USER_FIELDS = ['email', 'displayName', 'roles', 'orgUnitId', 'managerId', 'active'] as const;
/** Fields whose change alters what a user may do or see: audited as 'permission'. */
const PERMISSION_FIELDS = ['roles', 'orgUnitId', 'managerId', 'active'] as const;

/** Every problem with a new user's values, each naming the field and the rule. */
export function checkNewUser(user: Partial<NewUser>): Issue[] {
  const issues: Issue[] = [];
  if (typeof user.email !== 'string' || !EMAIL.test(user.email))
    issues.push(issueOf('/email', 'format', { en: 'must be an email address', zh: '应为邮箱地址' }));
  if (typeof user.password !== 'string' || user.password.length < MIN_PASSWORD) {
    issues.push(
      issueOf('/password', 'minLength', {
        en: `must be at least ${MIN_PASSWORD} characters`,
        zh: `至少 ${MIN_PASSWORD} 个字符`,
      }),
    );
  }
  if (
    user.roles !== undefined &&
    (!Array.isArray(user.roles) || user.roles.some((role) => typeof role !== 'string' || !isIdentifier(role)))
  ) {
    issues.push(issueOf('/roles', 'pattern', ROLE_LIST_TEXT));
  }
  return issues;
}

/**
 * Creates a user with a hashed password and its audit row ('create', every shown field from null), in one
 * transaction; 422 naming the field for bad values, 409 for a taken email. Without a context the engine
 * itself is the actor (first admin at start, `lodestar user add`).
 */
export async function createUser(
  knex: Knex,
  user: NewUser,
  context: AuditContext = { actorId: null },
): Promise<UserJson> {
  const issues = checkNewUser(user);
  if (issues.length) throw new ValidationError(summarize(issues), { issues });
  const email = user.email.trim().toLowerCase();
  // Hashing takes tens of milliseconds: do it before the transaction, which then holds no lock meanwhile.
  const passwordHash = await hashPassword(user.password);
  return knex.transaction(async (trx) => {
    const existing = await findUserByEmail(trx, email);
    if (existing)
      throw new ConflictError(
        { en: `a user with the email ${email} already exists`, zh: `邮箱 ${email} 已有用户使用` },
        { issues: [issueOf('/email', 'unique', { en: 'is taken', zh: '已被使用' })] },
      );
    const row = await insertUserRow(trx, {
      email,
      display_name: user.displayName?.trim() || email.split('@')[0],
      password_hash: passwordHash,
      roles: user.roles ?? [],
      org_unit_id: user.orgUnitId ?? null,
      manager_id: user.managerId ?? null,
      must_change_password: user.mustChangePassword ?? false,
    });
    const created = toUserJson(row);
    await auditUser(trx, 'create', created.id, changedFields(null, fieldsOf(created), USER_FIELDS), context);
    return created;
  });
}

/** What an administrator may change about a user (the password has its own path). */
export interface UserPatch {
  displayName?: string;
  roles?: string[];
  orgUnitId?: string | null;
  managerId?: string | null;
  active?: boolean;
}

/**
 * Applies a patch under the user's row lock, with one audit row of what really changed ('permission' when
 * roles, unit, manager or the active flag changed, else 'update'), in one transaction. 404 for no such user.
 */
export async function updateUser(knex: Knex, id: string, patch: UserPatch, context: AuditContext): Promise<UserJson> {
  return knex.transaction(async (trx) => {
    // Lock the active administrators first (always in one order): two transactions that each remove a
    // different admin then see each other's change, and the last one standing stays.
    const admins = await lockActiveAdmins(trx);
    const row = await findUserById(trx, id, 'update');
    if (!row) throw noSuchUser();
    if (patch.managerId !== undefined && patch.managerId !== row.manager_id)
      await checkManager(trx, row, patch.managerId);
    const staysAdmin =
      Boolean(patch.active ?? row.active) && (patch.roles ?? (row.roles as string[])).includes('admin');
    if (admins.includes(id) && !staysAdmin && admins.length === 1)
      throw lastAdmin(patch.active === false ? '/active' : '/roles');
    const columns: Record<string, unknown> = {
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.roles !== undefined && { roles: patch.roles }),
      ...(patch.orgUnitId !== undefined && { org_unit_id: patch.orgUnitId }),
      ...(patch.managerId !== undefined && { manager_id: patch.managerId }),
      ...(patch.active !== undefined && { active: patch.active }),
    };
    if (Object.keys(columns).length === 0) return toUserJson(row);
    const updated = await updateUserRow(trx, id, columns);
    // Deactivating (and reactivating) ends every session and API key: a reactivated user starts afresh.
    if (patch.active !== undefined && patch.active !== row.active) await endAccess(trx, id);
    const after = toUserJson(updated);
    const changes = changedFields(fieldsOf(toUserJson(row)), fieldsOf(after), USER_FIELDS);
    const permission = PERMISSION_FIELDS.some((field) => field in changes);
    if (Object.keys(changes).length) await auditUser(trx, permission ? 'permission' : 'update', id, changes, context);
    return after;
  });
}

/**
 * Refuses a manager that would put the user above themselves (directly or through the chain of managers),
 * naming both people; manager changes are serialized, so two that each close half a loop cannot both pass.
 */
async function checkManager(trx: Knex.Transaction, user: Record<string, unknown>, managerId: string | null) {
  if (managerId === null) return;
  await lockManagerChanges(trx);
  const chain = await managerChainRows(trx, managerId);
  const byId = new Map(chain.map((r) => [r.id, r]));
  const loop = managerCycle((at) => byId.get(at)?.manager_id, user.id as string, managerId);
  if (!loop) return;
  const nameOf = (r: { display_name?: unknown; email?: unknown } | undefined) =>
    String(r?.display_name || r?.email || '?');
  const who = nameOf(user);
  const manager = nameOf(byId.get(managerId));
  const text =
    loop.length === 1
      ? { en: `${who} cannot be their own manager`, zh: `${who} 不能做自己的上级` }
      : {
          en: `${manager} cannot be ${who}'s manager: ${who} is already above ${manager} (${loop
            .map((at) => nameOf(byId.get(at)))
            .join(' → ')})`,
          zh: `${manager} 不能做 ${who} 的上级：${who} 已经是 ${manager} 的上级（${loop
            .map((at) => nameOf(byId.get(at)))
            .join(' → ')}）`,
        };
  throw new ValidationError(text, { issues: [issueOf('/managerId', 'managerCycle', text, { chain: loop })] });
}

/** 409 for removing the last active administrator, pointing at the field that would do it. */
function lastAdmin(pointer: string): ConflictError {
  return new ConflictError(
    {
      en: 'this is the last active administrator: make another user an administrator first',
      zh: '这是最后一位在用的管理员：请先将其他用户设为管理员',
    },
    {
      issues: [
        {
          pointer,
          keyword: 'lastAdmin',
          message: 'would leave no active administrator',
          i18n: { en: 'would leave no active administrator', zh: '将不再有在用的管理员' },
        },
      ],
    },
  );
}

/** Ends a user's sessions (but `keepSession`, a token hash) and revokes their API keys. */
export async function endAccess(
  trx: Knex.Transaction | Knex,
  userId: string,
  options: { keepSession?: string; keepKeys?: boolean } = {},
): Promise<void> {
  await endUserAccess(trx, userId, {
    ...(options.keepSession && { keepTokenHash: options.keepSession }),
    ...(options.keepKeys && { keepKeys: true }),
  });
}

const PASSWORD_ISSUE = (pointer: string): Issue => ({
  pointer,
  keyword: 'minLength',
  message: `must be at least ${MIN_PASSWORD} characters`,
  i18n: { en: `must be at least ${MIN_PASSWORD} characters`, zh: `至少 ${MIN_PASSWORD} 个字符` },
});

/**
 * A user changes their own password, proving the current one. Their other sessions end (the one they
 * change it from stays); a must-change mark is cleared; audited without any hash.
 */
export async function changeOwnPassword(
  knex: Knex,
  userId: string,
  current: unknown,
  next: unknown,
  session: { token?: string; context: AuditContext },
): Promise<UserJson> {
  if (typeof next !== 'string' || next.length < MIN_PASSWORD)
    throw new ValidationError(
      { en: 'the new password is too short', zh: '新密码太短' },
      { issues: [PASSWORD_ISSUE('/newPassword')] },
    );
  const row = await findUserById(knex, userId);
  if (!row) throw noSuchUser();
  if (typeof current !== 'string' || !(await verifyPassword(row.password_hash as string, current))) {
    throw new ValidationError(
      { en: 'the current password is wrong', zh: '当前密码不正确' },
      {
        issues: [
          {
            pointer: '/currentPassword',
            keyword: 'password',
            message: 'is wrong',
            i18n: { en: 'is wrong', zh: '不正确' },
          },
        ],
      },
    );
  }
  if (current === next) {
    throw new ValidationError(
      { en: 'the new password must differ from the current one', zh: '新密码不能与当前密码相同' },
      {
        issues: [
          {
            pointer: '/newPassword',
            keyword: 'different',
            message: 'must differ from the current password',
            i18n: { en: 'must differ from the current password', zh: '不能与当前密码相同' },
          },
        ],
      },
    );
  }
  const passwordHash = await hashPassword(next);
  return knex.transaction(async (trx) => {
    const updated = await updateUserRow(trx, userId, { password_hash: passwordHash, must_change_password: false });
    await endAccess(trx, userId, { ...(session.token && { keepSession: hashSecret(session.token) }), keepKeys: true });
    await auditUser(trx, 'permission', userId, mustChangeChange(row, false), session.context, {
      event: 'passwordChanged',
    });
    return toUserJson(updated);
  });
}

/**
 * An administrator sets a temporary password: the user must change it at next sign-in, every session of
 * theirs ends (API keys stay: they carry no password). Audited without the password.
 */
export async function resetPassword(
  knex: Knex,
  id: string,
  password: unknown,
  context: AuditContext,
): Promise<UserJson> {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD)
    throw new ValidationError(
      { en: 'the temporary password is too short', zh: '临时密码太短' },
      { issues: [PASSWORD_ISSUE('/password')] },
    );
  const passwordHash = await hashPassword(password);
  return knex.transaction(async (trx) => {
    const row = await findUserById(trx, id, 'update');
    if (!row) throw noSuchUser();
    const updated = await updateUserRow(trx, id, { password_hash: passwordHash, must_change_password: true });
    await endAccess(trx, id, { keepKeys: true });
    await clearFailures(trx, row.email as string);
    await auditUser(trx, 'permission', id, mustChangeChange(row, true), context, { event: 'passwordReset' });
    return toUserJson(updated);
  });
}

/** An administrator lifts every sign-in throttle on a user's email (from any address). Audited. */
export async function unlockUser(
  knex: Knex,
  id: string,
  context: AuditContext,
): Promise<{ user: UserJson; cleared: number; lastLoginAt: string | null }> {
  return knex.transaction(async (trx) => {
    const row = await findUserById(trx, id);
    if (!row) throw noSuchUser();
    const cleared = await clearFailures(trx, row.email as string);
    await auditUser(trx, 'permission', id, {}, context, { event: 'unlocked', clearedCounters: cleared });
    return { user: toUserJson(row), cleared, lastLoginAt: lastLoginOf(row) };
  });
}

const mustChangeChange = (row: Record<string, unknown>, after: boolean): AuditChanges =>
  Boolean(row.must_change_password) === after ? {} : { mustChangePassword: [Boolean(row.must_change_password), after] };

/** 404 for a user id that names nobody. */
export function noSuchUser(): NotFoundError {
  return new NotFoundError({ en: 'no such user', zh: '没有这个用户' });
}

export const fieldsOf = (user: UserJson): Record<string, unknown> => ({ ...user });

export async function auditUser(
  trx: Knex.Transaction,
  action: 'create' | 'update' | 'permission',
  userId: string,
  changes: AuditChanges,
  context: AuditContext,
  detail?: unknown,
): Promise<void> {
  await insertAudit(trx, [
    {
      actorId: context.actorId,
      entity: AUDIT_OBJECTS.user,
      recordId: userId,
      action,
      changes,
      ...(detail !== undefined && { detail }),
      requestId: context.requestId ?? null,
    },
  ]);
}

export async function countUsers(knex: Knex): Promise<number> {
  return countUserRows(knex);
}

/** When the user last signed in (ISO 8601), or null when they never did: administrators' user list shows it. */
export function lastLoginOf(row: Record<string, unknown>): string | null {
  const at = row.last_login_at;
  if (at instanceof Date) return at.toISOString();
  return typeof at === 'string' && at ? new Date(at).toISOString() : null;
}

export function toUserJson(row: Record<string, unknown>): UserJson {
  return {
    id: row.id as string,
    email: row.email as string,
    displayName: row.display_name as string,
    roles: (row.roles as string[]) ?? [],
    orgUnitId: (row.org_unit_id as string | null) ?? null,
    managerId: (row.manager_id as string | null) ?? null,
    active: row.active as boolean,
    mustChangePassword: Boolean(row.must_change_password),
  };
}
