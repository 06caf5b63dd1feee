import type { Knex } from 'knex';
import { UUID_RE } from '@lodestar/core';
import { ValidationError, type Issue } from '../errors.js';
import { activeUserIds } from '../identity/users-repo.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { attributesOf } from './attributes.js';
import type { RecordJson } from './types.js';

/**
 * A user field (`x-user`) may name only an active user. Users are deactivated, never deleted, so a foreign
 * key would accept a person who has left; the engine asks `lodestar_users` instead (one indexed query per
 * write that names users). A record keeps a user who was deactivated after being chosen: only values the
 * write changes are judged, so the record's other fields stay editable.
 */

/** The user fields of a write whose value is not an active user's id (ajv has already checked the uuid form). */
export async function inactiveUserFields(
  db: Knex,
  entity: CompiledEntity,
  fields: Record<string, unknown>,
): Promise<Map<string, string>> {
  const named = new Map<string, string>();
  const { byName } = attributesOf(entity);
  for (const [name, value] of Object.entries(fields))
    if (byName.get(name)?.kind === 'user' && typeof value === 'string' && UUID_RE.test(value)) named.set(name, value);
  if (!named.size) return named;
  const active = await activeUserIds(db, [...new Set(named.values())]);
  return new Map([...named].filter(([, id]) => !active.has(id)));
}

/** Refuses (422, one issue per field) the inactive users a write names, except those the stored record already holds. */
export function requireActiveUsers(inactive: Map<string, string>, stored?: RecordJson): void {
  const issues = [...inactive].filter(([name, id]) => stored?.[name] !== id).map(([name]) => inactiveUser(name));
  if (issues.length)
    throw new ValidationError(
      { en: 'a user field names no active user', zh: '人员字段须选择已启用的用户' },
      { issues },
    );
}

function inactiveUser(field: string): Issue {
  return {
    pointer: `/${field}`,
    keyword: 'activeUser',
    message: 'must be an active user',
    i18n: { en: 'must be an active user', zh: '应为已启用的用户' },
  };
}
