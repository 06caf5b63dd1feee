import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFolder } from '../definitions/read-folder.js';
import { LodestarError } from '../errors.js';
import { compileModel, type Model } from '../model/compile-model.js';
import { FIXTURES } from '../../test/support/paths.js';
import { encodeCursor } from './keyset.js';
import { toListQuery } from './list-query.js';
import { toReadQuery } from './query-params.js';
import type { ListQuery } from './types.js';

const ID = '0b9a0c4e-6f5e-4c4f-9a57-3c8f1f0b2a11';
let model: Model;

beforeAll(async () => {
  model = compileModel((await readFolder(join(FIXTURES, 'records'))).set, 1, 'fixture');
});

const parse = (query: Record<string, unknown>, entity = 'deal'): ListQuery =>
  toListQuery(query, { entity: model.entities.get(entity)!, entities: model.entities });

/** Filters as plain data, for comparing. */
const filtersOf = (query: ListQuery) =>
  query.filters.map((f) => ({
    field: f.via ? `${f.via.name}.${f.attribute.name}` : f.attribute.name,
    op: f.op,
    value: f.value,
  }));

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

describe('toListQuery: filters', () => {
  it.each([
    ['filter[title]', 'Big', { field: 'title', op: 'eq', value: 'Big' }],
    ['filter[title][ne]', 'Big', { field: 'title', op: 'ne', value: 'Big' }],
    ['filter[quantity][gt]', '3', { field: 'quantity', op: 'gt', value: 3 }],
    ['filter[quantity][lte]', '-2', { field: 'quantity', op: 'lte', value: -2 }],
    ['filter[amount][gte]', '12.50', { field: 'amount', op: 'gte', value: 12.5 }],
    ['filter[probability][lt]', '.5', { field: 'probability', op: 'lt', value: 0.5 }],
    ['filter[closed]', 'false', { field: 'closed', op: 'eq', value: false }],
    ['filter[closeDate][lt]', '2024-02-29', { field: 'closeDate', op: 'lt', value: '2024-02-29' }],
    ['filter[closedAt][gte]', '2024-03-01T10:00:00Z', { field: 'closedAt', op: 'gte', value: '2024-03-01T10:00:00Z' }],
    ['filter[stage][in]', 'lead,proposal', { field: 'stage', op: 'in', value: ['lead', 'proposal'] }],
    ['filter[quantity][in]', ['1,2', '3'], { field: 'quantity', op: 'in', value: [1, 2, 3] }],
    ['filter[title][contains]', '50%_off', { field: 'title', op: 'contains', value: '50%_off' }],
    ['filter[labels][contains]', 'hot', { field: 'labels', op: 'contains', value: 'hot' }],
    ['filter[contacts][contains]', ID.toUpperCase(), { field: 'contacts', op: 'contains', value: ID }],
    ['filter[extra][null]', 'true', { field: 'extra', op: 'null', value: true }],
    ['filter[customer][null]', 'false', { field: 'customer', op: 'null', value: false }],
    ['filter[customer.region]', 'East', { field: 'customer.region', op: 'eq', value: 'East' }],
    ['filter[customer.annualRevenue][gt]', '1000', { field: 'customer.annualRevenue', op: 'gt', value: 1000 }],
    ['filter[version][gt]', '1', { field: 'version', op: 'gt', value: 1 }],
    ['filter[created_at][lt]', '2030-01-01', { field: 'created_at', op: 'lt', value: '2030-01-01' }],
    ['filter[state]', 'open', { field: 'state', op: 'eq', value: 'open' }],
  ])('%s=%j', (key, value, expected) => {
    expect(filtersOf(parse({ [key]: value }))).toEqual([expected]);
  });

  it.each([
    ['filter[nope]', 'x', 'unknownField'],
    ['filter[title][like]', 'x', 'unknownOperator'],
    ['filter[closed][gt]', 'true', 'unknownOperator'],
    ['filter[extra][eq]', '{}', 'unknownOperator'],
    ['filter[quantity][gt]', 'abc', 'type'],
    ['filter[quantity][eq]', '1.5', 'type'],
    ['filter[amount][gt]', '1e999', 'type'],
    ['filter[closed]', 'yes', 'type'],
    ['filter[closeDate]', '2023-02-29', 'type'],
    ['filter[closedAt][gt]', '2024-01-01T25:00', 'type'],
    ['filter[customer]', 'not-a-uuid', 'type'],
    ['filter[quantity][in]', '1,,2', 'type'],
    ['filter[title][null]', 'maybe', 'type'],
    ['filter[title]', ['a', 'b'], 'type'],
    ['filter[customer.nope]', 'x', 'unknownField'],
    ['filter[title.length]', '3', 'unknownField'],
    ['filter[customer.parent.name]', 'x', 'unknownField'],
    ['filter[contacts.name]', 'x', 'unknownField'],
    ['filter[title]]', 'x', 'filterSyntax'],
    ['filter[title"; drop table deal; --]', 'x', 'unknownField'],
  ])('%s=%j is a 400 (%s) pointing at the parameter', (key, value, keyword) => {
    expect(issuesOf(() => parse({ [key]: value }))).toEqual([{ pointer: `/query/${key}`, keyword }]);
  });
});

describe('toListQuery: sort, limit, fields, expand, q, cursor', () => {
  it('defaults to id order, 50 rows, all fields', () => {
    const query = parse({});
    expect(query).toMatchObject({ sort: [{ name: 'id', desc: false }], limit: 50, expand: [], filters: [] });
    expect(query.fields).toBeUndefined();
  });

  it.each([
    ['-amount,title', ['-amount', 'title', 'id']],
    ['-amount', ['-amount', '-id']],
    ['created_at', ['created_at', 'id']],
    ['-id,title', ['-id', 'title']],
    ['title,title', ['title', 'id']],
  ])('sort=%s orders by %j', (sort, expected) => {
    expect(parse({ sort }).sort.map((k) => (k.desc ? `-${k.name}` : k.name))).toEqual(expected);
  });

  it('selects id, the fields and the expanded relations', () => {
    expect(parse({ fields: 'title,amount', expand: 'customer' }).fields).toEqual(['id', 'title', 'amount', 'customer']);
  });

  it('decodes a cursor made for the same sort', () => {
    const sort = parse({ sort: '-amount' }).sort;
    expect(parse({ sort: '-amount', cursor: encodeCursor(sort, [5, ID]) }).after).toEqual([5, ID]);
  });

  it.each([
    [{ sort: 'nope' }, '/query/sort', 'unknownField'],
    [{ sort: 'labels' }, '/query/sort', 'unsortable'],
    [{ sort: 'contacts' }, '/query/sort', 'unsortable'],
    [{ limit: '0' }, '/query/limit', 'minimum'],
    [{ limit: '501' }, '/query/limit', 'maximum'],
    [{ limit: 'ten' }, '/query/limit', 'type'],
    [{ limit: ['1', '2'] }, '/query/limit', 'type'],
    [{ fields: 'title,nope' }, '/query/fields', 'unknownField'],
    [{ expand: 'title' }, '/query/expand', 'notRelation'],
    [{ expand: 'nope' }, '/query/expand', 'unknownField'],
    [{ q: 'x'.repeat(201) }, '/query/q', 'maxLength'],
    [{ cursor: 'garbage' }, '/query/cursor', 'cursor'],
    [{ 'filters[title]': 'x' }, '/query/filters[title]', 'unknownParameter'],
    [{ 'a/b~c': 'x' }, '/query/a~1b~0c', 'unknownParameter'],
  ])('%j is a 400 at %s (%s)', (query, pointer, keyword) => {
    expect(issuesOf(() => parse(query))).toEqual([{ pointer, keyword }]);
  });

  it('collects every problem at once', () => {
    expect(issuesOf(() => parse({ sort: 'nope', limit: '0', 'filter[x]': '1' }))).toHaveLength(3);
  });
});

describe('toReadQuery', () => {
  it('accepts fields and expand', () => {
    expect(toReadQuery({ fields: 'name', expand: 'customer,tags' }, model.entities.get('contact')!)).toEqual({
      fields: ['id', 'name', 'customer', 'tags'],
      expand: ['customer', 'tags'],
    });
  });

  it.each([
    [{ expand: 'name' }, '/query/expand'],
    [{ fields: 'nope' }, '/query/fields'],
    [{ sort: 'name' }, '/query/sort'],
  ])('%j is a 400 at %s', (query, pointer) => {
    expect(issuesOf(() => toReadQuery(query, model.entities.get('contact')!))).toEqual([
      expect.objectContaining({ pointer }),
    ]);
  });
});
