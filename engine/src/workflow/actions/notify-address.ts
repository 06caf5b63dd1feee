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
