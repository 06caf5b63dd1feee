import type { Knex } from 'knex';
import { userNameRows } from '../identity/users-repo.js';
import type { RecordJson } from './types.js';

/** A user field's value as `expand` gives it: who the person is, as the users directory shows them. */
export interface ExpandedUser {
  id: string;
  name: string;
  email: string;
}

/**
 * Replaces the user ids of field `name` in `records` with `{ id, name, email }`, in place, in one query.
 * Everyone may read the users directory, so no scope applies; a deactivated user is still named (the
 * record keeps the person who was chosen). An id no user has (a definition changed under old values) is null.
 */
export async function expandUsers(knex: Knex, records: RecordJson[], name: string): Promise<void> {
  const ids = [...new Set(records.map((record) => record[name]).filter((v): v is string => typeof v === 'string'))];
  const users = new Map<string, ExpandedUser>(
    ids.length
      ? (await userNameRows(knex, ids)).map((u) => [
          u.id,
          { id: u.id, name: u.display_name || u.email, email: u.email },
        ])
      : [],
  );
  for (const record of records) {
    const value = record[name];
    record[name] = typeof value === 'string' ? (users.get(value) ?? null) : null;
  }
}
