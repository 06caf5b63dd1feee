import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS } from '../src/api/contract/index.js';
import { isContractCheck } from '../src/api/contract/route.js';
import { MIN_PASSWORD as CONTRACT_MIN_PASSWORD } from '../src/api/contract/spec.js';
import { MIN_PASSWORD } from '../src/identity/users.js';
import type { Contract, RouteSpec } from '../src/api/contract/spec.js';
import { renderClientTypes } from '../src/api/openapi/client-types.js';
import { toOpenApiPath } from '../src/api/openapi/contract-paths.js';
import { REPO_ROOT, startTestServer, type TestServer } from './support/test-server.js';

/**
 * Routes registered without a contract yet, as `METHOD /path` under /api/v1. The list only shrinks: a new
 * route without a schema fails the test, and so does a route that got one but is still listed here.
 */
const WITHOUT_CONTRACT = [
  'GET /health',
  'GET /',
  'GET /openapi.json',
  'GET /docs/,/index.html',
  'GET /docs/swagger-initializer.js',
  'GET /records/:entity',
  'GET /records/:entity/export',
  'GET /records/:entity/groups',
  'POST /records/:entity',
  'GET /records/:entity/:id',
  'PATCH /records/:entity/:id',
  'DELETE /records/:entity/:id',
];

interface Found {
  key: string;
  covered: boolean;
}

/** Every route of an express app with its full path, walking the routers' stacks (express 5). */
function routesOf(stack: unknown[], prefix = ''): Found[] {
  return stack.flatMap((layer) => {
    const l = layer as {
      rawPath?: string;
      route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
      handle: { stack?: unknown[] };
    };
    if (l.route) {
      const covered = l.route.stack.some((inner) => isContractCheck(inner.handle));
      return Object.keys(l.route.methods).map((method) => ({
        key: `${method.toUpperCase()} ${prefix}${l.route!.path}`,
        covered,
      }));
    }
    return l.handle.stack ? routesOf(l.handle.stack, `${prefix}${l.rawPath === '/' ? '' : (l.rawPath ?? '')}`) : [];
  });
}

let server: TestServer;
let app: Express;

beforeAll(async () => {
  server = await startTestServer();
  app = createApp(server.engine.ctx);
});

afterAll(async () => {
  await server.close();
});

describe('every route has a schema', () => {
  it('registers each route of the API through its contract, but for the listed ones still to do', () => {
    const routes = routesOf((app as unknown as { router: { stack: unknown[] } }).router.stack).filter((r) =>
      r.key.includes(' /api/v1'),
    );
    const found = routes.map((r) => ({ ...r, key: r.key.replace(' /api/v1', ' ') }));
    expect(
      found
        .filter((r) => !r.covered)
        .map((r) => r.key)
        .sort(),
    ).toEqual([...WITHOUT_CONTRACT].sort());
    const contracted = CONTRACTS.flatMap((c) =>
      Object.values<RouteSpec>(c.routes).map((spec) => `${spec.method.toUpperCase()} ${c.prefix}${spec.path}`),
    );
    expect(
      found
        .filter((r) => r.covered)
        .map((r) => r.key)
        .sort(),
    ).toEqual(contracted.sort());
  });

  it('documents each contract route in OpenAPI with the very schemas it validates with', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    for (const contract of CONTRACTS) {
      for (const spec of Object.values<RouteSpec>(contract.routes)) {
        // Routes of every entity are documented per entity (checked on one); reports once, the workflow an enum.
        const path = toOpenApiPath(
          contract.prefix,
          spec.perEntity ? spec.path.replace(':entity', 'opportunity') : spec.path,
        );
        const operation = doc.paths[path]?.[spec.method];
        expect(operation, `${spec.method} ${path}`).toBeDefined();
        if (!spec.perEntity) expect(operation.operationId).toBe(spec.operationId);
        const body = operation.requestBody?.content['application/json']?.schema; // an upload's body is the file
        if (spec.perEntity && body) {
          // Per entity, a body is the contract's narrowed: the event's type to the entity's events, the
          // duplicate check's object to the entity's fields, a bulk request's records to the entity's create and
          // patch bodies. What the contract declares stays as declared.
          const { properties: declared = {}, ...shape } = spec.body as { properties?: Record<string, unknown> };
          expect(body).toMatchObject(shape);
          for (const [name, schema] of Object.entries(declared))
            if (name === 'type') expect(body.properties[name]).toBeDefined();
            else if (name === 'records') expect(body.properties[name]).toMatchObject({ type: 'array', items: {} });
            else expect(body.properties[name]).toEqual(schema);
        } else expect(body).toEqual(spec.body);
        if (!spec.perEntity)
          for (const name of Object.keys(spec.params ?? {}))
            expect(operation.parameters).toContainEqual(expect.objectContaining({ name, in: 'path' }));
        for (const name of Object.keys(spec.query?.properties ?? {}))
          expect(operation.parameters).toContainEqual(expect.objectContaining({ name, in: 'query' }));
      }
    }
  });
});

describe('the validation middleware', () => {
  /** A path of a contract route that reaches its handler: a real entity and version, fresh ids. */
  const pathOf = (contract: Contract, spec: RouteSpec) =>
    `/api/v1${contract.prefix}${spec.path}`
      .replace(':entity', 'customer')
      .replace(':year', '2026')
      .replace(/:(version|from|to)\b/g, '1')
      .replace(/:[A-Za-z]+/g, () => randomUUID());

  it('answers 422 (400 where the route always said so) naming the body itself for a list sent to any route with a body', async () => {
    for (const contract of CONTRACTS) {
      for (const spec of Object.values<RouteSpec>(contract.routes).filter((s) => s.body)) {
        const response = await server.request(spec.method.toUpperCase(), pathOf(contract, spec), [1]);
        expect(response.status, `${spec.method} ${contract.prefix}${spec.path}`).toBe(spec.malformedBody ?? 422);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body.issues).toEqual([
          {
            pointer: '',
            keyword: 'type',
            message: 'must be an object',
            i18n: { en: 'must be an object', zh: '应为对象' },
          },
        ]);
      }
    }
  });

  it('asks for passwords as long as the identity module does', () => {
    expect(CONTRACT_MIN_PASSWORD).toBe(MIN_PASSWORD);
  });

  it('words each issue in English and Chinese, the problem too', async () => {
    const response = await server.request('POST', '/api/v1/auth/api-keys', { name: 42 });
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([
      { pointer: '/name', keyword: 'type', message: 'must be text', i18n: { en: 'must be text', zh: '应为文本' } },
    ]);
    expect(response.body.i18n).toEqual({ en: '/name: must be text', zh: '/name: 应为文本' });
    const blank = await server.request('POST', '/api/v1/auth/api-keys', { name: '   ' });
    expect(blank.body.issues).toEqual([
      expect.objectContaining({
        pointer: '/name',
        keyword: 'minLength',
        i18n: { en: 'must not be empty', zh: '不能为空' },
      }),
    ]);
  });

  it('answers 400 for a malformed query, reading numbers as the schema declares them', async () => {
    const bad = await server.request(
      'GET',
      `/api/v1/admin/audit?entity=lodestar.user&recordId=${server.admin.id}&limit=many`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([
      {
        pointer: '/query/limit',
        keyword: 'type',
        message: 'must be a whole number',
        i18n: { en: 'must be a whole number', zh: '应为整数' },
      },
    ]);
    const good = await server.request(
      'GET',
      `/api/v1/admin/audit?entity=lodestar.user&recordId=${server.admin.id}&limit=1`,
    );
    expect(good.status).toBe(200);
    expect(good.body.data.length).toBeLessThanOrEqual(1);
  });

  it('calls a query parameter the route does not declare unknown, as the records routes do', async () => {
    const response = await server.request('GET', '/api/v1/my-day?when=today');
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([
      {
        pointer: '/query/when',
        keyword: 'unknownParameter',
        message: 'is not a parameter of this route',
        i18n: { en: 'is not a parameter of this route', zh: '此接口没有这个参数' },
      },
    ]);
    expect((await server.request('GET', '/api/v1/my-day?tz=Asia/Shanghai')).status).toBe(200);
  });

  it('judges the entity or workflow first, then the form of an event, a record audit query or report filters', async () => {
    const id = randomUUID();
    expect((await server.request('POST', `/api/v1/records/nothing/${id}/events`, { type: 'lower' })).status).toBe(404);
    const event = await server.request('POST', `/api/v1/records/opportunity/${id}/events`, {
      type: 'lower',
      comment: 7,
    });
    expect(event.status).toBe(400);
    expect(event.body.issues.map((i: { pointer: string; keyword: string }) => `${i.pointer} ${i.keyword}`)).toEqual([
      '/type pattern',
      '/comment type',
    ]);
    expect((await server.request('GET', '/api/v1/reports/nope/funnel?owner=me')).status).toBe(404);
    expect((await server.request('GET', '/api/v1/reports/opportunity-sales/funnel?owner=me')).body.issues).toEqual([
      expect.objectContaining({
        pointer: '/query/owner',
        keyword: 'format',
        i18n: { en: 'must be an id (UUID)', zh: '应为有效的 ID（UUID）' },
      }),
    ]);
    const audit = await server.request('GET', `/api/v1/records/opportunity/${id}/audit?cursor=abc`);
    expect(audit.status).toBe(400);
    expect(audit.body.issues).toEqual([
      {
        pointer: '/query/cursor',
        keyword: 'pattern',
        message: 'has the wrong form',
        i18n: { en: 'has the wrong form', zh: '格式不正确' },
      },
    ]);
  });

  it('answers 404 for an ill-formed id in the path, in both languages', async () => {
    const response = await server.request('POST', '/api/v1/admin/users/not-an-id/unlock');
    expect(response.status).toBe(404);
    expect(response.body.i18n).toEqual({ en: 'no such user', zh: '没有这个用户' });
  });

  it('judges a body only after the caller is known: anonymous callers get 401, other roles 403', async () => {
    expect((await server.request('POST', '/api/v1/auth/api-keys', [1], { authorization: '' })).status).toBe(401);
    const { token } = await server.userToken({ email: 'seller@example.com', roles: ['salesperson'] });
    expect(
      (await server.request('POST', '/api/v1/admin/users', [1], { authorization: `Bearer ${token}` })).status,
    ).toBe(403);
  });
});

describe("the apps' client types", () => {
  it('are generated from the contracts as they are now (npm run api-types)', async () => {
    const committed = readFileSync(join(REPO_ROOT, 'ui-shared/src/api/schema.d.ts'), 'utf8');
    expect(
      committed === (await renderClientTypes()),
      'ui-shared/src/api/schema.d.ts is stale: run `npm run api-types`',
    ).toBe(true);
  });
});
