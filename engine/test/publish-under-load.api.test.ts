import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { withWorkLog } from '../src/db/committed-writes.js';
import { runPrepared } from '../src/db/prepared.js';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition } from '../src/definitions/entity.js';
import { ModelCache } from '../src/model/model-cache.js';
import { spawnEngine, waitForHealth, type EngineProcess } from './support/engine-process.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// A publish must be invisible to requests. Engine A (in this process) publishes add, rename, retype
// and drop while writers and readers run against A and against engine B, a separate `lodestar start`
// process whose cached model lags the database by up to a second (the real failure: B runs SQL
// naming a column the publish just renamed or dropped). No request may answer 5xx, and every write
// that was acknowledged must be there afterwards.

/** A small entity with the fields the publishes rename, drop and retype (`numberField` is retyped). */
const entityOf = (id: string, title: string, numberField: string) => ({
  $id: id,
  title,
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string', maxLength: 100 },
    shortName: { type: 'string', maxLength: 50 },
    note: { type: 'string', maxLength: 200 },
    [numberField]: { type: 'integer' },
  },
  required: ['name'],
});
const ACCOUNT = entityOf('account', 'Account', 'score');
// For the deterministic cases: an engine whose cached model stays old while engine A publishes.
const CONTACT = entityOf('contact', 'Contact', 'rank');
// Writers pause accounts; a timer resumes them a second later, so the timer worker fires through the publishes.
const FLOW = {
  id: 'account-flow',
  initial: 'open',
  meta: { entity: 'account' },
  states: {
    open: { on: { PAUSE: 'paused' } },
    paused: { after: { PT1S: 'open' }, on: { RESUME: 'open' } },
  },
};

const folder = mkdtempSync(join(tmpdir(), 'lodestar-publish-load-'));
mkdirSync(join(folder, 'schemas'));
mkdirSync(join(folder, 'workflows'));
writeFileSync(join(folder, 'schemas/account.schema.json'), JSON.stringify(ACCOUNT));
writeFileSync(join(folder, 'schemas/contact.schema.json'), JSON.stringify(CONTACT));
writeFileSync(join(folder, 'workflows/account-flow.workflow.json'), JSON.stringify(FLOW));

let server: TestServer;
let other: EngineProcess;

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: folder });
  // The second engine finds version 1 published and its users in the database; it seeds nothing.
  other = spawnEngine({
    DATABASE_URL: server.testDb.url!,
    LODESTAR_DEFINITIONS: folder,
    LODESTAR_TIMER_POLL_MS: '100',
    LOG_LEVEL: 'error',
  });
  await waitForHealth(other.url);
});
afterAll(async () => {
  other?.child.kill('SIGKILL');
  await other?.exited;
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

interface Outcome {
  status: number;
  body: string;
  what: string;
}

/** Every request the load makes, with what it asked (for the failure message). */
const outcomes: Outcome[] = [];

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.adminToken}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  outcomes.push({
    status: response.status,
    body: text.slice(0, 300),
    what: `${method} ${path} on ${base === other.url ? 'B' : 'A'}`,
  });
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

/** What the database must hold afterwards: each acknowledged create with its last acknowledged score. */
const acknowledged = new Map<string, { name: string; score: number }>();

async function writer(base: string, n: number, running: () => boolean): Promise<void> {
  for (let i = 0; running(); i++) {
    const name = `w${n}-${i}`;
    // Old names on purpose: after the rename and the drop these are unknown fields (422), never 500.
    const extra = i % 3 === 0 ? { shortName: 'old' } : i % 3 === 1 ? { note: 'to be dropped' } : { nickname: 'new' };
    const created = await call(base, 'POST', '/records/account', { name, score: i, ...extra });
    if (created.status !== 201) continue;
    const id = created.json.id as string;
    acknowledged.set(id, { name, score: i });
    const patched = await call(
      base,
      'PATCH',
      `/records/account/${id}`,
      { score: i + 1000 },
      { 'if-match': `"${created.json.version}"` },
    );
    if (patched.status === 200) acknowledged.set(id, { name, score: i + 1000 });
    if (i % 2 === 0) await call(base, 'POST', `/records/account/${id}/events`, { type: 'PAUSE' });
  }
}

async function reader(base: string, running: () => boolean): Promise<void> {
  for (let i = 0; running(); i++) {
    const ids = [...acknowledged.keys()];
    if (i % 3 === 0) await call(base, 'GET', '/records/account?limit=20');
    if (i % 3 === 1) await call(base, 'GET', '/records/account?limit=20&sort=shortName');
    if (i % 3 === 2 && ids.length) await call(base, 'GET', `/records/account/${ids[i % ids.length]}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Editable = EntityDefinition & { properties: Record<string, any> };

function editEntity(set: DefinitionSet, id: string, edit: (entity: Editable) => void): DefinitionSet {
  const copy = structuredClone(set);
  edit(copy.entities.find((e) => e.$id === id) as Editable);
  return copy;
}

/** Publishes an edit of one entity through engine A (destructive steps confirmed); answers the new version. */
async function publishEdit(id: string, edit: (entity: Editable) => void): Promise<number> {
  const set = (await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet;
  expect(
    (await server.request('PUT', '/api/v1/meta/drafts/load', { definitions: editEntity(set, id, edit) })).status,
  ).toBe(200);
  const result = await server.request('POST', '/api/v1/meta/drafts/load/publish', { confirmDestructive: true });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.version;
}

describe('a request pinned to a model older than the database', () => {
  let stale: Server;
  let staleUrl: string;
  beforeAll(async () => {
    // Its own model cache that will not look for a newer version for an hour: every request pins version 1.
    const models = await ModelCache.open(server.testDb.db.knex, 3_600_000);
    stale = createApp({ ...server.engine.ctx, models }).listen(0);
    await new Promise((resolve) => stale.once('listening', resolve));
    staleUrl = `http://localhost:${(stale.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    stale?.closeAllConnections();
    await new Promise((resolve) => stale?.close(resolve));
  });

  it('answers as the newer version would after a rename, a drop and a retype, never 500', async () => {
    const before = await call(staleUrl, 'POST', '/records/contact', {
      name: 'Wang Fang',
      shortName: 'Fang',
      note: 'met at the fair',
      rank: 1,
    });
    expect(before.status).toBe(201);
    // Engine A prepares its patch of `rank` on its connections while the column is an integer.
    for (let i = 0; i < 8; i++)
      expect(
        (
          await call(
            server.url,
            'PATCH',
            `/records/contact/${before.json.id}`,
            { rank: i },
            { 'if-match': `"${i + 1}"` },
          )
        ).status,
      ).toBe(200);
    await publishEdit('contact', (c) => (c.properties.rank = { type: 'number' }));
    // Same statement text, new column type: a statement prepared for the integer must not be reused.
    for (let i = 0; i < 8; i++) {
      const patched = await call(
        server.url,
        'PATCH',
        `/records/contact/${before.json.id}`,
        { rank: i + 0.5 },
        { 'if-match': `"${i + 9}"` },
      );
      expect(patched.status, JSON.stringify(patched.json)).toBe(200);
      expect(patched.json.rank).toBe(i + 0.5);
    }
    await publishEdit('contact', (c) => {
      const { shortName, note: _dropped, ...rest } = c.properties;
      c.properties = { ...rest, nickname: { ...shortName, 'x-renamedFrom': 'shortName' } };
    });

    // The stale engine still believes in shortName and note; its SQL names them and fails, so each request runs again on the newest model.
    const renamed = await call(staleUrl, 'POST', '/records/contact', { name: 'Li Lei', shortName: 'Lei' });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(422);
    expect(renamed.json.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/shortName']);
    expect(
      (await call(staleUrl, 'PATCH', `/records/contact/${before.json.id}`, { note: 'gone' }, { 'if-match': '"17"' }))
        .status,
    ).toBe(422);
    expect((await call(staleUrl, 'GET', '/records/contact?sort=shortName')).status).toBe(400);
    const list = await call(staleUrl, 'GET', '/records/contact');
    expect(list.status).toBe(200);
    expect(list.json.data[0]).toMatchObject({ name: 'Wang Fang', nickname: 'Fang', rank: 7.5 });
    expect(list.json.data[0]).not.toHaveProperty('note');
    const read = await call(staleUrl, 'GET', `/records/contact/${before.json.id}`);
    expect(read.json).toMatchObject({ nickname: 'Fang' });
    const written = await call(
      staleUrl,
      'PATCH',
      `/records/contact/${before.json.id}`,
      { nickname: 'Fangfang' },
      { 'if-match': '"17"' },
    );
    expect(written.status, JSON.stringify(written.json)).toBe(200);
    const created = await call(staleUrl, 'POST', '/records/contact', { name: 'Han Mei', nickname: 'Mei' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    // Each write happened once: a request runs again only when nothing of it was committed.
    expect(
      await server.testDb.db.knex('contact').where({ name: 'Han Mei' }).count<{ count: number }[]>('* as count'),
    ).toEqual([{ count: 1 }]);
    expect(await server.testDb.db.knex('contact').where({ id: before.json.id }).first('version', 'nickname')).toEqual({
      version: 18,
      nickname: 'Fangfang',
    });
  });

  it('knows which statements committed: a write outside a transaction or a COMMIT, not a read or a rollback', async () => {
    const knex = server.testDb.db.knex;
    const committedBy = async (work: () => Promise<unknown>) => {
      const log = { committed: false };
      // A knex builder runs when awaited: await it inside the unit, as a route does.
      await withWorkLog(log, async () => void (await work())).catch(() => undefined);
      return log.committed;
    };
    expect(await committedBy(() => knex('contact').select('id').limit(1))).toBe(false);
    expect(await committedBy(() => runPrepared(knex, 'select "name" from "contact" limit 1', []))).toBe(false);
    expect(
      await committedBy(() =>
        knex.transaction(async (trx) => {
          await trx('contact').insert({ name: 'rolled back' });
          throw new Error('roll back');
        }),
      ),
    ).toBe(false);
    expect(
      await committedBy(() => knex.transaction((trx) => trx('contact').insert({ name: 'in a transaction' }))),
    ).toBe(true);
    expect(await committedBy(() => knex('contact').insert({ name: 'alone' }))).toBe(true);
    expect(
      await committedBy(() =>
        runPrepared(knex, 'insert into "contact" ("name") values (?) returning "id"', ['prepared']),
      ),
    ).toBe(true);
  });
});

const PUBLISHES: [string, (account: Editable) => void][] = [
  ['add', (a) => (a.properties.region = { type: 'string', maxLength: 50 })],
  [
    'rename',
    (a) => {
      const { shortName, ...rest } = a.properties;
      a.properties = { ...rest, nickname: { ...shortName, 'x-renamedFrom': 'shortName' } };
    },
  ],
  ['retype', (a) => (a.properties.score = { type: 'number' })],
  ['drop', (a) => delete a.properties.note],
];

describe('publishing while requests run', () => {
  it('answers no 5xx through add, rename, retype and drop on two engines, and loses no acknowledged write', async () => {
    outcomes.length = 0;
    let running = true;
    const live = () => running;
    const load = [
      ...[0, 1].map((n) => writer(server.url, n, live)),
      ...[2, 3].map((n) => writer(other.url, n, live)),
      reader(server.url, live),
      reader(other.url, live),
      reader(other.url, live),
    ];
    await sleep(500);
    const published: number[] = [];
    for (const [, edit] of PUBLISHES) {
      published.push(await publishEdit('account', edit));
      // Longer than engine B's once-a-second look for a newer version: its stale window is inside the load.
      await sleep(1300);
    }
    running = false;
    await Promise.all(load);
    expect(published).toHaveLength(PUBLISHES.length);

    const failures = outcomes.filter((o) => o.status >= 500);
    expect(failures.slice(0, 5), `${failures.length} of ${outcomes.length} requests failed`).toEqual([]);
    // The load was real: writes and reads on both engines, and the old field names were refused, not lost.
    expect(
      outcomes.filter((o) => o.what.startsWith('POST /records/account ') && o.status === 201).length,
    ).toBeGreaterThan(20);
    expect(outcomes.some((o) => o.what.endsWith('on B') && o.what.startsWith('GET'))).toBe(true);
    expect(outcomes.some((o) => o.status === 422 && o.body.includes('shortName'))).toBe(true);
    expect(outcomes.some((o) => o.what.includes('sort=shortName') && o.status === 400)).toBe(true);

    // Every acknowledged write is there, under the new model, with its last acknowledged value.
    const knex = server.testDb.db.knex;
    const rows = await knex('account')
      .whereIn('id', [...acknowledged.keys()])
      .select('id', 'name', 'score');
    expect(rows.length).toBe(acknowledged.size);
    for (const row of rows) expect({ name: row.name, score: Number(row.score) }).toEqual(acknowledged.get(row.id));
    const columns = await knex('information_schema.columns').where({ table_name: 'account' }).pluck('column_name');
    expect(columns).toEqual(expect.arrayContaining(['nickname', 'region']));
    expect(columns).not.toContain('note');
    expect(columns).not.toContain('shortName');

    // Both engines' timer workers survived the publishes: every pause was resumed, no timer failed.
    const deadline = Date.now() + 10_000;
    const pending = async () =>
      Number(
        (await knex('lodestar_timers').where({ status: 'pending' }).count<{ count: string }[]>('* as count'))[0]!.count,
      );
    while ((await pending()) > 0 && Date.now() < deadline) await sleep(200);
    const timers = await knex('lodestar_timers').select('status', 'attempts', 'last_error');
    expect(timers.length).toBeGreaterThan(10);
    expect(timers.filter((t) => (t.status !== 'fired' && t.status !== 'cancelled') || t.attempts > 0)).toEqual([]);
  });
});
