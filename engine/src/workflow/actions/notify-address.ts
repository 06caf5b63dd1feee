import { UUID_RE } from '@lodestar/core';
import type { Reach } from '../../identity/users-repo.js';

/**
 * Whom a notify reaches: the record's owner (`owner`), the owner's manager (`owner.manager`), the actor
 * (`actor`), an email address, every active user holding a role, the members of an org unit (by id or
 * name; `subUnits`: and of every unit below it), or the user a user field (`x-user`) of the record names.
 */
export type NotifyAddress =
  string | { role: string } | { field: string } | { orgUnit: string; subUnits?: boolean | undefined };

/** One address, or several (duplicates reach a person once). */
export type NotifyTo = NotifyAddress | NotifyAddress[];

/** The addresses as a list, each with its pointer under the params. */
export function addressList(to: NotifyTo): { address: NotifyAddress; at: string }[] {
  return Array.isArray(to) ? to.map((address, i) => ({ address, at: `/to/${i}` })) : [{ address: to, at: '/to' }];
}

/** What the addresses are read against: the record's owner and fields as the transition leaves them, and the actor. */
export interface AddressFacts {
  ownerId: unknown;
  actorId: string;
  valueOf(field: string): unknown;
}

/**
 * Whom the addresses name, as one directory query asks for them (users, managers of, roles, org units) and
 * the literal mail addresses. A blank or malformed user id (an empty user field) names no one.
 */
export function reachOf(to: NotifyTo, facts: AddressFacts): { reach: Reach; addresses: string[] } {
  const reach: Reach = { userIds: [], managersOf: [], roles: [], units: [], unitsBelow: [] };
  const addresses = new Set<string>();
  const add = (list: string[], item: unknown) => {
    if (typeof item === 'string' && !list.includes(item)) list.push(item);
  };
  const user = (list: string[], id: unknown) => typeof id === 'string' && UUID_RE.test(id) && add(list, id);
  for (const { address } of addressList(to)) {
    if (address === 'owner') user(reach.userIds, facts.ownerId);
    else if (address === 'owner.manager') user(reach.managersOf, facts.ownerId);
    else if (address === 'actor') user(reach.userIds, facts.actorId);
    else if (typeof address === 'string') addresses.add(address);
    else if ('role' in address) add(reach.roles, address.role);
    else if ('field' in address) user(reach.userIds, facts.valueOf(address.field));
    else add(address.subUnits ? reach.unitsBelow : reach.units, address.orgUnit);
  }
  return { reach, addresses: [...addresses] };
}
