import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EntityDefinition, FieldDefinition } from '../src/definitions/entity.js';
import { ConfirmationRequired } from '../src/errors.js';
import { applySteps } from '../src/migrate/apply-plan.js';
import { countAffected } from '../src/migrate/count-affected.js';
import { diffTables } from '../src/migrate/diff-tables.js';
import type { Step } from '../src/migrate/plan.js';
import { compileEntity } from '../src/schema/compile-entity.js';
import type { SqlType, TableSpec } from '../src/schema/table-spec.js';
import { FIXTURES } from './support/paths.js';
import { createTestDb, type DbKind, type TestDb } from './support/test-db.js';

function entity(
  id: string,
  properties: Record<string, FieldDefinition>,
  extra: Partial<EntityDefinition> = {},
): TableSpec {
  const { 'x-entity': options, ...rest } = extra;
  return compileEntity({
    $id: id,
    title: id,
    type: 'object',
    'x-entity': { titleField: 'name', ...options },
    properties,
    ...rest,
  });
}

const customer = (more: Record<string, FieldDefinition> = {}, extra: Partial<EntityDefinition> = {}) =>
  entity('customer', { name: { type: 'string', maxLength: 200 }, ...more }, extra);

/** Plans and counts against the database as it is, then applies in one transaction. */
async function migrate(knex: Knex, before: TableSpec[], after: TableSpec[], allowDestructive = false): Promise<Step[]> {
  const steps = await countAffected(knex, diffTables(before, after));
  await knex.transaction((trx) => applySteps(trx, steps, { allowDestructive }));
  return steps;
}

async function columns(knex: Knex, table: string): Promise<Record<string, string>> {
  const rows = await knex('information_schema.columns')
    .where({ table_schema: knex.raw('current_schema()'), table_name: table })
    .select<{ column_name: string; data_type: string; is_nullable: string }[]>(
      'column_name',
      'data_type',
      'is_nullable',
    );
  return Object.fromEntries(
    rows.map((row) => [row.column_name, `${row.data_type}${row.is_nullable === 'NO' ? ' not null' : ''}`]),
  );
}

async function allColumns(knex: Knex): Promise<unknown[]> {
  return knex('information_schema.columns')
    .where({ table_schema: knex.raw('current_schema()') })
    .orderBy(['table_name', 'ordinal_position'])
    .select('table_name', 'column_name', 'data_type', 'is_nullable', 'column_default');
}

async function values(knex: Knex, table: string, column: string): Promise<unknown[]> {
  const rows = await knex(table).orderBy('created_at').orderBy('id').select<Record<string, unknown>[]>(column);
  return rows.map((row) => row[column]);
}

function only(steps: Step[], kind: Step['kind']): Step {
  const found = steps.filter((step) => step.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}

async function refusal(promise: Promise<unknown>): Promise<ConfirmationRequired> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfirmationRequired);
  return error as ConfirmationRequired;
}

/** Inserts rows one by one so created_at order is insertion order. */
async function insert(knex: Knex, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (const [i, row] of rows.entries())
    await knex(table).insert({ ...row, created_at: new Date(Date.UTC(2024, 0, 1, 0, 0, i)) });
}

/** A customer table whose column `v` has the given type. */
function withValue(type: SqlType, nullable = true): TableSpec {
  const spec = customer({ v: { type: 'string' } });
  return {
    ...spec,
    columns: spec.columns.map((column) => (column.name === 'v' ? { ...column, type, nullable } : column)),
  };
}

const T = (base: SqlType['base'], more: Partial<SqlType> = {}): SqlType => ({ base, ...more });

/** Each type change: stored values, how many cannot convert, and the values afterwards (dates as ISO text). */
const CONVERSIONS = JSON.parse(readFileSync(join(FIXTURES, 'migrate/conversions.json'), 'utf8')) as {
  from: SqlType;
  to: SqlType;
  stored: unknown[];
  bad: number;
  converted: unknown[];
}[];

describe.each<DbKind>(['postgres', 'pglite'])('migrate on %s', (kind) => {
  let test: TestDb;
  let knex: Knex;

  beforeAll(async () => {
    test = await createTestDb(kind);
    knex = test.db.knex;
  });
  afterAll(() => test.drop());
  beforeEach(async () => {
    await knex.raw('DROP SCHEMA public CASCADE');
    await knex.raw('CREATE SCHEMA public');
  });

  it('creates tables that reference each other and themselves', async () => {
    const contact = entity('contact', {
      name: { type: 'string' },
      customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer', onDelete: 'cascade' } },
    });
    const parent: FieldDefinition = { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer' } };
    await migrate(knex, [], [contact, customer({ parent })]);
    expect(await columns(knex, 'customer')).toMatchObject({
      id: 'uuid not null',
      name: 'character varying',
      parent: 'uuid',
      version: 'integer not null',
    });
    const [root] = await knex('customer').insert({ name: 'Root' }).returning<{ id: string }[]>('id');
    await knex('customer').insert({ name: 'Child', parent: root!.id });
    await knex('contact').insert({ name: 'Ann', customer: root!.id });
    await expect(knex('contact').insert({ customer: '00000000-0000-0000-0000-000000000000' })).rejects.toThrow(
      /foreign key/,
    );
    await knex('customer').where({ id: root!.id }).del();
    expect(await values(knex, 'customer', 'parent')).toEqual([null]);
    expect(await values(knex, 'contact', 'name')).toEqual([]);
  });

  it('adds a field and renames another, keeping its values', async () => {
    const before = [customer({ annualRevenue: { type: 'number' } })];
    await migrate(knex, [], before);
    await insert(knex, 'customer', [
      { name: 'A', annualRevenue: 10 },
      { name: 'B', annualRevenue: 2.5 },
    ]);
    const after = [
      customer({ revenue: { type: 'number', 'x-renamedFrom': 'annualRevenue' }, region: { type: 'string' } }),
    ];
    const steps = await migrate(knex, before, after);
    expect(steps.map((step) => step.kind)).toEqual(['renameColumn', 'addColumn']);
    expect(await columns(knex, 'customer')).toMatchObject({ revenue: 'double precision', region: 'text' });
    expect(await columns(knex, 'customer')).not.toHaveProperty('annualRevenue');
    expect(await values(knex, 'customer', 'revenue')).toEqual([10, 2.5]);
  });

  it('renames a related field and gives its old name to a new relation: keys and indexes follow', async () => {
    const ref: FieldDefinition = { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer' } };
    const before = [customer({ parent: ref })];
    await migrate(knex, [], before);
    const after = [customer({ mother: { ...ref, 'x-renamedFrom': 'parent' }, parent: ref })];
    await migrate(knex, before, after);
    const names = await knex('pg_indexes').where({ tablename: 'customer' }).pluck('indexname');
    expect(names).toEqual(expect.arrayContaining(['customer_mother_idx', 'customer_parent_idx']));
    const later = [
      customer({ mother: { ...ref, 'x-relation': { entity: 'customer', onDelete: 'cascade' } }, parent: ref }),
    ];
    expect((await migrate(knex, after, later)).map((step) => step.kind)).toEqual(['dropForeignKey', 'addForeignKey']);
  });

  it('retypes text to integer: counts the value that cannot convert and empties it once confirmed', async () => {
    const before = [customer({ age: { type: 'string' } })];
    await migrate(knex, [], before);
    await insert(knex, 'customer', [
      { name: 'A', age: '42' },
      { name: 'B', age: ' 7 ' },
      { name: 'C', age: 'old' },
      { name: 'D' },
    ]);
    const after = [customer({ age: { type: 'integer' } })];
    const error = await refusal(migrate(knex, before, after));
    expect(error.extra?.steps).toEqual([
      expect.objectContaining({ kind: 'alterType', rows: 1, safety: 'destructive' }),
    ]);
    expect(await columns(knex, 'customer')).toMatchObject({ age: 'text' });
    const steps = await migrate(knex, before, after, true);
    expect(only(steps, 'alterType')).toMatchObject({
      rows: 1,
      reason: '1 value cannot convert to integer and becomes empty',
    });
    expect(await columns(knex, 'customer')).toMatchObject({ age: 'integer' });
    expect(await values(knex, 'customer', 'age')).toEqual([42, 7, null, null]);
  });

  it('removes a choice used by two rows, and a choice from lists', async () => {
    const before = [
      customer({
        tier: { type: 'string', enum: ['gold', 'silver', 'bronze'] },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] } },
      }),
    ];
    await migrate(knex, [], before);
    await insert(knex, 'customer', [
      { name: 'A', tier: 'gold', tags: ['a', 'b'] },
      { name: 'B', tier: 'bronze', tags: ['b'] },
      { name: 'C', tier: 'bronze', tags: ['c'] },
    ]);
    const after = [
      customer({
        tier: { type: 'string', enum: ['gold', 'silver'] },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'c'] } },
      }),
    ];
    const error = await refusal(migrate(knex, before, after));
    expect(error.extra?.steps).toEqual([
      expect.objectContaining({ column: 'tier', rows: 2, description: expect.stringContaining('2 rows become empty') }),
      expect.objectContaining({ column: 'tags', rows: 2 }),
    ]);
    await migrate(knex, before, after, true);
    expect(await values(knex, 'customer', 'tier')).toEqual(['gold', null, null]);
    expect(await values(knex, 'customer', 'tags')).toEqual([['a'], [], ['c']]);
  });

  it('drops a column, counting its non-empty values', async () => {
    const before = [customer({ note: { type: 'string' } })];
    await migrate(knex, [], before);
    await insert(knex, 'customer', [{ name: 'A', note: 'x' }, { name: 'B' }, { name: 'C', note: 'y' }]);
    const error = await refusal(migrate(knex, before, [customer()]));
    expect(error.extra?.steps).toEqual([expect.objectContaining({ kind: 'dropColumn', rows: 2 })]);
    await migrate(knex, before, [customer()], true);
    expect(await columns(knex, 'customer')).not.toHaveProperty('note');
  });

  it('blocks NOT NULL on empty rows without a default, and backfills with one', async () => {
    const before = [customer({ region: { type: 'string' } })];
    await migrate(knex, [], before);
    await insert(knex, 'customer', [{ name: 'A', region: 'north' }, { name: 'B' }]);
    const blocked = await refusal(
      migrate(knex, before, [customer({ region: { type: 'string' } }, { required: ['region'] })], true),
    );
    expect(blocked.extra?.steps).toEqual([expect.objectContaining({ kind: 'setNotNull', rows: 1, safety: 'blocked' })]);
    expect(await columns(knex, 'customer')).toMatchObject({ region: 'text' });
    const after = [customer({ region: { type: 'string', default: 'south' } }, { required: ['region'] })];
    const steps = await migrate(knex, before, after);
    expect(only(steps, 'setNotNull')).toMatchObject({ rows: 1, safety: 'safe', backfill: 'south' });
    expect(await columns(knex, 'customer')).toMatchObject({ region: 'text not null' });
    expect(await values(knex, 'customer', 'region')).toEqual(['north', 'south']);
  });

  it('blocks a new required column on a table with rows, and the record_type column of new record types', async () => {
    await migrate(knex, [], [customer()]);
    await insert(knex, 'customer', [{ name: 'A' }]);
    const typed = customer({}, { 'x-entity': { titleField: 'name', recordTypes: { company: { title: 'Company' } } } });
    const error = await refusal(migrate(knex, [customer()], [typed], true));
    expect(error.extra?.steps).toEqual([
      expect.objectContaining({ kind: 'setNotNull', column: 'record_type', rows: 1 }),
    ]);
    await knex('customer').update({ record_type: 'company' });
    await migrate(knex, [customer()], [typed]);
    expect(await columns(knex, 'customer')).toMatchObject({ record_type: 'text not null' });
  });

  it('creates a many-to-many link table that cascades on delete', async () => {
    const tag = entity('tag', { name: { type: 'string' } });
    await migrate(knex, [], [customer(), tag]);
    const after = [
      customer({ tags: { type: 'array', items: { type: 'string', format: 'uuid' }, 'x-relation': { entity: 'tag' } } }),
      tag,
    ];
    const steps = await migrate(knex, [customer(), tag], after);
    expect(steps.map((step) => step.kind)).toEqual(['createJunction']);
    expect(await columns(knex, 'customer__tags')).toEqual({
      source_id: 'uuid not null',
      target_id: 'uuid not null',
      position: 'integer not null',
    });
    const [c] = await knex('customer').insert({ name: 'A' }).returning<{ id: string }[]>('id');
    const [t] = await knex('tag').insert({ name: 'vip' }).returning<{ id: string }[]>('id');
    await knex('customer__tags').insert({ source_id: c!.id, target_id: t!.id });
    await knex('tag').del();
    expect(await knex('customer__tags').select()).toEqual([]);
  });

  it('renames a table that a foreign key and a link table point at; a later plan can still change that key', async () => {
    const contact = (target: string, onDelete: 'setNull' | 'cascade' = 'setNull') =>
      entity('contact', {
        name: { type: 'string' },
        customer: { type: 'string', format: 'uuid', 'x-relation': { entity: target, onDelete } },
      });
    const tags = {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      'x-relation': { entity: 'contact' },
    } as const;
    const before = [
      customer({ parent: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer' } }, contacts: tags }),
      contact('customer'),
    ];
    await migrate(knex, [], before);
    const [c] = await knex('customer').insert({ name: 'Acme' }).returning<{ id: string }[]>('id');
    const [p] = await knex('contact').insert({ name: 'Ann', customer: c!.id }).returning<{ id: string }[]>('id');
    await knex('customer__contacts').insert({ source_id: c!.id, target_id: p!.id });

    const client = entity(
      'client',
      {
        name: { type: 'string', maxLength: 200 },
        parent: { type: 'string', format: 'uuid', 'x-relation': { entity: 'client' } },
        contacts: tags,
      },
      { 'x-entity': { titleField: 'name', renamedFrom: 'customer' } },
    );
    // the old name is free again: a new, unrelated customer table takes it in the same plan
    const after = [client, contact('client'), customer()];
    const steps = await migrate(knex, before, after);
    expect(steps.filter((step) => step.safety !== 'safe')).toEqual([]);
    expect(steps.map((step) => step.kind)).toEqual(
      expect.arrayContaining(['renameTable', 'renameJunction', 'createTable']),
    );
    expect(await values(knex, 'client', 'name')).toEqual(['Acme']);
    expect(await knex('client__contacts').pluck('target_id')).toEqual([p!.id]);
    await expect(knex('contact').insert({ customer: '00000000-0000-0000-0000-000000000000' })).rejects.toThrow(
      /foreign key/,
    );

    const later = [client, contact('client', 'cascade'), customer()];
    expect((await migrate(knex, after, later)).map((step) => step.kind)).toEqual(['dropForeignKey', 'addForeignKey']);
    await knex('client').del();
    expect(await knex('contact').select()).toEqual([]);
  });

  it.each(CONVERSIONS)(
    'converts $from.base → $to.base: counts what cannot convert and empties it',
    async ({ from, to, stored, bad, converted }) => {
      await migrate(knex, [], [withValue(from)]);
      const bind = (value: unknown) => (from.base === 'jsonb' ? JSON.stringify(value) : value);
      await insert(knex, 'customer', [...stored.map((v) => ({ name: 'x', v: bind(v) })), { name: 'empty' }]);
      const steps = await countAffected(knex, diffTables([withValue(from)], [withValue(to)]));
      expect(only(steps, 'alterType').rows).toBe(bad);
      await knex.transaction((trx) => applySteps(trx, steps, { allowDestructive: true }));
      const after = await values(knex, 'customer', 'v');
      expect(after.map((value) => (value instanceof Date ? value.toISOString() : value))).toEqual([...converted, null]);
    },
  );

  it('blocks a conversion that would empty values of a required field', async () => {
    await migrate(knex, [], [withValue(T('text'), false)]);
    await insert(knex, 'customer', [{ name: 'x', v: 'x' }]);
    const error = await refusal(migrate(knex, [withValue(T('text'), false)], [withValue(T('integer'), false)], true));
    expect(error.extra?.steps).toEqual([expect.objectContaining({ kind: 'alterType', safety: 'blocked', rows: 1 })]);
  });

  it('writes constant defaults literally, question marks and quotes included', async () => {
    const text = `it's a \\ "test"?`;
    const before = [
      customer({
        note: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        extra: { type: 'object' },
      }),
    ];
    await migrate(knex, [], before);
    const after = [
      customer({
        note: { type: 'string', default: text },
        tags: { type: 'array', items: { type: 'string' }, default: ['a?', 'b"c'] },
        extra: { type: 'object', default: { k: 'v?' } },
        n: { type: 'integer', default: 3 },
      }),
    ];
    await migrate(knex, before, after);
    await knex('customer').insert({ name: 'x' });
    expect(await knex('customer').first('note', 'tags', 'extra', 'n')).toEqual({
      note: text,
      tags: ['a?', 'b"c'],
      extra: { k: 'v?' },
      n: 3,
    });
  });

  it('changes the type of a column with a default and keeps the default', async () => {
    const before = [customer({ level: { type: 'string', default: '1' } })];
    await migrate(knex, [], before);
    await migrate(knex, before, [customer({ level: { type: 'integer', default: 1 } })], true);
    await knex('customer').insert({ name: 'x' });
    expect(await values(knex, 'customer', 'level')).toEqual([1]);
  });

  it('rolls back every step when the last one fails', async () => {
    const before = [customer({ annualRevenue: { type: 'number' } })];
    await migrate(knex, [], before);
    await insert(knex, 'customer', [{ name: 'A', annualRevenue: 1 }]);
    const schema = await allColumns(knex);
    const rows = await knex('customer').select();
    const after = [
      customer({ revenue: { type: 'number', 'x-renamedFrom': 'annualRevenue' }, region: { type: 'string' } }),
    ];
    const steps = await countAffected(knex, diffTables(before, after));
    const failing: Step[] = [...steps, { kind: 'createTable', table: customer(), safety: 'safe', reason: '' }];
    await expect(knex.transaction((trx) => applySteps(trx, failing, { allowDestructive: true }))).rejects.toThrow(
      /already exists/,
    );
    expect(await allColumns(knex)).toEqual(schema);
    expect(await knex('customer').select()).toEqual(rows);
  });
});
