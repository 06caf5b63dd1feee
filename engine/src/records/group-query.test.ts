import { join } from 'node:path';
import knexFactory from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/paths.js';
import { readFolder } from '../definitions/read-folder.js';
import { LodestarError } from '../errors.js';
import { compileModel, type Model } from '../model/compile-model.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { groupableNames, summableNames, toGroupQuery, toGroupRows } from './group-query.js';
import { toGroupSql } from './to-sql.js';

let model: Model;
const knex = knexFactory({ client: 'pg' });

beforeAll(async () => {
  model = compileModel((await readFolder(join(FIXTURES, 'records'))).set, 1, 'fixture');
});

const parse = (query: Record<string, unknown>, entity = 'deal') =>
  toGroupQuery(query, { entity: model.entities.get(entity)!, entities: model.entities });

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LodestarError);
    expect((error as LodestarError).status).toBe(400);
    return (error as LodestarError).issues?.map(({ pointer, keyword }) => ({ pointer, keyword }));
  }
  throw new Error('expected a BadRequestError');
}

describe('toGroupQuery', () => {
  it('takes by, sum and the list filters and search', () => {
    const query = parse({ by: 'stage', sum: 'amount', 'filter[quantity][gt]': '2', q: 'big' });
    expect(query.by.name).toBe('stage');
    expect(query.sum?.name).toBe('amount');
    expect(query.list.filters.map((f) => [f.attribute.name, f.op, f.value])).toEqual([['quantity', 'gt', 2]]);
    expect(query.list.q).toBe('big');
  });

  it.each(['stage', 'title', 'closed', 'quantity', 'closeDate', 'customer', 'state', 'owner_id'])(
    'groups by %s',
    (by) => {
      expect(parse({ by }).by.name).toBe(by);
    },
  );

  it.each([
    [{}, '/query/by', 'required'],
    [{ by: 'nope' }, '/query/by', 'unknownField'],
    [{ by: 'closedAt' }, '/query/by', 'ungroupable'],
    [{ by: 'amount' }, '/query/by', 'ungroupable'],
    [{ by: 'contacts' }, '/query/by', 'ungroupable'],
    [{ by: 'labels' }, '/query/by', 'ungroupable'],
    [{ by: 'id' }, '/query/by', 'ungroupable'],
    [{ by: 'created_at' }, '/query/by', 'ungroupable'],
    [{ by: ['stage', 'title'] }, '/query/by', 'type'],
    [{ by: 'stage', sum: 'title' }, '/query/sum', 'unsummable'],
    [{ by: 'stage', sum: 'version' }, '/query/sum', 'unsummable'],
    [{ by: 'stage', sum: 'nope' }, '/query/sum', 'unknownField'],
    [{ by: 'stage', limit: '5' }, '/query/limit', 'unknownParameter'],
    [{ by: 'stage', 'filter[nope]': '1' }, '/query/filter[nope]', 'unknownField'],
  ])('refuses %j at %s (%s)', (query, pointer, keyword) => {
    expect(issuesOf(() => parse(query))).toContainEqual({ pointer, keyword });
  });

  it('reports every problem at once', () => {
    expect(issuesOf(() => parse({ by: 'nope', sum: 'title', sort: 'x' }))).toHaveLength(3);
  });

  it('lists what can be grouped and summed', () => {
    const deal = model.entities.get('deal')!;
    expect(groupableNames(deal)).toEqual(
      expect.arrayContaining(['state', 'owner_id', 'stage', 'customer', 'closeDate']),
    );
    expect(groupableNames(deal)).not.toContain('closedAt');
    expect(summableNames(deal)).toEqual(['quantity', 'probability', 'amount']);
  });
});

describe('toGroupSql', () => {
  it('is one statement: the list scope, filters and search, grouped, by count then key', () => {
    const deal = model.entities.get('deal')!;
    const access = { condition: () => ({ sql: 't.owner_id = ?', bindings: ['me'] }) } as unknown as ModelAccess;
    const { sql, bindings } = toGroupSql(
      knex,
      deal,
      parse({ by: 'stage', sum: 'amount', 'filter[quantity][gt]': '2', q: 'big' }),
      access,
    )
      .toSQL()
      .toNative();
    // The search is the list's: the entity's search column against a tsquery of the words typed.
    expect(sql).toMatch(
      /^select t\."stage" as "key", count\(\*\)::int as "count", coalesce\(sum\(t\."amount"\), 0\) as "sum" from "deal" as "t" where t\.owner_id = \$1 and "t"\."quantity" > \$2 and t\.search_doc @@ \$3::tsquery group by t\."stage" order by "count" desc, t\."stage" asc nulls last limit \$\d+$/,
    );
    expect(bindings.slice(0, 2)).toEqual(['me', 2]);
    expect(String(bindings[2])).toContain('big');
  });

  it('selects a null sum when none is asked', () => {
    const { sql } = toGroupSql(knex, model.entities.get('deal')!, parse({ by: 'closed' })).toSQL();
    expect(sql).toContain('null as "sum"');
    expect(sql).not.toContain('where');
  });
});

describe('toGroupRows', () => {
  it('answers numbers, and null sums when not asked', () => {
    expect(
      toGroupRows(
        [
          { key: 'a', count: '2', sum: '10.5' },
          { key: null, count: 1, sum: null },
        ],
        true,
      ),
    ).toEqual([
      { key: 'a', count: 2, sum: 10.5 },
      { key: null, count: 1, sum: null },
    ]);
    expect(toGroupRows([{ key: true, count: 3, sum: null }], false)).toEqual([{ key: true, count: 3, sum: null }]);
  });
});
