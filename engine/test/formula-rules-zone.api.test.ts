import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleClock } from '../src/definitions/record-rules.js';
import { ruleDefinitions } from './support/rule-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** TODAY() in a cross-field rule is today in the company time zone (LODESTAR_TIME_ZONE, default Asia/Shanghai). */
const RULE = [{ check: 'plannedStart >= TODAY()', field: 'plannedStart' }];
// 20:00 UTC on 1 March: still 1 March in Los Angeles, already 2 March in Shanghai.
const EVENING_UTC = Date.parse('2026-03-01T20:00:00Z');

const servers: TestServer[] = [];
const now = ruleClock.now;

beforeAll(() => {
  ruleClock.now = () => EVENING_UTC;
});
afterAll(async () => {
  ruleClock.now = now;
  for (const server of servers) await server.close();
});

async function startOn1March(timeZone?: string): Promise<number> {
  const server = await startTestServer({
    definitions: ruleDefinitions(RULE),
    ...(timeZone && { config: { timeZone } }),
  });
  servers.push(server);
  const created = await server.request('POST', '/api/v1/records/deal', {
    record_type: 'standard',
    name: 'Kick-off',
    plannedStart: '2026-03-01',
  });
  return created.status;
}

describe('TODAY() in rules', () => {
  it('is 2 March in Shanghai by default, so a start on 1 March is in the past', async () => {
    expect(await startOn1March()).toBe(422);
  });

  it('follows LODESTAR_TIME_ZONE: still 1 March in Los Angeles', async () => {
    expect(await startOn1March('America/Los_Angeles')).toBe(201);
  });
});
