import { useEffect, useState } from 'react';
import { api, type ResponseOf } from '@lodestar/ui-shared';

/** One active user, as `GET /users` lists them (for owner names and pickers; the engine's contract). */
export type DirectoryUser = ResponseOf<'/users', 'get'>['data'][number];

export interface UserDirectory {
  /** Every active user, once loaded (empty until then, and when the directory cannot be read). */
  users: DirectoryUser[];
  byId: Map<string, DirectoryUser>;
  loaded: boolean;
}

const EMPTY: UserDirectory = { users: [], byId: new Map(), loaded: false };

// One request per page load, shared by every cell that shows a user: a table of 50 owner cells
// must not fetch 50 times. A failed load is forgotten so the next mount tries again.
let cache: UserDirectory = EMPTY;
let pending: Promise<UserDirectory> | null = null;
const listeners = new Set<(directory: UserDirectory) => void>();

function load(): Promise<UserDirectory> {
  pending ??= api('get', '/users').then(
    ({ data }) => {
      cache = { users: data, byId: new Map(data.map((u) => [u.id, u])), loaded: true };
      listeners.forEach((listener) => listener(cache));
      return cache;
    },
    () => {
      pending = null;
      return cache;
    },
  );
  return pending;
}

/** The users directory, loaded once and shared; re-renders its callers when it arrives. */
export function useUsers(): UserDirectory {
  const [directory, setDirectory] = useState(cache);
  useEffect(() => {
    listeners.add(setDirectory);
    if (!cache.loaded) void load();
    else setDirectory(cache);
    return () => void listeners.delete(setDirectory);
  }, []);
  return directory;
}

/** Drops the cached directory (after signing in as someone else, or after an admin change). */
export function forgetUsers(): void {
  cache = EMPTY;
  pending = null;
}
