import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSet } from './support/rollup-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * The consistency run: 50 concurrent clients insert, update, move (re-parent) and delete lines of
 * the same few parents over HTTP; afterwards every roll-up equals a fresh aggregate of the lines.
 */
const CLIENTS = 50;
const OPS_PER_CLIENT = 12;
const PARENTS = 4;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitions: contractSet() });
});
afterAll(async () => {
  await server?.close();
});

const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);

/** A small deterministic generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('roll-ups under 50 concurrent clients', () => {
  it('equal a fresh SELECT of the lines for every parent (count, sum, min, max, avg)', async () => {
    const parents: string[] = [];
    for (let i = 0; i < PARENTS; i++) parents.push((await api('POST', '/contract', { name: `P${i}` })).body.id);
    const counts = { insert: 0, update: 0, move: 0, delete: 0, conflict: 0, failed: 0 };
    const failures: string[] = [];
    const fail = (what: string, answer: { status: number; body: unknown }) => {
      counts.failed++;
      failures.push(`${what} ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    };
    const started = Date.now();

    const client = async (n: number) => {
      const next = random(n + 1);
      const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
      const mine: { id: string; version: number }[] = [];
      for (let op = 0; op < OPS_PER_CLIENT; op++) {
        const roll = next();
        const amount = Math.round(next() * 100000) / 100;
        const paidOn = `2026-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
        const status = next() < 0.5 ? 'received' : 'planned';
        if (!mine.length || roll < 0.4) {
          const created = await api('POST', '/payment', {
            label: `c${n}`,
            amount,
            paidOn,
            status,
            contract: pick(parents),
          });
          if (created.status !== 201) fail('insert', created);
          else {
            mine.push(created.body);
            counts.insert++;
          }
          continue;
        }
        const line = pick(mine);
        const kind = roll < 0.65 ? 'update' : roll < 0.85 ? 'move' : 'delete';
        if (kind === 'delete') {
          const deleted = await api('DELETE', `/payment/${line.id}`, { version: line.version });
          if (deleted.status === 204) {
            mine.splice(mine.indexOf(line), 1);
            counts.delete++;
          } else fail('delete', deleted);
          continue;
        }
        const body = kind === 'update' ? { amount, paidOn, status } : { contract: pick(parents) };
        const patched = await api('PATCH', `/payment/${line.id}`, { version: line.version, ...body });
        if (patched.status === 200) {
          line.version = patched.body.version;
          counts[kind]++;
        } else if (patched.status === 409) {
          counts.conflict++;
          failures.push(`${kind} 409 ${JSON.stringify(patched.body)}`);
        } else fail(kind, patched);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    const seconds = (Date.now() - started) / 1000;

    const knex = server.testDb.db.knex;
    const fresh = await knex('contract as p')
      .select(
        'p.id',
        'p.lineCount',
        'p.paidTotal',
        'p.smallest',
        'p.largest',
        'p.average',
        'p.received',
        'p.bigReceived',
        knex.raw(
          `(select coalesce(sum(c.amount), 0) from payment c where c.contract = p.id and c.status = 'received') as "freshReceived"`,
        ),
        knex.raw(
          `(select count(*) from payment c where c.contract = p.id and c.status = 'received' and c.amount >= 500)::int as "freshBig"`,
        ),
        knex.raw('(select count(*) from payment c where c.contract = p.id)::int as "freshCount"'),
        knex.raw('(select coalesce(sum(c.amount), 0) from payment c where c.contract = p.id) as "freshSum"'),
        knex.raw('(select min(c.amount) from payment c where c.contract = p.id) as "freshMin"'),
        knex.raw('(select max(c.amount) from payment c where c.contract = p.id) as "freshMax"'),
        knex.raw('(select avg(c.amount)::float8 from payment c where c.contract = p.id) as "freshAvg"'),
      )
      .whereIn('p.id', parents);
    const lines = fresh.reduce((sum, row) => sum + Number(row.freshCount), 0);
    console.log(
      `roll-up consistency: ${CLIENTS} clients, ${counts.insert} inserts, ${counts.update} updates, ${counts.move} moves, ` +
        `${counts.delete} deletes, ${counts.conflict} version conflicts, ${lines} lines left on ${PARENTS} parents, ${seconds.toFixed(1)} s`,
    );
    expect(failures).toEqual([]);
    expect(counts.move).toBeGreaterThan(20);
    expect(counts.delete).toBeGreaterThan(20);
    for (const row of fresh) {
      expect(row.lineCount).toBe(row.freshCount);
      expect(Number(row.paidTotal)).toBe(Number(row.freshSum));
      expect(row.smallest === null ? null : Number(row.smallest)).toBe(
        row.freshMin === null ? null : Number(row.freshMin),
      );
      expect(row.largest === null ? null : Number(row.largest)).toBe(
        row.freshMax === null ? null : Number(row.freshMax),
      );
      expect(Number(row.received)).toBe(Number(row.freshReceived));
      expect(row.bigReceived).toBe(row.freshBig);
      if (row.freshAvg === null) expect(row.average).toBeNull();
      else expect(row.average).toBeCloseTo(row.freshAvg, 6);
    }
  });
});
