import type { Knex } from 'knex';
import { activeUsersReached } from '../identity/users-repo.js';
import { reachOf, type AddressFacts, type NotifyTo } from '../workflow/actions/notify-address.js';

/** Whom a notify reaches: active users (each once), and mail addresses written in the definition. */
export interface Recipients {
  /** `lang`: the language the user reads (their runtime UI's), Chinese until they said otherwise. */
  users: { id: string; email: string; name: string; lang: 'zh' | 'en' }[];
  /** Literal addresses that are no reached user's own (a user's address is in `users`). */
  addresses: string[];
}

/**
 * The people a `notify` reaches, in one query on the transaction (so an owner changed by this transition
 * is the one notified): owner, owner's manager, actor, user fields, roles and org units; duplicates
 * removed, deactivated users skipped.
 */
export async function recipientsOf(db: Knex, to: NotifyTo, facts: AddressFacts): Promise<Recipients> {
  const { reach, addresses } = reachOf(to, facts);
  const asked = Object.values(reach).some((list) => list.length > 0);
  const rows = asked ? await activeUsersReached(db, reach) : [];
  const users = rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.display_name || row.email,
    lang: row.lang === 'en' ? ('en' as const) : ('zh' as const),
  }));
  const theirs = new Set(users.map((user) => user.email.toLowerCase()));
  return { users, addresses: addresses.filter((address) => !theirs.has(address.toLowerCase())) };
}
