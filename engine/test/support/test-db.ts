import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Db } from '../../src/db/connect.js';

/** The PostgreSQL server tests use; CI and every developer machine have it on 127.0.0.1:5432. */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDb {
  db: Db;
  /** Connection URL (PostgreSQL only), for a second engine process on the same database. */
  url?: string;
  /** The folder of an embedded database (PGlite only). */
  dataDir?: string;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database for one test file. */
export async function createPostgresDb(): Promise<TestDb> {
  const name = `lodestar_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = await connect({ databaseUrl: url, poolSize: 5 });
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A fresh embedded PGlite database in a temporary folder. */
export async function createPgliteDb(): Promise<TestDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lodestar-pglite-'));
  const db = await connect({ dataDir });
  return {
    db,
    dataDir,
    drop: async () => {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type DbKind = 'postgres' | 'pglite';

/** A fresh database of the given kind; `npm test` maps postgres to PGlite when no server is reachable. */
export function createTestDb(kind: DbKind = 'postgres'): Promise<TestDb> {
  const effective = process.env.LODESTAR_TEST_DB === 'pglite' ? 'pglite' : kind;
  return effective === 'postgres' ? createPostgresDb() : createPgliteDb();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
