import type { Knex } from 'knex';
import { activeUsersReached, type Reach } from '../identity/users-repo.js';
import { UUID_RE } from '@lodestar/core';
import { addressList, type NotifyTo } from '../workflow/actions/notify-address.js';

/** Whom a notify reaches: active users (each once), and mail addresses written in the definition. */
export interface Recipients {
  users: { id: string; email: string; name: string }[];
  /** Literal addresses that are no user's own (a user's address is in `users`). */
  addresses: string[];
}

/** What addresses are read against: the record's owner and fields as the transition leaves them, and the actor. */
export interface RecipientFacts {
  ownerId: unknown;
  actorId: string;
  valueOf(field: string): unknown;
}

/**
 * The people a `notify` reaches, in one query on the transaction (so an owner changed by this transition
 * is the one notified): owner, owner's manager, actor, user fields, roles and org units; duplicates
 * removed, deactivated users and blank or unknown ids skipped.
 */
export async function recipientsOf(db: Knex, to: NotifyTo, facts: RecipientFacts): Promise<Recipients> {
  const reach: Reach = { userIds: [], managersOf: [], roles: [], units: [], unitsBelow: [] };
  const addresses = new Set<string>();
  const user = (id: unknown, list: string[]) => typeof id === 'string' && UUID_RE.test(id) && list.push(id);
  for (const { address } of addressList(to)) {
    if (address === 'owner') user(facts.ownerId, reach.userIds);
    else if (address === 'owner.manager') user(facts.ownerId, reach.managersOf);
    else if (address === 'actor') user(facts.actorId, reach.userIds);
    else if (typeof address === 'string') addresses.add(address);
    else if ('role' in address) reach.roles.push(address.role);
    else if ('field' in address) user(facts.valueOf(address.field), reach.userIds);
    else (address.subUnits ? reach.unitsBelow : reach.units).push(address.orgUnit);
  }
  const asked = Object.values(reach).some((list) => list.length > 0);
  const rows = asked ? await activeUsersReached(db, reach) : [];
  const users = rows.map((row) => ({ id: row.id, email: row.email, name: row.display_name || row.email }));
  for (const { email } of users) addresses.delete(email);
  return { users, addresses: [...addresses] };
}
