import { describe, expect, it } from 'vitest';
import { fuzz } from './harness.js';
import { judge, type FuzzResponse } from './oracle.js';
import { mergeOperations } from './operations.js';
import type { FuzzRequest } from './requests.js';
import type { Fuzzground } from './world.js';

/* The fuzzer's own checks: the oracle flags what it must, and a planted defect is found and shrunk. */

const problem = (status: number, detail = 'no such record'): FuzzResponse => ({
  status,
  contentType: 'application/problem+json; charset=utf-8',
  text: JSON.stringify({ type: 'x', title: 'x', status, detail }),
});

describe('the oracle', () => {
  it('passes problems, records in Chinese, and CSV', () => {
    expect(judge(problem(404))).toBeUndefined();
    expect(
      judge({
        status: 200,
        contentType: 'application/json',
        text: JSON.stringify({ name: '华东制造 select the best', notes: 'from Shanghai' }),
      }),
    ).toBeUndefined();
    expect(judge({ status: 200, contentType: 'text/csv', text: '\uFEFFname,amount\n客户,1\n' })).toBeUndefined();
  });

  it.each([
    ['a 5xx', { status: 500, contentType: 'application/problem+json', text: '{"detail":"x"}' }, /status 500/],
    ['SQL', problem(400, 'select "t".* from "customer" as "t" where id = $1'), /SQL/],
    ['a database error', problem(400, 'column "shortName" does not exist'), /SQL error/],
    ['a constraint', problem(409, 'duplicate key value violates unique constraint "x_pkey"'), /SQL error/],
    ['a stack trace', problem(400, 'TypeError: x\n    at parse (/app/engine/src/records/list.ts:12:7)'), /stack trace/],
    ['a dependency path', problem(400, 'in node_modules/pg/lib/client.js'), /stack trace/],
    [
      'a 4xx that is not problem+json',
      { status: 413, contentType: 'text/html', text: '<h1>too large</h1>' },
      /not problem\+json/,
    ],
    [
      'a problem without a detail',
      { status: 400, contentType: 'application/problem+json', text: '{"title":"Bad request"}' },
      /no detail/,
    ],
  ])('flags %s', (_name, response, expected) => {
    expect(judge(response)).toMatch(expected);
  });
});

describe('a run', () => {
  const doc = {
    openapi: '3.1.0',
    paths: {
      '/things': {
        post: {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['name'],
                  properties: { name: { type: 'string', maxLength: 50 }, size: { type: 'integer', minimum: 0 } },
                },
              },
            },
          },
        },
      },
    },
  };

  const worldOf = (send: (request: FuzzRequest) => Promise<FuzzResponse>): Fuzzground => ({
    operations: mergeOperations({ clerk: doc }),
    tokens: {},
    secrets: () => ['s3cret-token'],
    entities: {},
    ids: { records: () => [], all: () => [] },
    cursors: {},
    views: {},
    victims: [],
    corpus: {},
    send,
  });

  it('finds a planted 500 and shrinks it to a small request', async () => {
    // The planted defect: a clean request whose integer is above 1000 by a signed-in user.
    const world = worldOf(async (request) => {
      const body = request.body?.kind === 'json' ? (request.body.value as { size?: unknown }) : undefined;
      if (request.actor === 'clerk' && typeof body?.size === 'number' && body.size > 1000)
        return { status: 500, contentType: 'application/problem+json', text: '{"detail":"boom"}' };
      return problem(422);
    });
    const summary = await fuzz(world, { runs: 300, seed: 7 });
    expect(summary.findings).toHaveLength(1);
    const [finding] = summary.findings;
    expect(finding?.route).toBe('POST /things');
    expect(finding?.verdict).toBe('status 500');
    expect(finding?.request).toContain('POST /api/v1/things');
    // Shrunk: the smallest size that still fails, the name short.
    expect(finding?.request).toMatch(/"size":1001\b/);
  });

  it('finds a session token or a password hash in an answer', async () => {
    const leaky = worldOf(async (request) =>
      request.body?.kind === 'json' && typeof (request.body.value as { size?: unknown } | null)?.size === 'number'
        ? { status: 200, contentType: 'application/json', text: '{"by":"s3cret-token"}' }
        : problem(422),
    );
    expect((await fuzz(leaky, { runs: 100, seed: 1 })).findings[0]?.verdict).toBe("a user's session token in the body");
    const hashes = worldOf(async () => ({
      status: 200,
      contentType: 'application/json',
      text: '{"password_hash":"$argon2id$v=19$m=19456"}',
    }));
    expect((await fuzz(hashes, { runs: 10, seed: 1 })).findings[0]?.verdict).toBe('a password hash in the body');
  });
});
