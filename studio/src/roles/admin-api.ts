import { ApiError } from '@lodestar/ui-shared';

/** `GET /api/v1/admin/org-units` rows (engine/src/identity/org-units.ts). */
export interface OrgUnit {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
}

/** `GET /api/v1/admin/users` rows (engine/src/identity/users.ts). */
export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  orgUnitId: string | null;
  managerId: string | null;
  active: boolean;
  /** The password was set by an administrator and is still to be changed by the user. */
  mustChangePassword?: boolean;
  /** Failed sign-ins throttle this user's email until then (somewhere); an administrator may lift it. */
  signInBlockedUntil?: string | null;
}

export const UNITS_PATH = '/api/v1/admin/org-units';
export const USERS_PATH = '/api/v1/admin/users';

/** Units in tree order, siblings by name (the path of ids, read as names), each with its depth. */
export function unitTree(units: OrgUnit[]): (OrgUnit & { depth: number })[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const ids = (unit: OrgUnit) => unit.path.split('/').filter(Boolean);
  const key = (unit: OrgUnit) => ids(unit).map((id) => byId.get(id)?.name ?? id).join('\u0000');
  return [...units].sort((a, b) => key(a).localeCompare(key(b))).map((unit) => ({ ...unit, depth: ids(unit).length - 1 }));
}

/** An API failure in one line, with the pointer of each issue (`/password: must be at least 10 characters`). */
export function failureText(error: unknown): string {
  if (error instanceof ApiError && error.issues.length) return error.issues.map((issue) => `${issue.pointer} ${issue.message}`).join('; ');
  return (error as Error).message;
}
