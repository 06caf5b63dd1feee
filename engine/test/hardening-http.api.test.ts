import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/*
 * HTTP hygiene against PostgreSQL: bodies are judged by who sends them before they are read, bad input
 * of every kind is a 4xx problem naming what was wrong (never a 500 or a database error), a role that
 * cannot read an entity gets the same 403 on every one of its routes, and HSTS only over https.
 */
let server: TestServer;
let agent = '';
const PROBLEM = 'application/problem+json';

const raw = async (
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<TestResponse & { text: string }> => {
  const response = await fetch(`${server.engine.url}/api/v1${path}`, {
    method,
    headers,
    ...(body !== undefined && { body }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
};
const admin = () => ({ authorization: `Bearer ${server.adminToken}` });

beforeAll(async () => {
  server = await startTestServer({ config: { trustProxy: 'loopback' } });
  agent = (await server.userToken({ email: 'sally@example.com', roles: ['salesperson'] })).token;
});

afterAll(async () => {
  await server?.close();
});

describe('request bodies', () => {
  it('answers 415 problem+json to a JSON body in latin1, with or without a login', async () => {
    for (const [path, headers] of [
      ['/auth/login', {}],
      ['/records/customer', admin()],
    ] as const) {
      const res = await raw('POST', path, '{"email":"a@b.c","password":"x"}', {
        'content-type': 'application/json; charset=latin1',
        ...headers,
      });
      expect(res.status, path).toBe(415);
      expect(res.headers.get('content-type')).toContain(PROBLEM);
      expect(res.body.i18n.zh).toBeTruthy();
    }
  });

  it('caps anonymous bodies small: 413 problem+json on login for 20 kB, before reading it', async () => {
    const body = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(20_000) });
    const res = await raw('POST', '/auth/login', body, { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain(PROBLEM);
    expect(res.body.type).toMatch(/payload-too-large/);
  });

  it('answers 413 problem+json to a signed-in body over 5 MB', async () => {
    const res = await raw('POST', '/records/customer', JSON.stringify({ name: 'x'.repeat(5.5 * 1024 * 1024) }), {
      'content-type': 'application/json',
      ...admin(),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain(PROBLEM);
  });

  it('refuses an anonymous body on a data route unread: 401, not a parse error', async () => {
    const res = await raw('POST', '/records/customer', `{"name": ${'x'.repeat(100_000)}`, {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('connection')).toBe('close');
  });

  it('answers 400 to JSON nested 20,000 deep, and still accepts ordinary nesting', async () => {
    const deep = `{"name":"deep","tags":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const res = await raw('POST', '/records/customer', deep, { 'content-type': 'application/json', ...admin() });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain(PROBLEM);
    const shallow = await raw(
      'POST',
      '/records/customer',
      JSON.stringify({ record_type: 'company', name: 'shallow [{"x"}]', industry: 'retail' }),
      { 'content-type': 'application/json', ...admin() },
    );
    expect(shallow.status).toBe(201);
  });
});

describe('timestamps PostgreSQL cannot store are the caller’s mistake', () => {
  it('a filter with offset +16:00 is 400 naming the parameter', async () => {
    const res = await server.request(
      'GET',
      `/api/v1/records/customer?filter[created_at][gte]=${encodeURIComponent('2026-01-01T00:00:00+16:00')}`,
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.issues)).toContain('created_at');
    const ok = await server.request(
      'GET',
      `/api/v1/records/customer?filter[created_at][gte]=${encodeURIComponent('2026-01-01T00:00:00+15:59')}`,
    );
    expect(ok.status).toBe(200);
  });

  it('a record body with offset +16:00 or year 0 is 422 on the field', async () => {
    const bad = await server.request('POST', '/api/v1/records/activity', {
      subject: 'call',
      type: 'callOut',
      plannedStart: '2026-03-01T09:00:00+16:00',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((i: { pointer: string }) => i.pointer)).toContain('/plannedStart');
    const ok = await server.request('POST', '/api/v1/records/activity', {
      subject: 'call',
      type: 'callOut',
      plannedStart: '2026-03-01T09:00:00+08:00',
    });
    expect(ok.status).toBe(201);
  });

  it('a cursor carrying an offset +16:00 is 400 on the cursor', async () => {
    await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: 'Cursor one',
      industry: 'retail',
    });
    await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: 'Cursor two',
      industry: 'retail',
    });
    const page = await server.request('GET', '/api/v1/records/customer?sort=created_at&limit=1');
    expect(page.body.nextCursor).toBeTruthy();
    const decoded = JSON.parse(Buffer.from(page.body.nextCursor, 'base64url').toString('utf8')) as {
      s: string;
      v: unknown[];
    };
    decoded.v[0] = '2026-01-01 00:00:00+16';
    const forged = Buffer.from(JSON.stringify(decoded)).toString('base64url');
    const res = await server.request('GET', `/api/v1/records/customer?sort=created_at&limit=1&cursor=${forged}`);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].pointer).toBe('/query/cursor');
  });

  it('report periods: to=9999-12-31 is answered, year 0 is 400 on the parameter', async () => {
    const wide = await server.request('GET', '/api/v1/reports/opportunity-sales/funnel?from=0001-01-01&to=9999-12-31');
    expect(wide.status).toBe(200);
    const zero = await server.request('GET', '/api/v1/reports/opportunity-sales/funnel?from=0000-01-01');
    expect(zero.status).toBe(400);
    expect(zero.body.issues[0].pointer).toBe('/query/from');
  });
});

describe('an entity the role cannot read', () => {
  it('is 403 on every one of its routes, for a missing id as for a real one', async () => {
    const id = (await server.request('POST', '/api/v1/records/serviceRequest', { title: 'Printer down' })).body.id as
      string | undefined;
    const missing = '00000000-0000-4000-8000-000000000000';
    const as = { authorization: `Bearer ${agent}` };
    const statuses: Record<string, number> = {};
    for (const target of [id ?? missing, missing]) {
      const calls: [string, string, unknown?][] = [
        ['GET', '/records/serviceRequest'],
        ['GET', '/records/serviceRequest/export'],
        ['GET', '/records/serviceRequest/groups?by=owner_id'],
        ['POST', '/records/serviceRequest', { title: 'x' }],
        ['GET', `/records/serviceRequest/${target}`],
        ['PATCH', `/records/serviceRequest/${target}`, { title: 'y' }],
        ['DELETE', `/records/serviceRequest/${target}`],
        ['GET', `/records/serviceRequest/${target}/transitions`],
        ['GET', `/records/serviceRequest/${target}/history`],
        ['GET', `/records/serviceRequest/${target}/audit`],
        ['POST', `/records/serviceRequest/${target}/events`, { type: 'START' }],
        ['GET', '/views/serviceRequest'],
        ['DELETE', `/views/serviceRequest/${target}`],
      ];
      for (const [method, path, body] of calls) {
        statuses[`${method} ${path}`] = (
          await server.request(method, `/api/v1${path}`, body, { ...as, 'if-match': '"1"' })
        ).status;
      }
    }
    expect(Object.entries(statuses).filter(([, status]) => status !== 403)).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('describes the auth and admin routes too', async () => {
    const doc = await server.request('GET', '/api/v1/openapi.json');
    const paths = Object.keys(doc.body.paths);
    for (const path of [
      '/auth/login',
      '/auth/logout',
      '/auth/me',
      '/auth/setup',
      '/auth/api-keys',
      '/admin/users',
      '/admin/org-units',
    ]) {
      expect(paths, path).toContain(path);
    }
  });
});

describe('HSTS', () => {
  it('is not sent over plain http, and is sent when a trusted proxy says https', async () => {
    const plain = await raw('GET', '/health', undefined, {});
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const forged = await raw('GET', '/health', undefined, { 'x-forwarded-proto': 'https' });
    expect(forged.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});
