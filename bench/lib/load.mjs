#!/usr/bin/env node
// One autocannon run in its own process (so the load generator does not share an event loop with the
// orchestrating runner): `node bench/lib/load.mjs <spec.json>`; prints a JSON summary on stdout.
// spec: { url, op, connections, duration, data: { ... } }
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { data } = spec;
const JSON_HEADERS = { 'content-type': 'application/json' };
const enc = (s) => encodeURIComponent(s);
const pickOne = (values) => values[Math.floor(Math.random() * values.length)];

let counter = 0;
const builders = {
  /** GET one customer; ids cycle through a random sample of existing rows. */
  get: () => ({ method: 'GET', path: `/api/v1/records/customer/${data.ids[counter++ % data.ids.length]}` }),
  /** Filtered (industry = X and region = Y, pairs sampled from the data) + sorted page of 50. */
  list: () => {
    const [industry, region] = data.combos[counter++ % data.combos.length];
    return {
      method: 'GET',
      path: `/api/v1/records/customer?filter%5Bindustry%5D%5Beq%5D=${enc(industry)}&filter%5Bregion%5D%5Beq%5D=${enc(region)}&sort=-annualRevenue&limit=50`,
    };
  },
  /** Contacts whose customer is in region X (a filter on the related entity's field), page of 50. */
  related: () => ({
    method: 'GET',
    path: `/api/v1/records/contact?filter%5Bcustomer.region%5D%5Beq%5D=${enc(data.regions[counter++ % data.regions.length])}&limit=50`,
  }),
  /** A new company (90%) or government agency (10%) with a handful of fields. */
  create: () => {
    const n = counter++;
    const gov = n % 10 === 9;
    const body = gov
      ? {
          record_type: 'government',
          name: `基准测试机构 ${spec.runId}-${n}`,
          administrativeLevel: pickOne(data.administrativeLevels),
          jurisdiction: '浙江省杭州市',
          region: 'eastChina',
          province: '浙江省',
          city: '杭州',
        }
      : {
          record_type: 'company',
          name: `基准测试公司 ${spec.runId}-${n}`,
          industry: pickOne(data.industries),
          region: pickOne(data.regions),
          province: '江苏省',
          city: pickOne(data.cities),
          annualRevenue: Math.round(Math.random() * 1e8),
        };
    return { method: 'POST', path: '/api/v1/records/customer', headers: JSON_HEADERS, body: JSON.stringify(body) };
  },
  /**
   * PATCH one field at the expected version. Rows come from a pool read just before the run ({id, version});
   * the pool is walked in order, so a row is patched again only after the whole pool (far more rows than
   * connections), and its expected version then is the stored one plus the number of earlier passes.
   */
  update: () => {
    const n = counter++;
    const [id, version] = data.pool[n % data.pool.length];
    const pass = Math.floor(n / data.pool.length);
    return {
      method: 'PATCH',
      path: `/api/v1/records/customer/${id}`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ city: pickOne(data.cities), version: version + pass }),
    };
  },
  /** One workflow event (TOGGLE flips open ⇄ review, with a guard, a setField action and a history row) to a random deal. */
  transition: () => ({
    method: 'POST',
    path: `/api/v1/records/deal/${data.ids[Math.floor(Math.random() * data.ids.length)]}/events`,
    headers: JSON_HEADERS,
    body: '{"type":"TOGGLE"}',
  }),
  /** One event (`data.event`) to a random record of `data.entity` (bench/cross-record.mjs compares kinds of transition). */
  event: () => ({
    method: 'POST',
    path: `/api/v1/records/${data.entity}/${data.ids[Math.floor(Math.random() * data.ids.length)]}/events`,
    headers: JSON_HEADERS,
    body: JSON.stringify({ type: data.event }),
  }),
};
const build = builders[spec.op];
if (!build) throw new Error(`unknown op ${spec.op}`);

const cpuBefore = process.cpuUsage();
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.duration,
  timeout: 30,
  requests: [
    {
      setupRequest: (request) => {
        const next = build();
        return { ...request, ...next, headers: { ...request.headers, ...spec.headers, ...next.headers } };
      },
    },
  ],
});

const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  JSON.stringify({
    op: spec.op,
    url: spec.url,
    connections: result.connections,
    duration: result.duration,
    requestsPerSecond: result.requests.average,
    requestsPerSecondStddev: result.requests.stddev,
    total: result.requests.total,
    latency: {
      avg: result.latency.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    loadGeneratorCpuSeconds: (cpu.user + cpu.system) / 1e6,
    statusCounts: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
    ),
  }),
);
