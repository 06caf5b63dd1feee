import { describe, expect, it } from 'vitest';
import type { EntityDefinition, EntityOptions, FieldDefinition } from '../definitions/entity.js';
import { compileEntity } from '../schema/compile-entity.js';
import type { TableSpec } from '../schema/table-spec.js';
import { diffTables } from './diff-tables.js';
import type { Step } from './plan.js';

type Fields = Record<string, FieldDefinition>;

function entity(
  id: string,
  properties: Fields,
  extra: { required?: string[]; options?: Partial<EntityOptions> } = {},
): TableSpec {
  const definition: EntityDefinition = {
    $id: id,
    title: id,
    type: 'object',
    'x-entity': { titleField: 'name', ...extra.options },
    properties,
  };
  if (extra.required) definition.required = extra.required;
  return compileEntity(definition);
}

const name: FieldDefinition = { type: 'string' };
const ref = (target: string, onDelete: 'setNull' | 'cascade' = 'setNull'): FieldDefinition => ({
  type: 'string',
  format: 'uuid',
  'x-relation': { entity: target, onDelete },
});
const many = (target: string, renamedFrom?: string): FieldDefinition => ({
  type: 'array',
  items: { type: 'string', format: 'uuid' },
  'x-relation': { entity: target },
  ...(renamedFrom && { 'x-renamedFrom': renamedFrom }),
});
const customer = (fields: Fields = {}, extra: Parameters<typeof entity>[2] = {}) =>
  entity('customer', { name, ...fields }, extra);
const tag = entity('tag', { name });

/** A step as `kind target`, enough to read a plan at a glance. */
function summarize(step: Step): string {
  switch (step.kind) {
    case 'createTable':
      return `createTable ${step.table.name}`;
    case 'renameTable':
    case 'renameJunction':
      return `${step.kind} ${step.from}→${step.to}`;
    case 'createJunction':
    case 'dropJunction':
      return `${step.kind} ${step.junction.name}`;
    case 'addIndex':
    case 'dropIndex':
      return `${step.kind} ${step.index.name}`;
    case 'addColumn':
      return `addColumn ${step.table}.${step.column.name}`;
    case 'renameColumn':
      return `renameColumn ${step.table}.${step.from}→${step.to}`;
    case 'dropTable':
      return `dropTable ${step.table}`;
    default:
      return `${step.kind} ${step.table}${'column' in step ? `.${step.column}` : ''}`;
  }
}

const plan = (before: TableSpec[], after: TableSpec[]) => diffTables(before, after).map(summarize);

describe('diffTables', () => {
  it.each<[string, TableSpec[], TableSpec[], string[]]>([
    ['nothing changed', [customer(), tag], [customer(), tag], []],
    [
      'a new entity with a self-reference: table first, then its key',
      [],
      [customer({ parent: ref('customer') })],
      ['createTable customer', 'addForeignKey customer.parent', 'setSearch customer'],
    ],
    [
      'entities created in any order link after all exist',
      [],
      [entity('contact', { name, customer: ref('customer') }), customer()],
      [
        'createTable contact',
        'createTable customer',
        'addForeignKey contact.customer',
        'setSearch contact',
        'setSearch customer',
      ],
    ],
    ['a removed entity', [customer(), tag], [customer()], ['dropTable tag']],
    [
      'two removed entities that reference each other',
      [customer({ tag: ref('tag') }), entity('tag', { name, owner: ref('customer') })],
      [],
      ['dropForeignKey customer.tag', 'dropForeignKey tag.owner', 'dropTable customer', 'dropTable tag'],
    ],
    ['a new field', [customer()], [customer({ region: name })], ['addColumn customer.region']],
    [
      'a new required field without default is counted separately',
      [customer()],
      [customer({ region: name }, { required: ['region'] })],
      ['addColumn customer.region', 'setNotNull customer.region'],
    ],
    [
      'a new required field with default',
      [customer()],
      [customer({ region: { type: 'string', default: 'north' } }, { required: ['region'] })],
      ['addColumn customer.region'],
    ],
    ['a removed field', [customer({ region: name })], [customer()], ['dropColumn customer.region']],
    [
      'a declared field rename',
      [customer({ revenue: { type: 'number' } })],
      [customer({ income: { type: 'number', 'x-renamedFrom': 'revenue' } })],
      ['renameColumn customer.revenue→income'],
    ],
    [
      'a rename whose old name is gone already is an add',
      [customer()],
      [customer({ income: { type: 'number', 'x-renamedFrom': 'revenue' } })],
      ['addColumn customer.income'],
    ],
    [
      'a rename onto a name that exists is not a rename',
      [customer({ a: name, b: name })],
      [customer({ b: { type: 'string', 'x-renamedFrom': 'a' } })],
      ['dropColumn customer.a'],
    ],
    [
      'a renamed and retyped field',
      [customer({ age: name })],
      [customer({ years: { type: 'integer', 'x-renamedFrom': 'age' } })],
      ['renameColumn customer.age→years', 'alterType customer.years'],
    ],
    ['a type change', [customer({ age: name })], [customer({ age: { type: 'integer' } })], ['alterType customer.age']],
    [
      'a type change keeps the default',
      [customer({ age: { type: 'string', default: '1' } })],
      [customer({ age: { type: 'integer', default: 1 } })],
      ['alterType customer.age', 'setDefault customer.age'],
    ],
    [
      'a field becomes required with a default',
      [customer({ region: name })],
      [customer({ region: { type: 'string', default: 'n' } }, { required: ['region'] })],
      ['setDefault customer.region', 'setNotNull customer.region'],
    ],
    [
      'a field becomes optional',
      [customer({ region: name }, { required: ['region'] })],
      [customer({ region: name })],
      ['dropNotNull customer.region'],
    ],
    [
      'a default removed',
      [customer({ region: { type: 'string', default: 'n' } })],
      [customer({ region: name })],
      ['setDefault customer.region'],
    ],
    [
      'choices added and removed',
      [customer({ tier: { type: 'string', enum: ['a', 'b'] } })],
      [customer({ tier: { type: 'string', enum: ['b', 'c'] } })],
      ['removeEnumValues customer.tier', 'addEnumValues customer.tier'],
    ],
    [
      'a relation changes what happens on delete',
      [customer({ parent: ref('customer') })],
      [customer({ parent: ref('customer', 'cascade') })],
      ['dropForeignKey customer.parent', 'addForeignKey customer.parent'],
    ],
    [
      'a relation becomes a plain uuid',
      [customer({ parent: ref('customer') })],
      [customer({ parent: { type: 'string', format: 'uuid' } })],
      ['dropForeignKey customer.parent', 'dropIndex customer_parent_idx'],
    ],
    [
      'a declared index',
      [customer({ region: name })],
      [customer({ region: name }, { options: { indexes: [['region', 'name']] } })],
      ['addIndex customer_region_name_idx', 'addIndex customer_owner_id_region_name_idx'],
    ],
    [
      'a removed declared index',
      [customer({ region: name }, { options: { indexes: [['region']] } })],
      [customer({ region: name })],
      ['dropIndex customer_region_idx', 'dropIndex customer_owner_id_region_idx'],
    ],
    [
      'a workflow gets bound: state appears',
      [customer()],
      [customer({}, { options: { workflow: 'w' } })],
      [
        'addColumn customer.state',
        'addColumn customer.state_entered_at',
        'addColumn customer.sla_breached_at',
        'addColumn customer.sla_due_at',
        'addIndex customer_state_idx',
      ],
    ],
    [
      'record types are added: record_type becomes required',
      [customer()],
      [customer({}, { options: { recordTypes: { company: { title: 'Company' } } } })],
      ['setNotNull customer.record_type'],
    ],
    [
      'a new many-to-many field',
      [customer(), tag],
      [customer({ tags: many('tag') }), tag],
      ['createJunction customer__tags'],
    ],
    [
      'a removed many-to-many field',
      [customer({ tags: many('tag') }), tag],
      [customer(), tag],
      ['dropJunction customer__tags'],
    ],
    [
      'a renamed many-to-many field',
      [customer({ tags: many('tag') }), tag],
      [customer({ labels: many('tag', 'tags') }), tag],
      ['renameJunction customer__tags→customer__labels'],
    ],
    [
      'a many-to-many field pointing elsewhere',
      [customer({ tags: many('tag') }), tag],
      [customer({ tags: many('customer') }), tag],
      ['dropJunction customer__tags', 'createJunction customer__tags'],
    ],
    [
      'a dropped entity takes its link tables first',
      [customer({ tags: many('tag') }), tag],
      [tag],
      ['dropJunction customer__tags', 'dropTable customer'],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(plan(before, after)).toEqual(expected);
  });

  it('renames a table, its link tables and the keys that point at it, without drop + add', () => {
    const before = [
      customer({ parent: ref('customer'), tags: many('tag') }),
      tag,
      entity('contact', { name, customer: ref('customer') }),
    ];
    const client = entity(
      'client',
      { name, parent: ref('client'), tags: many('tag') },
      { options: { renamedFrom: 'customer' } },
    );
    const after = [client, tag, entity('contact', { name, customer: ref('client') })];
    const steps = plan(before, after);
    // The search column is rebuilt under the new name (its index is named after the table).
    expect(steps.slice(0, 3)).toEqual([
      'dropSearch customer',
      'renameTable customer→client',
      'renameJunction customer__tags→client__tags',
    ]);
    expect(steps).toContain('setSearch client');
    expect(steps.filter((step) => /^(drop|add)(Column|ForeignKey)|^(create|drop)(Table|Junction)/.test(step))).toEqual(
      [],
    );
    // indexes named after the old table are rebuilt under the new name; they hold no data
    expect(steps).toContain('dropIndex customer_owner_id_id_idx');
    expect(steps).toContain('addIndex client_owner_id_id_idx');
  });

  it('renames a field with a relation: the key follows, its index is rebuilt under the new name', () => {
    expect(
      plan(
        [customer({ parent: ref('customer') })],
        [customer({ mother: { ...ref('customer'), 'x-renamedFrom': 'parent' } })],
      ),
    ).toEqual(['renameColumn customer.parent→mother', 'dropIndex customer_parent_idx', 'addIndex customer_mother_idx']);
  });

  it('renames a related field and adds a new one under the old name: each ends up with its own index and key', () => {
    const before = [customer({ a: ref('tag') }), tag];
    const after = [customer({ b: { ...ref('tag'), 'x-renamedFrom': 'a' }, a: ref('tag') }), tag];
    expect(plan(before, after)).toEqual([
      'renameColumn customer.a→b',
      'dropIndex customer_a_idx',
      'addColumn customer.a',
      'addForeignKey customer.a',
      'addIndex customer_b_idx',
      'addIndex customer_a_idx',
    ]);
  });

  it('creates tables without foreign keys and classifies every step', () => {
    const steps = diffTables([], [customer({ parent: ref('customer') })]);
    const create = steps[0]!;
    expect(create.kind === 'createTable' && create.table.columns.some((column) => column.references)).toBe(false);
    expect(steps.every((step) => step.safety === 'safe' && step.reason.length > 0)).toBe(true);
  });

  it('puts renames first, drops before adds, and indexes last', () => {
    const before = [customer({ a: name, b: name, old: ref('tag') }, { options: { indexes: [['a']] } }), tag];
    const after = [customer({ c: { type: 'string', 'x-renamedFrom': 'b' }, d: ref('tag') }), tag];
    expect(plan(before, after)).toEqual([
      'renameColumn customer.b→c',
      'dropIndex customer_old_idx',
      'dropIndex customer_a_idx',
      'dropIndex customer_owner_id_a_idx',
      'dropColumn customer.a',
      'dropColumn customer.old',
      'addColumn customer.d',
      'addForeignKey customer.d',
      'addIndex customer_d_idx',
    ]);
  });
});
