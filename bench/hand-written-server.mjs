#!/usr/bin/env node
// The baseline: the five benchmarked operations written by hand with express + pg on the tables (and
// indexes) the engine created. What a competent developer would write for exactly these endpoints, with
// the same wire contract as the engine where the benchmark looks at it: same URLs and query parameters,
// the full row as JSON, lists as { data, nextCursor }, version checked and bumped on update (409 on a
// stale version), 201 + Location on create, 404 for a missing record, minimal but present validation.
//
//   PORT=3001 DATABASE_URL=postgres://postgres@127.0.0.1:5432/lodestar_bench node bench/hand-written-server.mjs
import express from 'express';
import pg from 'pg';
import { join } from 'node:path';
import { configurePgTypes, DATABASE_URL, enumOf, readEntity, REPO_ROOT } from './lib/common.mjs';

configurePgTypes();
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL ?? DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});

const customer = readEntity('customer');
// A customer row carries its search document (a tsvector the table's trigger would otherwise compute in
// PL/pgSQL): computed here as the engine computes it, with the table format's own function and readings.
const searchDir = join(REPO_ROOT, 'engine/dist/search');
const { searchSpecOf } = await import(join(searchDir, 'search-spec.js'));
const { searchDocLiteral } = await import(join(searchDir, 'search-terms.js'));
const SEARCH = searchSpecOf(customer);
const READINGS = new Map(
  (await pool.query('select ch, syllable from lodestar_pinyin')).rows.map((r) => [r.ch, r.syllable]),
);
const searchDoc = (row) => searchDocLiteral(SEARCH, row, (ch) => READINGS.get(ch));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CUSTOMER_FIELDS = new Set(Object.keys(customer.properties));
const ENUMS = Object.fromEntries(
  ['industry', 'region', 'level', 'source', 'scale', 'administrativeLevel'].map((f) => [
    f,
    new Set(enumOf(customer, f)),
  ]),
);
const REQUIRED_BY_TYPE = Object.fromEntries(
  Object.entries(customer['x-entity'].recordTypes).map(([type, options]) => [type, options.required ?? []]),
);
const FILTERABLE = {
  customer: new Set(['industry', 'region', 'province', 'city', 'level', 'source', 'scale', 'record_type', 'owner_id']),
};
const SORTABLE = new Set(['annualRevenue', 'registeredCapital', 'name', 'created_at', 'updated_at']);
const q = (name) => `"${name}"`; // names below come from the whitelists above only

const app = express();
app.disable('x-powered-by');
app.set('query parser', 'simple');
app.use(express.json({ limit: '1mb' }));

app.get('/api/v1/health', (_req, res) => res.json({ status: 'ok' }));

// Get by id.
app.get('/api/v1/records/customer/:id', async (req, res) => {
  if (!UUID.test(req.params.id)) return notFound(res);
  const { rows } = await pool.query('SELECT * FROM customer WHERE id = $1', [req.params.id]);
  if (!rows.length) return notFound(res);
  res.set('ETag', `"${rows[0].version}"`).json(rows[0]);
});

// Filtered + sorted page: filter[<field>][eq]=value (and), sort=[-]field, limit.
app.get('/api/v1/records/customer', async (req, res) => {
  const where = [];
  const params = [];
  for (const [key, value] of Object.entries(req.query)) {
    const match = /^filter\[(\w+)\]\[eq\]$/.exec(key);
    if (!match) continue;
    if (!FILTERABLE.customer.has(match[1]) || typeof value !== 'string')
      return badRequest(res, `cannot filter on ${key}`);
    params.push(value);
    where.push(`${q(match[1])} = $${params.length}`);
  }
  let order = 'id';
  if (typeof req.query.sort === 'string') {
    const desc = req.query.sort.startsWith('-');
    const field = desc ? req.query.sort.slice(1) : req.query.sort;
    if (!SORTABLE.has(field)) return badRequest(res, `cannot sort on ${field}`);
    order = desc ? `${q(field)} DESC, id DESC` : `${q(field)}, id`;
  }
  const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) return badRequest(res, 'limit must be 1..500');
  const sql = `SELECT * FROM customer ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${limit}`;
  const { rows } = await pool.query(sql, params);
  res.json({ data: rows, nextCursor: null });
});

// Contacts filtered on their customer's field: filter[customer.<field>][eq]=value.
app.get('/api/v1/records/contact', async (req, res) => {
  const where = [];
  const params = [];
  for (const [key, value] of Object.entries(req.query)) {
    const match = /^filter\[customer\.(\w+)\]\[eq\]$/.exec(key);
    if (!match) continue;
    if (!FILTERABLE.customer.has(match[1]) || typeof value !== 'string')
      return badRequest(res, `cannot filter on ${key}`);
    params.push(value);
    where.push(`cu.${q(match[1])} = $${params.length}`);
  }
  const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) return badRequest(res, 'limit must be 1..500');
  const sql = `SELECT c.* FROM contact c JOIN customer cu ON cu.id = c.customer
               ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id LIMIT ${limit}`;
  const { rows } = await pool.query(sql, params);
  res.json({ data: rows, nextCursor: null });
});

// Create.
app.post('/api/v1/records/customer', async (req, res) => {
  const body = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return invalid(res, 'the body must be a JSON object');
  const problem = checkCustomer(body, { create: true });
  if (problem) return invalid(res, problem);
  const names = Object.keys(body).filter((k) => CUSTOMER_FIELDS.has(k));
  const columns = ['record_type', ...names, 'search_doc'];
  const values = [body.record_type, ...names.map((n) => body[n]), searchDoc(body)];
  const sql = `INSERT INTO customer (${columns.map(q).join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`;
  const { rows } = await pool.query(sql, values);
  res.status(201).location(`/api/v1/records/customer/${rows[0].id}`).set('ETag', `"${rows[0].version}"`).json(rows[0]);
});

// Update some fields at the expected version (body `version`): check and bump in one statement.
app.patch('/api/v1/records/customer/:id', async (req, res) => {
  if (!UUID.test(req.params.id)) return notFound(res);
  const body = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return invalid(res, 'the body must be a JSON object');
  if (!Number.isInteger(body.version) || body.version < 1)
    return res.status(428).json({ title: 'version is required' });
  const problem = checkCustomer(body, { create: false });
  if (problem) return invalid(res, problem);
  const names = Object.keys(body).filter((k) => CUSTOMER_FIELDS.has(k));
  const sets = names.map((n, i) => `${q(n)} = $${i + 3}`);
  const sql = `UPDATE customer SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
               WHERE id = $1 AND version = $2 RETURNING *`;
  const { rows } = await pool.query(sql, [req.params.id, body.version, ...names.map((n) => body[n])]);
  if (rows.length) return res.set('ETag', `"${rows[0].version}"`).json(rows[0]);
  const current = await pool.query('SELECT version FROM customer WHERE id = $1', [req.params.id]);
  if (!current.rows.length) return notFound(res);
  res.status(409).json({ title: 'stale version', currentVersion: current.rows[0].version });
});

/** Minimal validation: name, record type and its required fields, enum values, string lengths. */
function checkCustomer(body, { create }) {
  if (create || 'name' in body) {
    if (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 200)
      return '/name: required, 1..200 characters';
  }
  if (create && !(body.record_type in REQUIRED_BY_TYPE))
    return `/record_type: must be one of ${Object.keys(REQUIRED_BY_TYPE).join(', ')}`;
  if (create) {
    for (const field of REQUIRED_BY_TYPE[body.record_type])
      if (body[field] == null || body[field] === '') return `/${field}: required`;
  }
  for (const [field, allowed] of Object.entries(ENUMS)) {
    if (body[field] != null && !allowed.has(body[field])) return `/${field}: not an allowed value`;
  }
  for (const field of ['province', 'city']) {
    if (body[field] != null && (typeof body[field] !== 'string' || body[field].length > 50))
      return `/${field}: at most 50 characters`;
  }
  if (body.annualRevenue != null && !(typeof body.annualRevenue === 'number' && body.annualRevenue >= 0))
    return '/annualRevenue: a number >= 0';
  return undefined;
}

const notFound = (res) => res.status(404).type('application/problem+json').json({ status: 404, title: 'Not Found' });
const badRequest = (res, detail) =>
  res.status(400).type('application/problem+json').json({ status: 400, title: 'Bad Request', detail });
const invalid = (res, detail) =>
  res.status(422).type('application/problem+json').json({ status: 422, title: 'Unprocessable Content', detail });

app.use((error, _req, res, _next) => {
  if (error.type === 'entity.parse.failed') return badRequest(res, 'malformed JSON');
  console.error(error);
  res.status(500).json({ status: 500, title: 'Internal Server Error' });
});

const server = app.listen(Number(process.env.PORT ?? 3001), () => {
  console.log(`hand-written server at http://127.0.0.1:${server.address().port}`);
});
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
