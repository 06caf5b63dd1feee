import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * The import's set-based write (rows COPY'd into a staging table on PostgreSQL, unnest() on PGlite, then one
 * INSERT … SELECT with its audit, history and undo rows) writes what the ordinary create writes: the same
 * columns, audit changes, workflow start and an undo row per record; values COPY must escape survive.
 */

const code = (i: number) => `91330100MA3B${String(i).padStart(6, '0')}`;
/** Text COPY's text format must escape: a tab, a backslash, a newline, quotes. */
const AWKWARD = 'A\tB\\C\nD "E" \\N';

describe.each(['postgres', 'pglite'] as const)('import: set-based writes on %s', (kind) => {
  let server: TestServer;
  const knex = () => server.testDb.db.knex;

  async function importCsv(csv: string, query: string): Promise<Record<string, any>> {
    const started = await fetch(`${server.engine.url}/api/v1/imports?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'text/csv' },
      body: new Uint8Array(Buffer.from(csv, 'utf8')),
    });
    const body = (await started.json()) as Record<string, any>;
    expect(started.status, JSON.stringify(body)).toBe(202);
    for (let i = 0; i < 600; i++) {
      const job = (await server.request('GET', `/api/v1/imports/${body.id}`)).body;
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the import did not finish');
  }

  beforeAll(async () => {
    server = await startTestServer({ kind });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('writes the records, audit, history and undo rows an ordinary create writes, and undo takes them back', async () => {
    const parent = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: '集合上级集团',
      industry: 'finance',
      unifiedSocialCreditCode: code(1),
    });
    expect(parent.status, JSON.stringify(parent.body)).toBe(201);
    const body = {
      industry: 'manufacturing',
      level: 'key',
      annualRevenue: 1200000.5,
      tags: ['newCustomer', 'stateOwned'],
      description: AWKWARD,
      parent: parent.body.id,
    };
    const reference = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: '参照客户',
      unifiedSocialCreditCode: code(2),
      ...body,
    });
    expect(reference.status, JSON.stringify(reference.body)).toBe(201);

    const quoted = `"${AWKWARD.replace(/"/g, '""')}"`;
    const csv = [
      '客户名称,统一社会信用代码,所属行业,客户等级,年营业额,标签,客户简介,上级单位',
      `导入客户一,${code(3)},制造业,重点客户,"￥1,200,000.50",新客户、国有企业,${quoted},${code(1)}`,
      // Blank cells: a second set of columns in the same batch, loaded on its own and defaulted by the stage.
      `导入客户二,${code(4)},零售业,,,,,`,
      `导入客户三,${code(5)},制造业,重点客户,1200000.5,"新客户,国有企业",${quoted},集合上级集团`,
    ].join('\n');
    const job = await importCsv(csv, 'entity=customer&recordType=company');
    expect(job, JSON.stringify(job.issues ?? job.error)).toMatchObject({ status: 'succeeded', created: 3, failed: 0 });

    const records = await knex()('customer').whereIn('name', ['参照客户', '导入客户一', '导入客户二', '导入客户三']);
    const byName = new Map(records.map((r: Record<string, any>) => [r.name as string, r]));
    const own = ['id', 'name', 'unifiedSocialCreditCode', 'created_at', 'updated_at', 'state_entered_at', 'search_doc'];
    const comparable = (record: Record<string, any>) =>
      Object.fromEntries(Object.entries(record).filter(([key]) => !own.includes(key)));
    const ref = byName.get('参照客户')!;
    for (const name of ['导入客户一', '导入客户三']) expect(comparable(byName.get(name)!)).toEqual(comparable(ref));
    expect(byName.get('导入客户一')!.description).toBe(AWKWARD);
    const second = byName.get('导入客户二')!;
    expect(second).toMatchObject({
      industry: 'retail',
      level: null,
      tags: null,
      description: null,
      version: 1,
      state: ref.state,
    });
    expect(second.id).toMatch(/^[0-9a-f-]{36}$/);

    // Audit: the same changes (less the row's own name and code), marked with the import.
    const audits = await knex()('lodestar_audit').whereIn(
      'record_id',
      records.map((r: Record<string, any>) => String(r.id)),
    );
    const auditOf = (name: string) => audits.find((a: Record<string, any>) => a.record_id === byName.get(name)!.id)!;
    const changes = (name: string) => {
      const { name: _n, unifiedSocialCreditCode: _c, ...rest } = auditOf(name).changes as Record<string, unknown>;
      return rest;
    };
    expect(changes('导入客户一')).toEqual(changes('参照客户'));
    expect(auditOf('导入客户一')).toMatchObject({
      action: 'create',
      actor_id: auditOf('参照客户').actor_id,
      detail: { import: job.id },
      request_id: `import:${job.id}`,
    });

    // The workflow start: one history row each, as the ordinary create writes it.
    const history = await knex()('lodestar_history')
      .whereIn(
        'record_id',
        records.map((r: Record<string, any>) => r.id),
      )
      .select('record_id', 'workflow', 'from_state', 'to_state', 'event', 'actor_id', 'owner_id', 'record_type');
    expect(history).toHaveLength(4);
    const start = (name: string) => {
      const { record_id: _r, ...rest } = history.find(
        (h: Record<string, any>) => h.record_id === byName.get(name)!.id,
      )!;
      return rest;
    };
    for (const name of ['导入客户一', '导入客户二', '导入客户三']) expect(start(name)).toEqual(start('参照客户'));

    // Undo rows: every record the import created, at the version it left.
    const undo = await knex()('lodestar_import_records').where({ import_id: job.id });
    expect(undo.map((u: Record<string, any>) => [u.record_id, u.action, u.version]).sort()).toEqual(
      ['导入客户一', '导入客户二', '导入客户三'].map((name) => [byName.get(name)!.id, 'create', 1]).sort(),
    );

    const undone = await server.request('POST', `/api/v1/imports/${job.id}/undo`);
    expect(undone.body).toEqual({ deleted: 3, restored: 0 });
    expect(await knex()('customer').whereIn('name', ['导入客户一', '导入客户二', '导入客户三'])).toEqual([]);
    expect(await knex()('customer').where({ name: '参照客户' })).toHaveLength(1);
  }, 120_000);

  it('a record of an all-or-nothing import is never half-written: a bad row rolls back the staged ones', async () => {
    const before = await knex()('lodestar_audit').count({ n: '*' });
    const lines = ['客户名称,统一社会信用代码,所属行业'];
    for (let i = 0; i < 2500; i++) lines.push(`批量客户${i},${code(100 + i)},制造业`);
    lines.push(`坏行,${code(9000)},农业`);
    const job = await importCsv(lines.join('\n'), 'entity=customer&recordType=company');
    expect(job).toMatchObject({ status: 'failed', failed: 1 });
    expect(await knex()('customer').where('name', 'like', '批量客户%')).toEqual([]);
    expect(await knex()('lodestar_audit').count({ n: '*' })).toEqual(before);
    expect(await knex()('lodestar_import_records').where({ import_id: job.id })).toEqual([]);
  }, 120_000);

  it.runIf(kind === 'postgres')(
    'a key another writer commits after the lookups refuses that row only (skip mode), not the import',
    async () => {
      const taken = code(7000);
      const trx = await knex().transaction();
      try {
        await trx('customer').insert({
          name: '抢先客户',
          record_type: 'company',
          industry: 'retail',
          unifiedSocialCreditCode: taken,
        });
        const csv = [
          '客户名称,统一社会信用代码,所属行业',
          `并发客户甲,${code(7001)},零售业`,
          `并发客户乙,${taken},零售业`,
        ].join('\n');
        const running = importCsv(csv, 'entity=customer&recordType=company&skipBad=true');
        // The import's insert waits on the uncommitted key, past its lookups; then the other writer commits.
        for (let i = 0; i < 200; i++) {
          const waiting = await knex().raw(
            `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          );
          if (waiting.rows[0].n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await trx.commit();
        const job = await running;
        expect(job, JSON.stringify(job.issues)).toMatchObject({ status: 'succeeded', created: 1, failed: 1 });
        expect(job.issues).toEqual([expect.objectContaining({ row: 3, column: '统一社会信用代码' })]);
        expect(await knex()('customer').where({ name: '并发客户甲' })).toHaveLength(1);
      } finally {
        if (!trx.isCompleted()) await trx.rollback();
      }
    },
    60_000,
  );
});
