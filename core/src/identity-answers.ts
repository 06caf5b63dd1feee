/*
 * People and the company tree as the identity routes answer them (`/auth/*`, `/admin/users`, `/admin/org-units`,
 * `/users`), and a user's saved list views (`/views/*`): engine identity/* and views/* build them, the apps read them.
 */

/** A user as the identity routes return it (never the password hash). */
export interface User {
  /** @format uuid */
  id: string;
  /** @format email */
  email: string;
  displayName: string;
  roles: string[];
  /** @format uuid */
  orgUnitId: string | null;
  /** @format uuid */
  managerId: string | null;
  active: boolean;
  /** The password was set by an administrator: the user must change it before anything else. */
  mustChangePassword: boolean;
}

/**
 * A user as administrators list them: with the time their sign-in is throttled until (null when it is not)
 * and their last sign-in (null when they never signed in).
 */
export interface ListedUser extends User {
  /** @format date-time */
  signInBlockedUntil: string | null;
  /** @format date-time */
  lastLoginAt: string | null;
}

/** A signed-in session (`POST /auth/login`, the first-run `POST /auth/setup`): engine identity/sessions.ts builds it. */
export interface SignedIn {
  /** The bearer token: sent as `Authorization: Bearer …` until it expires or the user signs out. */
  token: string;
  /** @format date-time */
  expiresAt: string;
  user: User;
}

/** One unit of the company tree (company → department → team). */
export interface OrgUnit {
  /** @format uuid */
  id: string;
  /** @format uuid */
  parentId: string | null;
  name: string;
  /** `/root id/…/own id/`: "this unit and below" is one prefix match. */
  path: string;
}

/** One active user as every signed-in user may see them: enough to name owners and pick people. */
export interface DirectoryEntry {
  /** @format uuid */
  id: string;
  displayName: string;
  email: string;
  /** @format uuid */
  orgUnitId: string | null;
}

/** A saved list view: the list query the runtime UI replays, stored as the UI gave it. */
export interface SavedView {
  /** @format uuid */
  id: string;
  entity: string;
  name: string;
  query: Record<string, unknown>;
  /** @format date-time */
  createdAt: string;
  /** Whether the caller owns the view (may change, share or delete it); anyone else may copy it as their own. */
  mine: boolean;
  /** @format uuid */
  ownerId: string;
  ownerName: string;
  /** Who besides its owner sees the view: an org unit (with the units below it) and/or a role; null: nobody. */
  sharedWith: ViewSharing | null;
}

/** Whom a saved view is shared with: the members of an org unit and the units below it, or holders of a role. */
export interface ViewSharing {
  /** @format uuid */
  unitId?: string;
  role?: string;
}
