import type { Config } from '../../src/config.js';
import { openSession } from '../../src/identity/sessions.js';
import { createUser, type UserJson } from '../../src/identity/users.js';

/** The password of every user the test harness creates. */
export const ADMIN_PASSWORD = 'correct horse battery';
import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import { startEngine, type RunningEngine } from '../../src/main.js';
import { publish } from '../../src/store/publish.js';
import { migrateEngineTables } from '../../src/db/engine-tables.js';
import { createTestDb, type DbKind, type TestDb } from './test-db.js';

import { REPO_ROOT } from './paths.js';

export { FIXTURES, REPO_ROOT } from './paths.js';

export interface TestServer {
  url: string;
  engine: RunningEngine;
  testDb: TestDb;
  /** The administrator every request acts as by default. */
  admin: UserJson;
  adminToken: string;
  /** Creates a user (password: ADMIN_PASSWORD) and a session for it. */
  userToken(user: {
    email: string;
    roles?: string[];
    orgUnitId?: string | null;
    managerId?: string | null;
    displayName?: string;
  }): Promise<{ user: UserJson; token: string }>;
  /** fetch against the server; JSON bodies are encoded, JSON responses decoded into `body`. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the answer it expects
  body: any;
}

export interface TestServerOptions {
  kind?: DbKind;
  /** A folder with schemas/ and workflows/ to seed from (default: the repo's default template). */
  definitionsDir?: string;
  /** Or a definition set published directly as version 1. */
  definitions?: DefinitionSet;
  /** Settings on top of the test defaults (SMTP, webhook secret, …). */
  config?: Partial<Config>;
}

/** A fresh database and an engine on a free port, seeded with the given definitions. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const testDb = await createTestDb(options.kind ?? 'postgres');
  if (options.definitions) {
    await migrateEngineTables(testDb.db.knex);
    await publish(testDb.db.knex, { definitions: options.definitions, source: 'api' });
  }
  const engine = await startEngine(
    {
      port: 0,
      db: { dataDir: 'unused' },
      definitionsDir: options.definitionsDir ?? REPO_ROOT,
      logLevel: process.env.LOG_LEVEL ?? 'silent',
      timerPollMs: 100,
      ...options.config,
    },
    { db: testDb.db, seed: !options.definitions },
  );
  const admin = await createUser(testDb.db.knex, {
    email: 'admin@lodestar.test',
    displayName: 'Admin',
    password: ADMIN_PASSWORD,
    roles: ['admin'],
  });
  const adminToken = (await openSession(testDb.db.knex, admin.id, new Date())).token;
  // Requests go as the admin unless they bring their own Authorization (an empty one sends none).
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const { authorization = `Bearer ${adminToken}`, ...rest } = headers;
    const response = await fetch(`${engine.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(authorization && { authorization }),
        ...rest,
      },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
  const userToken = async (user: {
    email: string;
    roles?: string[];
    orgUnitId?: string | null;
    managerId?: string | null;
    displayName?: string;
  }) => {
    const created = await createUser(testDb.db.knex, { ...user, password: ADMIN_PASSWORD });
    return { user: created, token: (await openSession(testDb.db.knex, created.id, new Date())).token };
  };
  return {
    url: engine.url,
    engine,
    testDb,
    admin,
    adminToken,
    userToken,
    request,
    close: async () => {
      await engine.close();
      await testDb.drop();
    },
  };
}
