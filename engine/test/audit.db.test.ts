import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAudit, readAudit } from '../src/audit/audit-repo.js';
import { auditInsertFromCte, changesSql, jsonParam } from '../src/audit/audit-sql.js';
import { migrateEngineTables } from '../src/db/engine-tables.js';
import { createTestDb, type DbKind, type TestDb } from './support/test-db.js';

const ACTOR = '0a000000-0000-4000-8000-00000000000a';

describe.each<DbKind>(['postgres', 'pglite'])('the audit trail on %s', (kind) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb(kind);
    await migrateEngineTables(testDb.db.knex);
  });
  afterAll(() => testDb?.drop());

  it('appends rows and reads them back newest first, a page at a time', async () => {
    const knex = testDb.db.knex;
    const entries = Array.from({ length: 1203 }, (_, i) => ({
      actorId: ACTOR,
      entity: 'deal',
      recordId: 'r1',
      action: 'update' as const,
      changes: {
        amount: [i, i + 1] as [number, number],
        due: [null, new Date('2026-03-02T01:30:00Z')] as [null, Date],
      },
      requestId: `req-${i}`,
    }));
    await insertAudit(knex, entries);
    await insertAudit(knex, [
      {
        actorId: 'system',
        entity: 'deal',
        recordId: 'r2',
        action: 'transition',
        changes: {},
        detail: { event: 'WIN', from: 'lead', to: 'won' },
      },
    ]);

    const first = await readAudit(knex, { entity: 'deal', recordId: 'r1', limit: 2 });
    expect(first.data).toEqual([
      {
        id: expect.stringMatching(/^\d+$/),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        actorId: ACTOR,
        entity: 'deal',
        recordId: 'r1',
        action: 'update',
        changes: { amount: [1202, 1203], due: [null, '2026-03-02T01:30:00.000Z'] },
        detail: null,
        requestId: 'req-1202',
      },
      expect.objectContaining({ requestId: 'req-1201' }),
    ]);
    expect(first.nextCursor).toBe(first.data[1]!.id);
    const second = await readAudit(knex, { entity: 'deal', recordId: 'r1', limit: 2, beforeId: first.nextCursor! });
    expect(second.data.map((row) => row.requestId)).toEqual(['req-1200', 'req-1199']);
    const other = await readAudit(knex, { entity: 'deal', recordId: 'r2' });
    expect(other.data).toEqual([
      expect.objectContaining({
        actorId: null,
        action: 'transition',
        changes: {},
        detail: { event: 'WIN', from: 'lead', to: 'won' },
      }),
    ]);
    expect(other.nextCursor).toBeNull();
    await expect(readAudit(knex, { entity: 'deal', recordId: 'r1', beforeId: '1; drop' })).rejects.toMatchObject({
      status: 400,
    });
  });

  it.each([
    ['UPDATE', `update lodestar_audit set action = 'delete'`],
    ['DELETE', 'delete from lodestar_audit'],
    ['TRUNCATE', 'truncate lodestar_audit'],
  ])('refuses %s: the trail is append-only', async (op, sql) => {
    const knex = testDb.db.knex;
    const before = await knex('lodestar_audit').count({ n: '*' });
    await expect(knex.raw(sql)).rejects.toThrow(`lodestar_audit is append-only: ${op} is not allowed`);
    expect(await knex('lodestar_audit').count({ n: '*' })).toEqual(before);
  });

  it('composes audit rows into one statement with the change they describe', async () => {
    const knex = testDb.db.knex;
    await knex.raw(
      'create table audited_thing (id uuid primary key default gen_random_uuid(), name text, owner_id uuid)',
    );
    await knex('audited_thing').insert([{ name: 'a' }, { name: 'b' }, { name: 'c', owner_id: ACTOR }]);
    const audit = auditInsertFromCte({
      cte: 'changed',
      actorId: ACTOR,
      entity: 'thing',
      action: 'update',
      requestId: 'req-cte',
      recordIdSql: 'changed.id',
      changesSql: changesSql({ owner_id: ['null::uuid', 'changed.owner_id'] }),
      detailSql: jsonParam({ reason: 'claimed' }),
    });
    await knex.raw(
      `with changed as (update audited_thing set owner_id = ?::uuid where owner_id is null returning id, owner_id) ${audit.sql}`,
      [ACTOR, ...audit.bindings],
    );
    const rows = await knex('lodestar_audit').where({ request_id: 'req-cte' }).orderBy('id');
    const ids = await knex('audited_thing').whereIn('name', ['a', 'b']).pluck('id');
    expect(rows.map((row) => row.record_id).sort()).toEqual([...ids].sort());
    expect(rows.map((row) => [row.entity, row.action, row.actor_id, row.changes, row.detail])).toEqual([
      ['thing', 'update', ACTOR, { owner_id: [null, ACTOR] }, { reason: 'claimed' }],
      ['thing', 'update', ACTOR, { owner_id: [null, ACTOR] }, { reason: 'claimed' }],
    ]);
  });
});
