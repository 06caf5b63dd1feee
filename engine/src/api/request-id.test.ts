import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { requestId, requestIdOf } from './request-id.js';

function run(header: string | undefined): { id: string | undefined; sent: string | undefined } {
  const req = {
    get: (name: string) => (name.toLowerCase() === 'x-request-id' ? header : undefined),
  } as unknown as Request;
  let sent: string | undefined;
  const res = {
    setHeader: (name: string, value: string) => void (name === 'X-Request-Id' && (sent = value)),
  } as unknown as Response;
  let called = false;
  requestId()(req, res, () => void (called = true));
  expect(called).toBe(true);
  return { id: requestIdOf(req), sent };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestId', () => {
  it("keeps a caller's plain id and echoes it", () => {
    expect(run('gw-1:abc.DEF_42-x')).toEqual({ id: 'gw-1:abc.DEF_42-x', sent: 'gw-1:abc.DEF_42-x' });
  });

  it.each([undefined, '', 'has space', 'x'.repeat(101), 'semi;colon', 'new\nline'])(
    'replaces %j with a random UUID',
    (header) => {
      const { id, sent } = run(header);
      expect(id).toMatch(UUID);
      expect(sent).toBe(id);
    },
  );

  it('is undefined where the middleware did not run', () => {
    expect(requestIdOf({} as Request)).toBeUndefined();
  });
});
