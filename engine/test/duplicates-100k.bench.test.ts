import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the bench's data tables are plain JavaScript without types
import { LOCATIONS, NAME_SUFFIXES, NAME_TRADES, NAME_WORDS_1, NAME_WORDS_2 } from '../../bench/lib/data.mjs';
import { toProbes } from '../src/duplicates/match-plan.js';
import { REPO_ROOT, startTestServer } from './support/test-server.js';

/*
 * A measurement, not a check (run on purpose: LODESTAR_BENCH=1 npx vitest run engine/test/duplicates-100k.bench.test.ts):
 * the duplicate check and the unique key on 100,000 customers of the default template, on the PostgreSQL server
 * (issue 14 item 5, "must stay fast on 100k customers").
 *   1. a fresh database with the default template and 10 salespeople;
 *   2. 100,000 customers inserted by SQL in the shape bench/seed.mjs gives them (city + two words + trade +
 *      legal-form suffix, the seed's credit codes and phone numbers), owned round-robin, then ANALYZE;
 *   3. sequential requests as a salesperson (read scope `own`: most matches are someone else's): a stored name
 *      written otherwise, the start of a name, a credit code in lower case, a phone number with other separators,
 *      no match; median / p95 / p99 ms per kind (HTTP round trip, in-process engine);
 *   4. EXPLAIN ANALYZE of every probe the check runs for one input of each kind: each must be an index scan;
 *   5. 500 sequential creates with the key indexes in place, and 500 with them dropped (same table), per second;
 *   6. writes bench/results-duplicates.json (LODESTAR_BENCH_ROWS, LODESTAR_BENCH_REQUESTS change the sizes).
 */
describe.skipIf(!process.env.LODESTAR_BENCH)('the duplicate check on 100,000 customers', () => {
  it('answers from indexes', async () => {
    await measure();
    expect(JSON.parse(readResults()).everyProbeAnIndexScan).toBe(true);
  }, 900_000);
});

interface Row {
  name: string;
  code: string;
  phone: string;
}

function readResults(): string {
  return readFileSync(join(REPO_ROOT, 'bench/results-duplicates.json'), 'utf8');
}

const ROWS = Number(process.env.LODESTAR_BENCH_ROWS ?? 100_000);
const REQUESTS = Number(process.env.LODESTAR_BENCH_REQUESTS ?? 200);

const lit = (s: unknown) => `'${String(s).replace(/'/g, "''")}'`;
const arr = (list: unknown[]) => `(ARRAY[${list.map(lit).join(',')}])`;
const pick = (list: unknown[]) => `${arr(list)}[1 + floor(random() * ${list.length})::int]`;
const cities = (LOCATIONS as [string, string, string[], number][]).flatMap((location) => location[2]);

async function measure(): Promise<void> {
  const server = await startTestServer();
  const knex = server.testDb.db.knex;
  try {
    const owners = [];
    for (let i = 0; i < 10; i++)
      owners.push(
        await server.userToken({ email: `s${i}@bench.test`, roles: ['salesperson'], displayName: `销售${i}` }),
      );
    const ownerIds = owners.map((o) => o.user.id);
    const started = Date.now();
    await knex.raw(`
    insert into customer (record_type, state, owner_id, created_by, updated_by, name, industry, "unifiedSocialCreditCode", phone)
    select 'company', 'prospect', owner, owner, owner,
           ${pick(cities)} || ${pick(NAME_WORDS_1)} || ${pick(NAME_WORDS_2)} || ${pick(NAME_TRADES)} || ${pick(NAME_SUFFIXES)},
           'manufacturing',
           '91' || lpad((100000 + (g::bigint * 7919) % 900000)::text, 6, '0') || upper(substr(md5(g::text), 1, 10)),
           '0' || (10 + g % 890) || '-' || (60000000 + (g::bigint * 48271) % 39999999)
    from generate_series(1, ${ROWS}) as g, lateral (select (${arr(ownerIds)})[1 + g % 10]::uuid as owner) as o`);
    await knex.raw('analyze customer');
    console.log(`seeded ${ROWS} customers in ${Date.now() - started} ms`);
    const seeded = Date.now() - started;
    const sample = (
      await knex.raw(
        `select name, "unifiedSocialCreditCode" as code, phone, owner_id from customer order by random() limit ${REQUESTS}`,
      )
    ).rows;
    const asSales = { authorization: `Bearer ${owners[0]!.token}` };
    const inputs = {
      'full name, written otherwise': (r: Row) => ({ name: ` ${r.name.replace('有限公司', '（集团）有限公司')} ` }),
      'start of a name': (r: Row) => ({ name: Array.from(r.name).slice(0, 6).join('') }),
      'credit code, lower case': (r: Row) => ({ unifiedSocialCreditCode: r.code.toLowerCase() }),
      'phone, other separators': (r: Row) => ({ phone: r.phone.replace('-', ' ') }),
      'no match': (_r: Row, i: number) => ({
        name: `宁波不存在的公司${i}号有限公司`,
        unifiedSocialCreditCode: `91330100MA${String(i).padStart(8, '0')}`,
      }),
    };
    const timings: Record<string, { median: number; p95: number; p99: number }> = {};
    const found: Record<string, number> = {};
    for (const [kind, make] of Object.entries(inputs)) {
      const ms: number[] = [];
      let hits = 0;
      for (let i = 0; i < sample.length; i++) {
        const t0 = performance.now();
        const answer = await server.request('POST', '/api/v1/records/customer/duplicates', make(sample[i], i), asSales);
        ms.push(performance.now() - t0);
        if (answer.status !== 200) throw new Error(`${kind}: ${answer.status} ${JSON.stringify(answer.body)}`);
        if (answer.body.matches.length) hits++;
      }
      ms.sort((a, b) => a - b);
      const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]! * 10) / 10;
      timings[kind] = { median: at(0.5), p95: at(0.95), p99: at(0.99) };
      console.log(kind, timings[kind]);
      found[kind] = hits;
    }
    // Every probe of one input per kind, explained.
    const model = server.engine.ctx.models.current();
    const entity = model?.entities.get('customer');
    const plans: Record<string, { indexScan: boolean; plan: string }> = {};
    if (entity) {
      const visible = new Set(entity.fields.keys());
      for (const [kind, make] of Object.entries(inputs)) {
        for (const [n, probe] of toProbes(entity, make(sample[0], 0), visible).entries()) {
          const sql = knex('customer as t')
            .select('t.id')
            .whereRaw(probe.sql, probe.bindings as Knex.RawBinding[])
            .limit(5)
            .toSQL()
            .toNative();
          // The native statement as the engine sends it ($n parameters), explained on a pool connection.
          const connection = (await knex.client.acquireConnection()) as {
            query(sql: string, values: readonly unknown[]): Promise<{ rows: Record<string, string>[] }>;
          };
          // As find-duplicates.ts runs it: in a transaction without sequential scans unless nothing else can.
          await connection.query('begin', []);
          await connection.query('set local enable_seqscan = off', []);
          const explained = await connection
            .query(`explain (analyze, costs off) ${sql.sql}`, sql.bindings)
            .finally(async () => {
              await connection.query('commit', []);
              knex.client.releaseConnection(connection);
            });
          const text = explained.rows.map((r) => r['QUERY PLAN']).join('\n');
          plans[`${kind} / ${probe.kind} ${probe.fields.join('+')} #${n + 1}`] = {
            indexScan: /Index (Only )?Scan|Bitmap Index Scan/.test(text) && !/Seq Scan/.test(text),
            plan: text,
          };
        }
      }
    }
    // Creates with and without the key indexes on the same table.
    const create = async (label: string) => {
      const t0 = performance.now();
      for (let i = 0; i < 500; i++) {
        const r = await server.request('POST', '/api/v1/records/customer', {
          record_type: 'company',
          name: `${label}测试客户${i}有限公司`,
          industry: 'manufacturing',
          unifiedSocialCreditCode: `91330100MA${label === 'with' ? '1' : '2'}${String(i).padStart(7, '0')}`,
          phone: `0571-${String(i).padStart(8, '0')}`,
        });
        if (r.status !== 201) throw new Error(`create: ${r.status} ${JSON.stringify(r.body)}`);
      }
      return Math.round(500 / ((performance.now() - t0) / 1000));
    };
    const withKeys = await create('with');
    const keyIndexes = (
      await knex.raw(
        `select indexname, indexdef from pg_indexes where tablename = 'customer' and indexname ~ '_(u|d)key$'`,
      )
    ).rows;
    for (const index of keyIndexes) await knex.raw(`drop index "${index.indexname}"`);
    const withoutKeys = await create('without');
    for (const index of keyIndexes) await knex.raw(index.indexdef.replace(/\?/g, '\\?'));
    const results = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model },
      database: (await knex.raw('select version()')).rows[0].version,
      rows: ROWS,
      seededMs: seeded,
      requestsPerKind: sample.length,
      msPerRequest: timings,
      requestsWithMatches: found,
      everyProbeAnIndexScan: Object.values(plans).every((p) => p.indexScan),
      plans,
      createsPerSecond: { withKeyIndexes: withKeys, withoutKeyIndexes: withoutKeys },
    };
    writeFileSync(join(REPO_ROOT, 'bench/results-duplicates.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(
      JSON.stringify(
        { ...results, plans: Object.fromEntries(Object.entries(plans).map(([k, v]) => [k, v.indexScan])) },
        null,
        2,
      ),
    );
  } finally {
    await server.close();
  }
}
