#!/usr/bin/env node
// Seeds the benchmark database: drop + create `lodestar_bench`, let the engine create its tables (first
// start on an empty database), stop it, then bulk-insert customers and contacts with server-side
// INSERT ... SELECT generate_series, rebuild the secondary indexes, VACUUM (FREEZE, ANALYZE).
//
//   node bench/seed.mjs [--customers 1000000] [--contacts 200000] [--keep-db] [--template-indexes-only] [--if-missing]
//
// --if-missing does nothing when the database already holds at least that many customers (for `npm run bench`).
//
// Besides the indexes the engine creates, the seed adds one that the customer list's sort needs,
// customer (industry, region, "annualRevenue") (what declaring ["industry", "region", "annualRevenue"] in
// x-entity.indexes creates): without it, a filtered page sorted by revenue reads and sorts every matching
// row (up to ~86,000 for manufacturing in eastChina, ~190 ms), and the list benchmark measures only
// PostgreSQL. Both servers use the same indexes. --template-indexes-only leaves it out.
//
// Values follow the definitions in schemas/*.schema.json: enum values are read from the files, company rows
// carry industry, government rows carry jurisdiction + administrativeLevel, and every seeded value passes the
// field's JSON Schema (formats, patterns, lengths), so PATCHing a seeded record validates.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  DATABASE_URL,
  DB_NAME,
  DEFINITIONS_DIR,
  PG_BASE,
  REPO_ROOT,
  enumOf,
  engineServerOptions,
  fail,
  freePort,
  log,
  readEntity,
  startServer,
  withClient,
} from './lib/common.mjs';
import {
  AGENCIES,
  DEPARTMENTS,
  DESCRIPTIONS,
  GIVEN_NAMES,
  JOB_TITLES,
  LOCATIONS,
  NAME_SUFFIXES,
  NAME_TRADES,
  NAME_WORDS_1,
  NAME_WORDS_2,
  STREETS,
  SURNAMES,
  WEIGHTS,
  weighted,
} from './lib/data.mjs';

const { values: opts } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    contacts: { type: 'string', default: '200000' },
    'batch-size': { type: 'string', default: '100000' },
    'keep-db': { type: 'boolean', default: false },
    'template-indexes-only': { type: 'boolean', default: false },
    'if-missing': { type: 'boolean', default: false },
  },
});
const CUSTOMERS = Number(opts.customers);
const CONTACTS = Number(opts.contacts);
const BATCH = Number(opts['batch-size']);
const GOVERNMENT_SHARE = 10; // every 10th customer is a government agency
const PARENT_SHARE = 0.02; // 2% of customers belong to a parent organization
const OWNERS = 50;

const started = Date.now();
const customerDef = readEntity('customer');
const contactDef = readEntity('contact');

// ---------------------------------------------------------------------------------------------- database

if (opts['if-missing']) {
  const existing = await withClient(DATABASE_URL, (c) => c.query(`select count(*)::int as n from customer`)).catch(
    () => null,
  );
  if (existing && existing.rows[0].n >= CUSTOMERS) {
    log(
      `${DB_NAME} already holds ${existing.rows[0].n.toLocaleString('en')} customers; not seeding again (drop --if-missing to re-seed)`,
    );
    process.exit(0);
  }
}

if (!opts['keep-db']) {
  log(`creating database ${DB_NAME} (dropping it first if it exists)`);
  await withClient(`${PG_BASE}/postgres`, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(DB_NAME)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(DB_NAME)}`);
  });
}

log('starting the engine once so that it creates its tables');
const port = await freePort();
try {
  const engine = await startServer({ ...engineServerOptions(port), timeoutMs: 180_000 });
  await engine.stop();
  log('engine created the tables and stopped');
} catch (error) {
  // The tables are what the seed needs; an engine that created them and then failed is reported, not fatal.
  const tables = await withClient(DATABASE_URL, (c) =>
    c.query(`select to_regclass('customer') as customer, to_regclass('contact') as contact`),
  );
  if (!tables.rows[0].customer || !tables.rows[0].contact)
    fail(`the engine did not create the tables:\n${error.message}`);
  log(
    `WARNING: the engine created the tables but did not start cleanly (the benchmark run will need it):\n${error.message.split('\n').slice(0, 6).join('\n')}`,
  );
}

const db = new pg.Client({ connectionString: DATABASE_URL });
await db.connect();
const lit = (value) => db.escapeLiteral(String(value));
const textArray = (values) => `ARRAY[${values.map(lit).join(',')}]::text[]`;
/** A uniformly random element of a SQL array of `n` values (random() is evaluated per row). */
const pick = (values) => `(${textArray(values)})[1 + floor(random() * ${values.length})::int]`;

await db.query(`SET session_replication_role = replica`); // no FK triggers during the bulk load (values are consistent by construction)
await db.query(`SET maintenance_work_mem = '1GB'`);
await db.query(`SET synchronous_commit = off`);

const columns = async (table) => {
  const { rows } = await db.query(
    `select column_name, is_nullable = 'NO' as not_null, column_default is not null as has_default
       from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
    [table],
  );
  return rows;
};

/** Only the columns the table really has; a NOT NULL column without default and without a value is an error. */
function insertColumns(table, tableColumns, expressions) {
  const names = tableColumns.map((c) => c.column_name);
  const missing = tableColumns.filter((c) => c.not_null && !c.has_default && !(c.column_name in expressions));
  if (missing.length)
    fail(`${table} has required columns the seed does not fill: ${missing.map((c) => c.column_name).join(', ')}`);
  const skipped = Object.keys(expressions).filter((name) => !names.includes(name));
  if (skipped.length)
    log(`note: ${table} has no column(s) ${skipped.join(', ')} (definitions changed?); not seeding them`);
  const used = names.filter((name) => name in expressions);
  return {
    list: used.map((n) => pg.escapeIdentifier(n)).join(', '),
    exprs: used.map((n) => expressions[n]).join(',\n      '),
  };
}

/** The initial workflow state of a record type (mirrors the engine: record type's workflow, entity's, or a workflow bound by meta.entity). */
function initialState(entity, recordType) {
  const dir = join(DEFINITIONS_DIR, 'workflows');
  if (!existsSync(dir)) return null;
  const workflows = readdirSync(dir)
    .filter((f) => f.endsWith('.workflow.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const options = entity['x-entity'] ?? {};
  const named = (recordType && options.recordTypes?.[recordType]?.workflow) || options.workflow;
  if (named) return workflows.find((w) => w.id === named)?.initial ?? null;
  const bound = workflows.filter((w) => w.meta?.entity === entity.$id);
  const match =
    bound.find((w) => recordType && w.meta.recordType === recordType) ??
    bound.find((w) => w.meta.recordType === undefined);
  return match?.initial ?? null;
}

async function timed(label, sql) {
  const t = Date.now();
  const result = await db.query(sql);
  log(`${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return result;
}

// Secondary indexes are dropped during the load and rebuilt from their exact definitions afterwards.
const { rows: indexes } = await db.query(
  `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'public' and i.tablename in ('customer', 'contact')
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
);
await db.query(`TRUNCATE customer CASCADE`);
for (const index of indexes) await db.query(`DROP INDEX ${pg.escapeIdentifier(index.indexname)}`);
log(`dropped ${indexes.length} secondary indexes for the load: ${indexes.map((i) => i.indexname).join(', ')}`);

// Search documents: the load runs with triggers off (session_replication_role), so the trigger that keeps them
// would not fire. For the load the column is what a publish makes first, a generated column computed with each
// row, and a plain column again afterwards (the engine's setSearch step does the same).
const { searchSpecOf } = await import(join(REPO_ROOT, 'engine/dist/search/search-spec.js'));
const { searchDocSql } = await import(join(REPO_ROOT, 'engine/dist/search/search-sql.js'));
const searched = [
  ['customer', customerDef],
  ['contact', contactDef],
]
  .map(([table, definition]) => ({ table, spec: searchSpecOf(definition) }))
  .filter(({ spec }) => spec);
for (const { table, spec } of searched) {
  await db.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS search_doc`);
  await db.query(
    `ALTER TABLE ${table} ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (${searchDocSql(spec)}) STORED`,
  );
}

// ---------------------------------------------------------------------------------------------- customers

const ownerIds = (await db.query(`select array_agg(gen_random_uuid()) as ids from generate_series(1, ${OWNERS})`))
  .rows[0].ids;
const locations = LOCATIONS.flatMap(([region, province, cities, weight]) =>
  cities.flatMap((city) => Array(weight).fill({ region, province, city })),
);
const regionEnum = enumOf(customerDef, 'region');
const unknownRegions = [...new Set(locations.map((l) => l.region))].filter((r) => !regionEnum.includes(r));
if (unknownRegions.length)
  fail(`bench/lib/data.mjs uses regions that customer.region does not allow: ${unknownRegions.join(', ')}`);
const companyState = initialState(customerDef, 'company');
const governmentState = initialState(customerDef, 'government');

const tagValues = enumOf(customerDef, 'tags');
const customerExpr = {
  record_type: `CASE WHEN gov THEN 'government' ELSE 'company' END`,
  state: `CASE WHEN gov THEN ${governmentState === null ? 'NULL' : lit(governmentState)} ELSE ${companyState === null ? 'NULL' : lit(companyState)} END`,
  owner_id: `owner`,
  created_at: `created`,
  updated_at: `created + random() * (now() - created)`,
  created_by: `owner`,
  updated_by: `owner`,
  version: `1`,
  name: `CASE WHEN gov THEN city || '市' || ${pick(AGENCIES)}
              ELSE city || ${pick(NAME_WORDS_1)} || ${pick(NAME_WORDS_2)} || ${pick(NAME_TRADES)} || ${pick(NAME_SUFFIXES)} END`,
  shortName: `CASE WHEN gov THEN NULL ELSE ${pick(NAME_WORDS_1)} || ${pick(NAME_WORDS_2)} || ${pick(['科技', '实业', '集团', '股份', '电子', '机电'])} END`,
  unifiedSocialCreditCode: `CASE WHEN gov THEN '11' ELSE '91' END || lpad((100000 + (g::bigint * 7919) % 900000)::text, 6, '0') || upper(substr(md5(g::text), 1, 10))`,
  level: pick(weighted(enumOf(customerDef, 'level'), WEIGHTS.level)),
  source: pick(weighted(enumOf(customerDef, 'source'), WEIGHTS.source)),
  industry: `CASE WHEN gov THEN NULL ELSE ${pick(weighted(enumOf(customerDef, 'industry'), WEIGHTS.industry))} END`,
  scale: `CASE WHEN gov THEN NULL ELSE ${pick(weighted(enumOf(customerDef, 'scale'), WEIGHTS.scale))} END`,
  // Log-uniform between 100 thousand and 10 billion CNY, whole yuan (the engine's x-scale check currently
  // rejects some valid amounts with cents above ~10^8 because of floating-point error).
  annualRevenue: `CASE WHEN gov THEN NULL ELSE round((10 ^ (5 + random() * 5))::numeric, 0) END`,
  registeredCapital: `CASE WHEN gov OR random() < 0.2 THEN NULL ELSE round((10 ^ (5 + random() * 4))::numeric, -4) END`,
  legalRepresentative: `CASE WHEN gov THEN NULL ELSE ${pick(SURNAMES)} || ${pick(GIVEN_NAMES)} END`,
  administrativeLevel: `CASE WHEN gov THEN ${pick(weighted(enumOf(customerDef, 'administrativeLevel'), WEIGHTS.administrativeLevel))} ELSE NULL END`,
  jurisdiction: `CASE WHEN gov THEN province || city || '市' ELSE NULL END`,
  region: `region`,
  province: `province`,
  city: `city`,
  address: `province || city || '市' || ${pick(STREETS)} || (1 + g % 999) || '号'`,
  phone: `'0' || (10 + g % 890) || '-' || (60000000 + (g::bigint * 48271) % 39999999)`,
  website: `CASE WHEN random() < 0.6 THEN 'https://www.c' || g || '.example.cn' ELSE NULL END`,
  description: `CASE WHEN random() < 0.3 THEN ${pick(DESCRIPTIONS)} ELSE NULL END`,
  tags: `CASE WHEN tag_n = 0 THEN NULL
              WHEN tag_n = 1 THEN ARRAY[(${textArray(tagValues)})[tag_i]]
              ELSE ARRAY[(${textArray(tagValues)})[tag_i], (${textArray(tagValues)})[tag_i % ${tagValues.length} + 1]] END`,
};
const customerInsert = insertColumns('customer', await columns('customer'), customerExpr);
const locationArrays = {
  region: textArray(locations.map((l) => l.region)),
  province: textArray(locations.map((l) => l.province)),
  city: textArray(locations.map((l) => l.city)),
};

log(`inserting ${CUSTOMERS.toLocaleString('en')} customers (${100 / GOVERNMENT_SHARE}% government agencies)`);
for (let start = 1; start <= CUSTOMERS; start += BATCH) {
  const end = Math.min(CUSTOMERS, start + BATCH - 1);
  const t = Date.now();
  await db.query(`
    INSERT INTO customer (${customerInsert.list})
    SELECT ${customerInsert.exprs}
    FROM (
      SELECT g, gov, created, owner, tag_n, tag_i,
             (${locationArrays.region})[loc] AS region, (${locationArrays.province})[loc] AS province, (${locationArrays.city})[loc] AS city
      FROM (
        SELECT g,
               g % ${GOVERNMENT_SHARE} = 0 AS gov,
               1 + floor(random() * ${locations.length})::int AS loc,
               now() - random() * interval '1095 days' AS created,
               (${lit(`{${ownerIds.join(',')}}`)}::uuid[])[1 + floor(random() * ${OWNERS})::int] AS owner,
               floor(random() * 3)::int AS tag_n,
               1 + floor(random() * ${tagValues.length})::int AS tag_i
        FROM generate_series(${start}, ${end}) AS g
      ) a
    ) s`);
  const done = end;
  const rate = Math.round((end - start + 1) / ((Date.now() - t) / 1000));
  log(
    `  customers ${done.toLocaleString('en')} / ${CUSTOMERS.toLocaleString('en')} (${Math.round((100 * done) / CUSTOMERS)}%, ${rate.toLocaleString('en')} rows/s)`,
  );
}

// Numbered ids: random customers for parents and contacts by a join on a random number.
await timed(
  'numbered the customer ids',
  `CREATE TEMP TABLE bench_ids AS SELECT row_number() OVER () ::int AS n, id FROM customer`,
);
await db.query(`ALTER TABLE bench_ids ADD PRIMARY KEY (n)`);
await db.query(`ANALYZE bench_ids`);
const customerCount = (await db.query(`select count(*)::int as n from bench_ids`)).rows[0].n;
await timed(
  `set a parent organization on ~${PARENT_SHARE * 100}% of customers`,
  `UPDATE customer c SET parent = b.id
     FROM (SELECT id AS child, 1 + floor(random() * ${customerCount})::int AS n FROM customer WHERE random() < ${PARENT_SHARE}) s
     JOIN bench_ids b ON b.n = s.n
    WHERE c.id = s.child AND b.id <> s.child`,
);

// ---------------------------------------------------------------------------------------------- contacts

const contactExpr = {
  owner_id: `owner`,
  created_at: `created`,
  updated_at: `created + random() * (now() - created)`,
  created_by: `owner`,
  updated_by: `owner`,
  version: `1`,
  name: `${pick(SURNAMES)} || ${pick(GIVEN_NAMES)}`,
  customer: `customer_id`,
  gender: pick(weighted(enumOf(contactDef, 'gender'), WEIGHTS.gender)),
  department: pick(DEPARTMENTS),
  jobTitle: pick(JOB_TITLES),
  isDecisionMaker: `random() < 0.2`,
  mobile: `'1' || (30 + g % 60) || lpad(((g::bigint * 2654435761) % 100000000)::text, 8, '0')`,
  email: `'contact' || g || '@c' || (g % 9973) || '.example.cn'`,
  wechat: `CASE WHEN random() < 0.7 THEN 'wx_' || g ELSE NULL END`,
  qq: `CASE WHEN random() < 0.4 THEN (10000 + (g::bigint * 37) % 899999999)::text ELSE NULL END`,
  birthday: `CASE WHEN random() < 0.5 THEN date '1960-01-01' + floor(random() * 15000)::int ELSE NULL END`,
  hometown: `CASE WHEN random() < 0.3 THEN ${pick(LOCATIONS.map((l) => l[1]))} ELSE NULL END`,
  education: `CASE WHEN random() < 0.6 THEN ${pick(weighted(enumOf(contactDef, 'education'), WEIGHTS.education))} ELSE NULL END`,
};
const contactInsert = insertColumns('contact', await columns('contact'), contactExpr);
log(`inserting ${CONTACTS.toLocaleString('en')} contacts linked to random customers`);
for (let start = 1; start <= CONTACTS; start += BATCH) {
  const end = Math.min(CONTACTS, start + BATCH - 1);
  await db.query(`
    INSERT INTO contact (${contactInsert.list})
    SELECT ${contactInsert.exprs}
    FROM (
      SELECT a.g, b.id AS customer_id, a.created, a.owner
      FROM (
        SELECT g, 1 + floor(random() * ${customerCount})::int AS n,
               now() - random() * interval '1095 days' AS created,
               (${lit(`{${ownerIds.join(',')}}`)}::uuid[])[1 + floor(random() * ${OWNERS})::int] AS owner
        FROM generate_series(${start}, ${end}) AS g
      ) a JOIN bench_ids b ON b.n = a.n
    ) s`);
  log(
    `  contacts ${end.toLocaleString('en')} / ${CONTACTS.toLocaleString('en')} (${Math.round((100 * end) / CONTACTS)}%)`,
  );
}

// ---------------------------------------------------------------------------------------------- indexes, stats

await db.query(`SET session_replication_role = origin`);
for (const { table } of searched) await db.query(`ALTER TABLE ${table} ALTER COLUMN search_doc DROP EXPRESSION`);
for (const index of indexes) await timed(`rebuilt ${index.indexname}`, index.indexdef);
if (!opts['template-indexes-only']) {
  const columnsOf = (def) => /\((.*)\)\s*$/.exec(def)?.[1].replaceAll('"', '').split(/,\s*/).join(',');
  if (
    indexes.some(
      (i) =>
        i.indexdef.includes(' ON public.customer ') &&
        columnsOf(i.indexdef)?.startsWith('industry,region,annualRevenue'),
    )
  ) {
    log('the definitions already declare an index on customer (industry, region, annualRevenue)');
  } else {
    await timed(
      'added the list-sort index customer (industry, region, "annualRevenue") (see the top of this file; --template-indexes-only leaves it out)',
      `CREATE INDEX "customer_industry_region_annualRevenue_idx" ON customer (industry, region, "annualRevenue")`,
    );
  }
}
await timed('VACUUM (FREEZE, ANALYZE) customer, contact', `VACUUM (FREEZE, ANALYZE) customer, contact`);
await timed('CHECKPOINT', `CHECKPOINT`);

const counts = (
  await db.query(`select (select count(*) from customer)::int as customers, (select count(*) from contact)::int as contacts,
                         pg_size_pretty(pg_total_relation_size('customer')) as customer_size,
                         pg_size_pretty(pg_total_relation_size('contact')) as contact_size`)
).rows[0];
await db.end();
log(
  `seeded ${counts.customers.toLocaleString('en')} customers (${counts.customer_size} with indexes) and ` +
    `${counts.contacts.toLocaleString('en')} contacts (${counts.contact_size}) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
