import type { Knex } from 'knex';
import { AUDIT_OBJECTS, changedFields, type AuditChanges, type AuditContext } from '../audit/audit-entry.js';
import { insertAudit } from '../audit/audit-repo.js';
import { ConflictError, NotFoundError, ValidationError, type Issue } from '../errors.js';
import { hashPassword } from './secrets.js';

/** A user as the API shows it (never the password hash). */
export interface UserJson {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  orgUnitId: string | null;
  managerId: string | null;
  active: boolean;
}

export interface NewUser {
  email: string;
  displayName?: string;
  password: string;
  roles?: string[];
  orgUnitId?: string | null;
  managerId?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROLE = /^[a-z][a-zA-Z0-9]{0,47}$/;
export const MIN_PASSWORD = 10;
// What a user's audit rows compare: the fields UserJson shows (never the password hash).
const USER_FIELDS = ['email', 'displayName', 'roles', 'orgUnitId', 'managerId', 'active'] as const;
/** Fields whose change alters what a user may do or see: audited as 'permission'. */
const PERMISSION_FIELDS = ['roles', 'orgUnitId', 'managerId', 'active'] as const;

/** Every problem with a new user's values, each naming the field and the rule. */
export function checkNewUser(user: Partial<NewUser>): Issue[] {
  const issues: Issue[] = [];
  if (typeof user.email !== 'string' || !EMAIL.test(user.email)) issues.push({ pointer: '/email', keyword: 'format', message: 'must be an email address' });
  if (typeof user.password !== 'string' || user.password.length < MIN_PASSWORD) {
    issues.push({ pointer: '/password', keyword: 'minLength', message: `must be at least ${MIN_PASSWORD} characters` });
  }
  if (user.roles !== undefined && (!Array.isArray(user.roles) || user.roles.some((role) => typeof role !== 'string' || !ROLE.test(role)))) {
    issues.push({ pointer: '/roles', keyword: 'pattern', message: 'must be a list of role ids such as salesManager' });
  }
  return issues;
}

/**
 * Creates a user with a hashed password and its audit row ('create', every shown field from null), in one
 * transaction; 422 naming the field for bad values, 409 for a taken email. Without a context the engine
 * itself is the actor (first admin at start, `lodestar user add`).
 */
export async function createUser(knex: Knex, user: NewUser, context: AuditContext = { actorId: null }): Promise<UserJson> {
  const issues = checkNewUser(user);
  if (issues.length) throw new ValidationError(issues.map((i) => `${i.pointer}: ${i.message}`).join('; '), { issues });
  const email = user.email.trim().toLowerCase();
  // Hashing takes tens of milliseconds: do it before the transaction, which then holds no lock meanwhile.
  const passwordHash = await hashPassword(user.password);
  return knex.transaction(async (trx) => {
    const existing = await trx('lodestar_users').where({ email }).first('id');
    if (existing) throw new ConflictError(`a user with the email ${email} already exists`, { issues: [{ pointer: '/email', keyword: 'unique', message: 'is taken' }] });
    const [row] = await trx('lodestar_users')
      .insert({
        email,
        display_name: user.displayName?.trim() || email.split('@')[0],
        password_hash: passwordHash,
        roles: user.roles ?? [],
        org_unit_id: user.orgUnitId ?? null,
        manager_id: user.managerId ?? null,
      })
      .returning('*');
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
    const row = await trx('lodestar_users').where({ id }).forUpdate().first();
    if (!row) throw new NotFoundError('no such user');
    const columns: Record<string, unknown> = {
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.roles !== undefined && { roles: patch.roles }),
      ...(patch.orgUnitId !== undefined && { org_unit_id: patch.orgUnitId }),
      ...(patch.managerId !== undefined && { manager_id: patch.managerId }),
      ...(patch.active !== undefined && { active: patch.active }),
    };
    if (Object.keys(columns).length === 0) return toUserJson(row);
    const [updated] = await trx('lodestar_users').where({ id }).update(columns).returning('*');
    const after = toUserJson(updated);
    const changes = changedFields(fieldsOf(toUserJson(row)), fieldsOf(after), USER_FIELDS);
    const permission = PERMISSION_FIELDS.some((field) => field in changes);
    if (Object.keys(changes).length) await auditUser(trx, permission ? 'permission' : 'update', id, changes, context);
    return after;
  });
}

const fieldsOf = (user: UserJson): Record<string, unknown> => ({ ...user });

async function auditUser(trx: Knex.Transaction, action: 'create' | 'update' | 'permission', userId: string, changes: AuditChanges, context: AuditContext): Promise<void> {
  await insertAudit(trx, [{ actorId: context.actorId, entity: AUDIT_OBJECTS.user, recordId: userId, action, changes, requestId: context.requestId ?? null }]);
}

export async function countUsers(knex: Knex): Promise<number> {
  const [row] = await knex('lodestar_users').count<{ count: string | number }[]>('* as count');
  return Number(row!.count);
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
  };
}
