import type { Db } from './db/connect.js';
import type { Logger } from './log.js';
import type { ModelCache } from './model/model-cache.js';

/** What every edge (HTTP route, CLI command, job) is handed; passed explicitly, never global. */
export interface AppContext {
  db: Db;
  models: ModelCache;
  log: Logger;
  clock: () => Date;
}
