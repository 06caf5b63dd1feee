import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import knexModule, { type Knex } from 'knex';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { PgliteClient } from './pglite-client.js';
import { typeParsers } from './type-parsers.js';

// Under Node ESM the named `knex` export fails at run time; the default export is the factory.
const createKnex = knexModule as unknown as (config: Knex.Config) => Knex;

export interface Db {
  knex: Knex;
  kind: 'postgres' | 'pglite';
  /** The server's URL (PostgreSQL only): for the connection that listens for notifications. */
  url?: string;
  /** PGlite only: hears the embedded database's own NOTIFYs (at commit, in this process); resolves to the unlisten. */
  listen?(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DbConfig = { databaseUrl: string; poolSize?: number } | { dataDir: string };

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir` (locked against a second process). */
export async function connect(config: DbConfig): Promise<Db> {
  return 'databaseUrl' in config ? connectPostgres(config.databaseUrl, config.poolSize) : connectPglite(config.dataDir);
}

function connectPostgres(url: string, poolSize = 10): Db {
  const types = {
    getTypeParser: (oid: number, format?: string) => typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  };
  const knex = createKnex({
    client: 'pg',
    connection: { connectionString: url, types } as Knex.PgConnectionConfig,
    pool: { min: 0, max: poolSize },
  });
  return { knex, kind: 'postgres', url, close: () => knex.destroy() };
}

async function connectPglite(dataDir: string): Promise<Db> {
  const unlock = lockDataDir(dataDir);
  const pglite = new PGlite({ dataDir: join(dataDir, 'pg'), parsers: typeParsers, extensions: PGLITE_EXTENSIONS });
  await pglite.waitReady;
  const knex = createKnex({ client: PgliteClient as unknown as typeof Knex.Client, connection: { pglite } as never });
  return {
    knex,
    kind: 'pglite',
    listen: async (channel, handler) => {
      const unlisten = await pglite.listen(channel, handler);
      return () => unlisten();
    },
    close: async () => {
      await knex.destroy();
      unlock();
    },
  };
}
