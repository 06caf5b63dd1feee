import type { Config } from '../../config.js';
import { connect, type Db } from '../../db/connect.js';
import { migrateEngineTables } from '../../db/engine-tables.js';

/** Opens the configured database with the engine tables in place, runs `work`, and always closes it. */
export async function withDb<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await connect(config.db);
  try {
    await migrateEngineTables(db.knex);
    return await work(db);
  } finally {
    await db.close();
  }
}
