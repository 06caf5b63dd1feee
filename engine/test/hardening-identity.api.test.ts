import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailKey } from '../src/identity/login-throttle.js';
import { startEngine, type RunningEngine } from '../src/main.js';
import {
  ADMIN_PASSWORD,
  REPO_ROOT,
  startTestServer,
  type TestResponse,
  type TestServer,
} from './support/test-server.js';

/*
 * Issue 12, identity: sign-in throttling (atomic, existence-blind, no lockout of the owner), revocation
 * in every engine process, the last administrator, and passwords (change, reset, unlock). Over HTTP
 * against PostgreSQL. The server trusts a proxy on loopback, so X-Forwarded-For stands for the client's
 * address; a second server with the default settings shows that the header is not trusted otherwise.
 */
let server: TestServer;
let plain: TestServer;
const NONE = { authorization: '' };
let addressCount = 0;
/** A client address no other test uses (per-address counters stay apart). */
const newAddress = () => `203.0.113.${++addressCount}`;

const login = (email: string, password: string, from?: string, on: TestServer = server) =>
  on.request('POST', '/api/v1/auth/login', { email, password }, { ...NONE, ...(from && { 'x-forwarded-for': from }) });
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const admin = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/admin${path}`, body, headers);
const auditOf = async (userId: string) =>
  (await admin('GET', `/audit?entity=lodestar.user&recordId=${userId}`)).body.data as {
    action: string;
    changes: unknown;
    detail: unknown;
    actorId: string;
  }[];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** What an answer shows a client: status and body. */
const shown = (response: TestResponse) => ({ status: response.status, body: response.body });

beforeAll(async () => {
  [server, plain] = await Promise.all([
    startTestServer({ config: { loginsPerMinute: 100_000, trustProxy: 'loopback' } }),
    startTestServer({ config: { loginsPerMinute: 100_000 } }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([server?.close(), plain?.close()]);
});

describe('sign-in throttling', () => {
  it('counts 24 concurrent wrong passwords, every one of them', async () => {
    await server.userToken({ email: 'race@example.com' });
    const from = newAddress();
    const failures = await Promise.all(
      Array.from({ length: 24 }, (_, i) => login('race@example.com', `wrong guess ${i}`, from)),
    );
    expect(failures.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    // Attempts that arrive once the counter blocks are refused unchecked; every checked one counts.
    const checked = failures.filter((r) => r.status === 401).length;
    const counted = await server.testDb.db
      .knex('lodestar_login_failures')
      .where({ email_key: emailKey('race@example.com'), address: from })
      .first('failures');
    expect(counted?.failures).toBe(checked);
    expect(checked).toBeGreaterThanOrEqual(5);
    // Far past the allowance: the right password must wait too.
    expect((await login('race@example.com', ADMIN_PASSWORD, from)).status).toBe(429);
  });

  it('answers an unknown email exactly as an existing one, attempt after attempt', async () => {
    await server.userToken({ email: 'exists@example.com' });
    const [x, y] = [newAddress(), newAddress()];
    const existing: TestResponse[] = [];
    const unknown: TestResponse[] = [];
    for (let i = 0; i < 9; i++) {
      existing.push(await login('exists@example.com', `guess ${i} wrong`, x));
      unknown.push(await login('nobody-here@example.com', `guess ${i} wrong`, y));
    }
    expect(existing.map(shown)).toEqual(unknown.map(shown));
    expect(existing.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429]);
    expect(existing[0]!.body.i18n).toEqual({ en: 'the email or password is wrong', zh: '邮箱或密码不正确' });
    expect(existing[5]!.body.i18n.zh).toMatch(/登录失败次数过多/);
    expect(existing[5]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.stringify(existing.map((r) => r.body))).not.toMatch(/locked|lockedUntil/i);
  });

  it('takes as long for an unknown email as for an existing one', async () => {
    await server.userToken({ email: 'timed@example.com' });
    const [x, y] = [newAddress(), newAddress()];
    const timed = async (email: string, from: string, i: number) => {
      const started = performance.now();
      await login(email, `timing guess ${i}`, from);
      return performance.now() - started;
    };
    const existing: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a busy moment of the machine falls on both; the first five verify a hash, the rest are throttled.
    for (let i = 0; i < 12; i++) {
      existing.push(await timed('timed@example.com', x, i));
      unknown.push(await timed('never-registered@example.com', y, i));
    }
    // Within a factor of three (plus 10 ms of noise), for the whole run and for the hashing attempts alone.
    const close = (a: number, b: number) => expect(Math.max(a, b)).toBeLessThan(3 * Math.min(a, b) + 10);
    close(median(existing), median(unknown));
    close(median(existing.slice(0, 5)), median(unknown.slice(0, 5)));
    close(median(existing.slice(5)), median(unknown.slice(5)));
  });

  it('does not let an attacker at one address stop the owner signing in from another', async () => {
    await server.userToken({ email: 'boss@example.com', roles: ['admin'] });
    const [attacker, owner] = [newAddress(), newAddress()];
    for (let i = 0; i < 30; i++) await login('boss@example.com', `attack ${i}`, attacker);
    expect((await login('boss@example.com', ADMIN_PASSWORD, attacker)).status).toBe(429);
    const signedIn = await login('boss@example.com', ADMIN_PASSWORD, owner);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.token).toMatch(/^lss_/);
  });

  it('throttles guessing from many addresses, but not the owner at an address they signed in from', async () => {
    await server.userToken({ email: 'popular@example.com' });
    const home = newAddress();
    expect((await login('popular@example.com', ADMIN_PASSWORD, home)).status).toBe(200);
    // 110 addresses, one guess each: past the email-wide allowance (100).
    for (let i = 0; i < 110; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          login('popular@example.com', `botnet ${i + j}`, `198.51.${Math.floor((i + j) / 200)}.${((i + j) % 200) + 1}`),
        ),
      );
    }
    expect((await login('popular@example.com', ADMIN_PASSWORD, newAddress())).status).toBe(429);
    expect((await login('popular@example.com', ADMIN_PASSWORD, home)).status).toBe(200);
  }, 60_000);

  it('throttles one address spraying many accounts, but not an owner who signed in there before', async () => {
    await server.userToken({ email: 'at-the-office@example.com' });
    const office = newAddress();
    expect((await login('at-the-office@example.com', ADMIN_PASSWORD, office)).status).toBe(200);
    // 110 emails, two guesses each, from the one address: past the address-wide allowance (100).
    for (let i = 0; i < 110; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          login(`sprayed-${i + j}@example.com`, 'Winter2026!', office).then(() =>
            login(`sprayed-${i + j}@example.com`, 'Summer2026!', office),
          ),
        ),
      );
    }
    await server.userToken({ email: 'never-here@example.com' });
    expect((await login('never-here@example.com', ADMIN_PASSWORD, office)).status).toBe(429);
    expect((await login('at-the-office@example.com', ADMIN_PASSWORD, office)).status).toBe(200);
  }, 60_000);

  it('does not believe X-Forwarded-For unless the engine is told to trust a proxy', async () => {
    await plain.userToken({ email: 'spoof@example.com' });
    for (let i = 0; i < 6; i++) await login('spoof@example.com', `spoofed ${i}`, `192.0.2.${i + 1}`, plain);
    expect((await login('spoof@example.com', ADMIN_PASSWORD, '192.0.2.99', plain)).status).toBe(429);
  });

  it('lets the owner in their own browser sign in while an attacker at the same address is throttled', async () => {
    await plain.userToken({ email: 'shared-office@example.com' });
    const first = await login('shared-office@example.com', ADMIN_PASSWORD, undefined, plain);
    expect(first.status).toBe(200);
    const cookie = /lodestar_device=[^;]+/.exec(first.headers.get('set-cookie') ?? '')?.[0];
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(cookie).toBeDefined();
    // Same loopback address, no cookie: the attacker.
    for (let i = 0; i < 8; i++) await login('shared-office@example.com', `attack ${i}`, undefined, plain);
    expect((await login('shared-office@example.com', ADMIN_PASSWORD, undefined, plain)).status).toBe(429);
    const owner = await plain.request(
      'POST',
      '/api/v1/auth/login',
      { email: 'shared-office@example.com', password: ADMIN_PASSWORD },
      { ...NONE, cookie: cookie! },
    );
    expect(owner.status).toBe(200);
    // A made-up or another account's cookie is no way around the throttle.
    expect(
      (
        await plain.request(
          'POST',
          '/api/v1/auth/login',
          { email: 'shared-office@example.com', password: ADMIN_PASSWORD },
          { ...NONE, cookie: 'lodestar_device=made-up-device-cookie-value-123' },
        )
      ).status,
    ).toBe(429);
  });

  it('lets an administrator lift the throttle, audited', async () => {
    const { user } = await server.userToken({ email: 'forgetful@example.com' });
    const from = newAddress();
    for (let i = 0; i < 6; i++) await login('forgetful@example.com', `forgot ${i}`, from);
    expect((await login('forgetful@example.com', ADMIN_PASSWORD, from)).status).toBe(429);
    const listed = (await admin('GET', '/users')).body.data.find((u: { id: string }) => u.id === user.id);
    expect(listed.signInBlockedUntil).toEqual(expect.any(String));
    const { token } = await server.userToken({ email: 'not-admin-unlock@example.com', roles: ['salesperson'] });
    expect((await admin('POST', `/users/${user.id}/unlock`, undefined, as(token))).status).toBe(403);
    const unlocked = await admin('POST', `/users/${user.id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.signInBlockedUntil).toBeNull();
    expect((await login('forgetful@example.com', ADMIN_PASSWORD, from)).status).toBe(200);
    expect((await auditOf(user.id)).map((row) => row.detail)).toContainEqual(
      expect.objectContaining({ event: 'unlocked' }),
    );
  });
});

describe('secrets are not cached', () => {
  it('answers login, setup and new API keys with Cache-Control: no-store', async () => {
    const signedIn = await login('admin@lodestar.test', ADMIN_PASSWORD, newAddress());
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    expect(
      (
        await server.request(
          'POST',
          '/api/v1/auth/setup',
          { email: 'late@example.com', password: 'a long password' },
          NONE,
        )
      ).headers.get('cache-control'),
    ).toBe('no-store');
    const key = await server.request('POST', '/api/v1/auth/api-keys', { name: 'no-store check' });
    expect(key.status).toBe(201);
    expect(key.headers.get('cache-control')).toBe('no-store');
  });
});

describe('revocation in every engine process', () => {
  let other: RunningEngine;
  beforeAll(async () => {
    other = await startEngine(
      { port: 0, db: { dataDir: 'unused' }, definitionsDir: REPO_ROOT, logLevel: 'silent' },
      { db: server.testDb.db, seed: false },
    );
  });
  afterAll(() => other?.close());
  const onOther = (path: string, token: string) => fetch(`${other.url}/api/v1${path}`, { headers: as(token) });

  it('refuses a revoked API key at once, also in another process that just used it', async () => {
    const key = (await server.request('POST', '/api/v1/auth/api-keys', { name: 'ERP sync' })).body;
    expect((await onOther('/records/customer', key.key)).status).toBe(200);
    expect((await server.request('DELETE', `/api/v1/auth/api-keys/${key.id}`)).status).toBe(204);
    expect((await onOther('/records/customer', key.key)).status).toBe(401);
    expect((await server.request('GET', '/api/v1/records/customer', undefined, as(key.key))).status).toBe(401);
  });

  it('ends a deactivated user everywhere at once, and reactivation revives no session or key', async () => {
    const { user, token } = await server.userToken({ email: 'leaver@example.com', roles: ['salesperson'] });
    const key = (await server.request('POST', '/api/v1/auth/api-keys', { name: 'own key' }, as(token))).body
      .key as string;
    expect((await onOther('/records/customer', token)).status).toBe(200);
    expect((await onOther('/records/customer', key)).status).toBe(200);
    expect((await admin('PATCH', `/users/${user.id}`, { active: false })).status).toBe(200);
    expect((await onOther('/records/customer', token)).status).toBe(401);
    expect((await admin('PATCH', `/users/${user.id}`, { active: true })).status).toBe(200);
    expect((await onOther('/records/customer', token)).status).toBe(401);
    expect((await onOther('/records/customer', key)).status).toBe(401);
    expect((await server.request('GET', '/api/v1/records/customer', undefined, as(key))).status).toBe(401);
    // The user signs in afresh.
    expect((await login('leaver@example.com', ADMIN_PASSWORD, newAddress())).status).toBe(200);
  });

  it('applies a role change in another process at the next request', async () => {
    const { user, token } = await server.userToken({ email: 'promoted@example.com', roles: ['salesperson'] });
    expect((await onOther('/admin/users', token)).status).toBe(403);
    expect((await admin('PATCH', `/users/${user.id}`, { roles: ['salesperson', 'admin'] })).status).toBe(200);
    expect((await onOther('/admin/users', token)).status).toBe(200);
    expect((await admin('PATCH', `/users/${user.id}`, { roles: ['salesperson'] })).status).toBe(200);
    expect((await onOther('/admin/users', token)).status).toBe(403);
  });
});

describe('the last administrator', () => {
  it('cannot be deactivated or lose the admin role, with a 409 in both languages', async () => {
    const solo = await startTestServer();
    try {
      const self = `/api/v1/admin/users/${solo.admin.id}`;
      for (const patch of [{ active: false }, { roles: [] }, { roles: ['salesperson'] }]) {
        const refused = await solo.request('PATCH', self, patch);
        expect(refused.status).toBe(409);
        expect(refused.body.i18n.zh).toMatch(/最后一位/);
        expect(refused.body.i18n.en).toMatch(/last active administrator/);
      }
      expect((await solo.request('GET', '/api/v1/auth/me')).body).toMatchObject({ active: true, roles: ['admin'] });
      // With a second administrator, either may go.
      const second = await solo.userToken({ email: 'second-admin@example.com', roles: ['admin'] });
      expect((await solo.request('PATCH', self, { roles: ['salesperson'] })).status).toBe(200);
      expect(
        (await solo.request('PATCH', `/api/v1/admin/users/${second.user.id}`, { active: false }, as(second.token)))
          .status,
      ).toBe(409);
    } finally {
      await solo.close();
    }
  }, 60_000);

  it('keeps one administrator when several are removed at the same moment', async () => {
    const solo = await startTestServer();
    try {
      const others = await Promise.all(
        ['a', 'b', 'c'].map((n) => solo.userToken({ email: `admin-${n}@example.com`, roles: ['admin'] })),
      );
      const admins4 = [{ user: solo.admin, token: solo.adminToken }, ...others];
      // Each administrator removes themselves, all at once.
      const answers = await Promise.all(
        admins4.map(({ user, token }, i) =>
          solo.request(
            'PATCH',
            `/api/v1/admin/users/${user.id}`,
            i % 2 ? { active: false } : { roles: ['salesperson'] },
            as(token),
          ),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 409]);
      const admins = await solo.testDb.db
        .knex('lodestar_users')
        .where({ active: true })
        .whereRaw(`'admin' = any(roles)`)
        .count('* as n')
        .first();
      expect(Number(admins!.n)).toBe(1);
    } finally {
      await solo.close();
    }
  }, 60_000);
});

describe('passwords', () => {
  it('lets a user change their own password with the current one, ending their other sessions', async () => {
    const { user, token: other } = await server.userToken({ email: 'changer@example.com', roles: ['salesperson'] });
    const from = newAddress();
    const session = (await login('changer@example.com', ADMIN_PASSWORD, from)).body.token as string;
    const change = (body: unknown) => server.request('POST', '/api/v1/auth/password', body, as(session));
    const wrong = await change({ currentPassword: 'not my password', newPassword: 'a brand new secret' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.issues).toEqual([expect.objectContaining({ pointer: '/currentPassword' })]);
    expect(wrong.body.i18n.zh).toBe('当前密码不正确');
    expect((await change({ currentPassword: ADMIN_PASSWORD, newPassword: 'short' })).body.issues).toEqual([
      expect.objectContaining({ pointer: '/newPassword', keyword: 'minLength' }),
    ]);
    const changed = await change({ currentPassword: ADMIN_PASSWORD, newPassword: 'a brand new secret' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: user.id, mustChangePassword: false });
    expect((await server.request('GET', '/api/v1/auth/me', undefined, as(session))).status).toBe(200);
    expect((await server.request('GET', '/api/v1/auth/me', undefined, as(other))).status).toBe(401);
    expect((await login('changer@example.com', ADMIN_PASSWORD, from)).status).toBe(401);
    expect((await login('changer@example.com', 'a brand new secret', from)).status).toBe(200);
    const trail = await auditOf(user.id);
    expect(trail.map((row) => row.detail)).toContainEqual({ event: 'passwordChanged' });
    expect(JSON.stringify(trail)).not.toMatch(/argon|brand new secret/);
  });

  it('lets an administrator reset a password, which the user must change at next sign-in', async () => {
    const { user, token: old } = await server.userToken({ email: 'reset-me@example.com', roles: ['salesperson'] });
    const { token: seller } = await server.userToken({ email: 'not-an-admin@example.com', roles: ['salesperson'] });
    expect(
      (await admin('POST', `/users/${user.id}/password`, { password: 'temporary password 1' }, as(seller))).status,
    ).toBe(403);
    expect((await admin('POST', `/users/${user.id}/password`, { password: 'short' })).status).toBe(422);
    const reset = await admin('POST', `/users/${user.id}/password`, { password: 'temporary password 1' });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ id: user.id, mustChangePassword: true });
    expect(JSON.stringify(reset.body)).not.toContain('temporary password 1');
    expect((await server.request('GET', '/api/v1/auth/me', undefined, as(old))).status).toBe(401);

    const signedIn = await login('reset-me@example.com', 'temporary password 1', newAddress());
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    const auth = as(signedIn.body.token);
    const blocked = await server.request('GET', '/api/v1/records/customer', undefined, auth);
    expect(blocked.status).toBe(403);
    expect(blocked.body.mustChangePassword).toBe(true);
    expect(blocked.body.i18n.zh).toMatch(/修改密码/);
    expect((await server.request('POST', '/api/v1/auth/api-keys', { name: 'sneaky' }, auth)).status).toBe(403);
    expect((await server.request('GET', '/api/v1/auth/me', undefined, auth)).body.mustChangePassword).toBe(true);
    expect(
      (
        await server.request(
          'POST',
          '/api/v1/auth/password',
          { currentPassword: 'temporary password 1', newPassword: 'my own password now' },
          auth,
        )
      ).status,
    ).toBe(200);
    expect((await server.request('GET', '/api/v1/records/customer', undefined, auth)).status).toBe(200);

    const trail = await auditOf(user.id);
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: 'permission',
        actorId: server.admin.id,
        detail: { event: 'passwordReset' },
        changes: { mustChangePassword: [false, true] },
      }),
    );
    expect(JSON.stringify(trail)).not.toMatch(/argon|temporary password 1/);
  });

  it('makes a user an administrator added change the password at first sign-in', async () => {
    const created = await admin('POST', '/users', {
      email: 'newbie@example.com',
      password: 'told by the admin',
      roles: ['salesperson'],
    });
    expect(created.body.mustChangePassword).toBe(true);
    const signedIn = await login('newbie@example.com', 'told by the admin', newAddress());
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    expect((await server.request('GET', '/api/v1/meta/model', undefined, as(signedIn.body.token))).status).toBe(403);
  });
});
