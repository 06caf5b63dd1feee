#!/usr/bin/env node
// /health latency while anonymous clients send large JSON bodies (issue 12, item 9: "forty unauthenticated
// 4.8 MB POSTs raised /health latency from 3 ms to 684 ms median"). Against a running engine:
//   node bench/unauth-bodies.mjs --url http://127.0.0.1:3000 [--clients 40] [--mb 4.8] [--seconds 10]
// Measures /health sequentially, first on a quiet server, then while `clients` loops each POST an
// unauthenticated body of `mb` megabytes to /api/v1/records/customer (and /api/v1/auth/login), and prints
// the median and p95 of both, and what the POSTs were answered.
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    clients: { type: 'string', default: '40' },
    mb: { type: 'string', default: '4.8' },
    seconds: { type: 'string', default: '10' },
  },
});
const base = new URL(opts.url);
const body = Buffer.from(`{"name":"${'x'.repeat(Math.round(Number(opts.mb) * 1024 * 1024) - 12)}"}`);
const answers = new Map();

function post(path) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        answers.set(res.statusCode, (answers.get(res.statusCode) ?? 0) + 1);
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', () => {
      answers.set('closed', (answers.get('closed') ?? 0) + 1);
      resolve();
    });
    req.end(body);
  });
}

async function health() {
  const started = performance.now();
  await (await fetch(new URL('/api/v1/health', base))).text();
  return performance.now() - started;
}

async function sample(ms) {
  const times = [];
  const until = Date.now() + ms;
  while (Date.now() < until) times.push(await health());
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  return { n: times.length, median: at(0.5), p95: at(0.95) };
}

const quiet = await sample(2000);
let running = true;
const loops = Array.from({ length: Number(opts.clients) }, async (_, i) => {
  while (running) await post(i % 4 === 0 ? '/api/v1/auth/login' : '/api/v1/records/customer');
});
await new Promise((r) => setTimeout(r, 500));
const loaded = await sample(Number(opts.seconds) * 1000);
running = false;
await Promise.all(loops);
console.log(
  JSON.stringify(
    { clients: Number(opts.clients), mb: Number(opts.mb), quiet, loaded, answers: Object.fromEntries(answers) },
    null,
    2,
  ),
);
