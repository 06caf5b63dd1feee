import type { Knex } from 'knex';
import { ConflictError, ValidationError, type Issue } from '../errors.js';
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

/** Creates a user with a hashed password; 422 naming the field for bad values, 409 for a taken email. */
export async function createUser(knex: Knex, user: NewUser): Promise<UserJson> {
  const issues = checkNewUser(user);
  if (issues.length) throw new ValidationError(issues.map((i) => `${i.pointer}: ${i.message}`).join('; '), { issues });
  const email = user.email.trim().toLowerCase();
  const existing = await knex('lodestar_users').where({ email }).first('id');
  if (existing) throw new ConflictError(`a user with the email ${email} already exists`, { issues: [{ pointer: '/email', keyword: 'unique', message: 'is taken' }] });
  const [row] = await knex('lodestar_users')
    .insert({
      email,
      display_name: user.displayName?.trim() || email.split('@')[0],
      password_hash: await hashPassword(user.password),
      roles: user.roles ?? [],
      org_unit_id: user.orgUnitId ?? null,
      manager_id: user.managerId ?? null,
    })
    .returning('*');
  return toUserJson(row);
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
