import type { DirectoryEntry } from '@lodestar/core';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { listActiveDirectory } from '../../identity/users-repo.js';
import { USERS_DIRECTORY } from '../contract/runtime-ui.js';
import { route } from '../contract/route.js';

/** One active user as every signed-in user may see them: core's DirectoryEntry. */
export type { DirectoryEntry };

/**
 * `GET /users`: active users by display name, for owner names, owner filters and pickers. Roles,
 * managers and login data stay in the admin API.
 */
export function usersDirectoryRouter(ctx: AppContext): Router {
  const router = Router();
  route(router, USERS_DIRECTORY.routes.list, async (_req, res) => {
    const rows = await listActiveDirectory(ctx.db.knex);
    const data: DirectoryEntry[] = rows.map((row) => ({
      id: String(row.id),
      displayName: String(row.display_name),
      email: String(row.email),
      orgUnitId: (row.org_unit_id as string | null) ?? null,
    }));
    res.json({ data });
  });
  return router;
}
