import { describe, expect, it } from 'vitest';
import { auditInsertFromCte, changesSql, jsonParam } from './audit-sql.js';

const ACTOR = '0a000000-0000-4000-8000-00000000000a';

describe('auditInsertFromCte', () => {
  it('selects one audit row per CTE row, bindings in text order', () => {
    const { sql, bindings } = auditInsertFromCte({
      cte: 'moved',
      actorId: ACTOR,
      entity: 'deal',
      action: 'transition',
      requestId: 'req-1',
      recordIdSql: 'moved.id',
      changesSql: changesSql({ state: [{ sql: '?::text', bindings: ['lead'] }, 'moved.state'] }),
      detailSql: jsonParam({ event: 'WIN', from: 'lead', to: 'won' }),
    });
    expect(sql).toBe(
      'insert into lodestar_audit (actor_id, entity, record_id, action, changes, detail, request_id) ' +
        'select ?::uuid, ?::text, (moved.id)::text, ?::text, (jsonb_build_object(?::text, jsonb_build_array(?::text, moved.state)))::jsonb, (?::jsonb)::jsonb, ?::text from moved',
    );
    expect(bindings).toEqual([
      ACTOR,
      'deal',
      'transition',
      'state',
      'lead',
      '{"event":"WIN","from":"lead","to":"won"}',
      'req-1',
    ]);
    expect(sql.split('?').length - 1).toBe(bindings.length);
  });

  it('defaults to empty changes, no detail, no request, and the engine as actor', () => {
    const { sql, bindings } = auditInsertFromCte({
      cte: 'gone',
      actorId: 'system',
      entity: 'deal',
      action: 'delete',
      recordIdSql: 'gone.id::text',
    });
    expect(sql).toContain(`('{}'::jsonb)::jsonb, (null::jsonb)::jsonb`);
    expect(bindings).toEqual([null, 'deal', 'delete', null]);
  });

  it('refuses a CTE name that is not a plain identifier', () => {
    expect(() =>
      auditInsertFromCte({
        cte: 'x; drop table y',
        actorId: null,
        entity: 'deal',
        action: 'update',
        recordIdSql: 'x.id',
      }),
    ).toThrow(/unsafe/);
  });
});
