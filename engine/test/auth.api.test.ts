import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../src/main.js';
import { CLI } from './support/engine-process.js';
import { FIXTURES, REPO_ROOT } from './support/paths.js';
import { createTestDb } from './support/test-db.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
let dealId: string;
const NONE = { authorization: '' };

beforeAll(async () => {
  server = await startTestServer({
    definitionsDir: join(FIXTURES, 'workflow-runtime'),
    config: { loginsPerMinute: 1000 },
  });
  dealId = (await server.request('POST', '/api/v1/records/deal', { title: 'Guarded by login' })).body.id;
});
afterAll(() => server?.close());

const login = (email: string, password: string) =>
  server.request('POST', '/api/v1/auth/login', { email, password }, NONE);

describe('authentication', () => {
  it.each([
    ['GET', '/meta/model'],
    ['GET', '/meta/entities'],
    ['GET', '/meta/versions'],
    ['PUT', '/meta/drafts/main'],
    ['GET', '/records/deal'],
    ['POST', '/records/deal'],
    ['GET', '/records/deal/{id}'],
    ['PATCH', '/records/deal/{id}'],
    ['DELETE', '/records/deal/{id}'],
    ['POST', '/records/deal/{id}/events'],
    ['GET', '/records/deal/{id}/transitions'],
    ['GET', '/records/deal/{id}/history'],
    ['GET', '/reports/deal-sales/funnel'],
    ['GET', '/openapi.json'],
    ['GET', '/auth/me'],
    ['POST', '/auth/logout'],
    ['GET', '/auth/api-keys'],
    ['GET', '/admin/users'],
    ['POST', '/admin/org-units'],
    ['GET', '/no/such/route'],
  ])('%s %s without a token is 401 and changes nothing', async (method, path) => {
    const body = method === 'GET' || method === 'DELETE' ? undefined : { title: 'x', type: 'QUALIFY', version: 1 };
    const response = await server.request(method, `/api/v1${path.replace('{id}', dealId)}`, body, NONE);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await server.request('GET', `/api/v1/records/deal/${dealId}`)).body).toMatchObject({
      title: 'Guarded by login',
      version: 1,
      state: 'lead',
    });
  });

  it('answers health and the docs page without a token, with security headers', async () => {
    const health = await server.request('GET', '/api/v1/health', undefined, NONE);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(health.headers.get('x-powered-by')).toBeNull();
    expect((await server.request('GET', '/api/v1/docs', undefined, NONE)).status).toBe(200);
  });

  it('refuses made-up and malformed tokens', async () => {
    for (const authorization of ['Bearer lss_madeup', 'Bearer lsk_madeup', 'Basic YWRtaW46YWRtaW4=', 'Bearer']) {
      expect((await server.request('GET', '/api/v1/records/deal', undefined, { authorization })).status).toBe(401);
    }
  });

  it('logs in with email and password, answers who I am without secrets, and logs out', async () => {
    const { user } = await server.userToken({
      email: 'li.lei@example.com',
      displayName: '李雷',
      roles: ['salesperson'],
    });
    const wrong = await login('li.lei@example.com', 'not the password');
    const unknown = await login('nobody@example.com', 'not the password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.detail).toBe(unknown.body.detail);

    const ok = await login('LI.LEI@example.com', ADMIN_PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      token: expect.stringMatching(/^lss_/),
      user: { id: user.id, email: 'li.lei@example.com', roles: ['salesperson'] },
    });
    const auth = { authorization: `Bearer ${ok.body.token}` };
    const me = await server.request('GET', '/api/v1/auth/me', undefined, auth);
    expect(me.body).toEqual({
      id: user.id,
      email: 'li.lei@example.com',
      displayName: '李雷',
      roles: ['salesperson'],
      orgUnitId: null,
      managerId: null,
      active: true,
      mustChangePassword: false,
    });
    expect(JSON.stringify(me.body)).not.toMatch(/argon2|"password|_hash/i);
    const stored = await server.testDb.db.knex('lodestar_sessions').where({ user_id: user.id }).pluck('token_hash');
    expect(stored).not.toContain(ok.body.token);

    expect((await server.request('POST', '/api/v1/auth/logout', undefined, auth)).status).toBe(204);
    expect((await server.request('GET', '/api/v1/auth/me', undefined, auth)).status).toBe(401);
  });

  it('throttles an address after five wrong passwords for one email, even against the right one', async () => {
    await server.userToken({ email: 'target@example.com' });
    for (let i = 0; i < 5; i++) expect((await login('target@example.com', `guess number ${i}`)).status).toBe(401);
    const throttled = await login('target@example.com', ADMIN_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('names the missing field of a bad login', async () => {
    const response = await server.request('POST', '/api/v1/auth/login', { email: 'x@example.com' }, NONE);
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([expect.objectContaining({ pointer: '/password', keyword: 'required' })]);
  });

  it('issues API keys for integrations, shown once, revocable', async () => {
    const created = await server.request('POST', '/api/v1/auth/api-keys', { name: 'ERP sync' });
    expect(created.status).toBe(201);
    const key = { authorization: `Bearer ${created.body.key}` };
    expect((await server.request('GET', '/api/v1/records/deal', undefined, key)).status).toBe(200);
    const listed = (await server.request('GET', '/api/v1/auth/api-keys')).body.data;
    expect(listed).toEqual([
      expect.objectContaining({
        id: created.body.id,
        name: 'ERP sync',
        prefix: created.body.key.slice(0, 10),
        revokedAt: null,
      }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.body.key);
    expect((await server.request('DELETE', `/api/v1/auth/api-keys/${created.body.id}`)).status).toBe(204);
    // Every process notices at once: identity is looked up on every request.
    const other = await startEngine(
      { port: 0, db: { dataDir: 'unused' }, definitionsDir: join(FIXTURES, 'workflow-runtime'), logLevel: 'silent' },
      { db: server.testDb.db, seed: false },
    );
    try {
      expect((await fetch(`${other.url}/api/v1/records/deal`, { headers: key })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('rate limiting', () => {
  it('answers 429 after too many logins from one address', async () => {
    const limited = await startTestServer({
      definitionsDir: join(FIXTURES, 'workflow-runtime'),
      config: { loginsPerMinute: 3 },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (
            await limited.request(
              'POST',
              '/api/v1/auth/login',
              { email: 'a@example.com', password: 'whatever it is' },
              NONE,
            )
          ).status,
        );
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('first run', () => {
  it('lets the first visitor create the administrator once, and nobody after', async () => {
    const testDb = await createTestDb();
    const engine = await startEngine(
      { port: 0, db: { dataDir: 'unused' }, definitionsDir: join(FIXTURES, 'workflow-runtime'), logLevel: 'silent' },
      { db: testDb.db },
    );
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${engine.url}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    try {
      expect((await call('GET', '/auth/setup')).body).toEqual({ needed: true });
      const weak = await call('POST', '/auth/setup', { email: 'boss@example.com', password: 'short' });
      expect(weak.status).toBe(422);
      expect(weak.body.issues).toEqual([expect.objectContaining({ pointer: '/password', keyword: 'minLength' })]);
      const created = await call('POST', '/auth/setup', {
        email: 'boss@example.com',
        password: 'a proper passphrase',
        displayName: '王总',
      });
      expect(created.status).toBe(201);
      expect(created.body.user).toMatchObject({ email: 'boss@example.com', roles: ['admin'] });
      expect((await call('GET', '/auth/setup')).body).toEqual({ needed: false });
      expect(
        (await call('POST', '/auth/setup', { email: 'mallory@example.com', password: 'a proper passphrase' })).status,
      ).toBe(409);
    } finally {
      await engine.close();
      await testDb.drop();
    }
  });
});

describe('lodestar user add', () => {
  it('creates the first admin from the command line, reading the password from stdin', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lodestar-user-'));
    try {
      const run = (input: string, ...args: string[]) =>
        spawnSync(process.execPath, [CLI, 'user', 'add', ...args], {
          cwd: REPO_ROOT,
          input,
          encoding: 'utf8',
          env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
        });
      const weak = run('short\n', '--email', 'root@example.com', '--admin', '--password-stdin');
      expect(weak.status).not.toBe(0);
      expect(weak.stderr).toContain('/password');
      const ok = run(
        'a proper passphrase\n',
        '--email',
        'root@example.com',
        '--name',
        'Root',
        '--admin',
        '--password-stdin',
      );
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/created root@example\.com .* with roles admin/);
      const again = run('a proper passphrase\n', '--email', 'root@example.com', '--password-stdin');
      expect(again.status).not.toBe(0);
      expect(again.stderr).toContain('already exists');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Three CLI processes, each opening the embedded database: on a busy 2-core machine this took 58-98 s.
  }, 180_000);
});
