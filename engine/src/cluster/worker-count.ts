import type { DbConfig } from '../db/connect.js';

export interface WorkerPlan {
  /** Engine processes to run: 1 means this process serves, no cluster. */
  count: number;
  /** Why the request was not followed as asked, in both languages. */
  note?: { en: string; zh: string };
}

/**
 * How many engine processes `lodestar start` runs: on PostgreSQL the number asked for, by default one per
 * core; the embedded PGlite database belongs to one process, so it stays one whatever is asked.
 */
export function planWorkers(requested: number | undefined, db: DbConfig, cores: number): WorkerPlan {
  if (!('databaseUrl' in db)) {
    return requested !== undefined && requested > 1
      ? {
          count: 1,
          note: {
            en: `--workers ${requested} needs PostgreSQL (DATABASE_URL): the embedded database runs in one process`,
            zh: `--workers ${requested} 需要 PostgreSQL（DATABASE_URL）：内置数据库只能在一个进程中运行`,
          },
        }
      : { count: 1 };
  }
  return { count: Math.max(1, requested ?? cores) };
}
