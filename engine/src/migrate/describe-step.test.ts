import { describe, expect, it } from 'vitest';
import { describeStep } from './describe-step.js';
import type { StepDraft } from './plan.js';

const junction = { name: 'customer__tags', field: 'tags', source: 'customer', target: 'tag' };

describe('describeStep', () => {
  it.each<[StepDraft, string]>([
    [
      {
        kind: 'createTable',
        table: {
          name: 'tag',
          columns: [{ name: 'id', type: { base: 'uuid' }, nullable: false }],
          indexes: [],
          junctions: [],
        },
      },
      'create table tag (1 column)',
    ],
    [{ kind: 'dropTable', table: 'tag', rows: 4 }, 'drop table tag (4 rows are lost)'],
    [{ kind: 'dropTable', table: 'tag', rows: 0 }, 'drop table tag'],
    [{ kind: 'renameTable', from: 'customer', to: 'client' }, 'rename table customer → client'],
    [
      { kind: 'addColumn', table: 'customer', column: { name: 'region', type: { base: 'text' }, nullable: true } },
      'add column customer.region (text)',
    ],
    [
      {
        kind: 'addColumn',
        table: 'customer',
        column: { name: 'tier', type: { base: 'varchar', length: 9 }, nullable: false, default: { value: 'a' } },
      },
      'add column customer.tier (varchar(9), required, default "a")',
    ],
    [{ kind: 'dropColumn', table: 'customer', column: 'note', rows: 1 }, 'drop column customer.note (1 value is lost)'],
    [
      { kind: 'renameColumn', table: 'customer', from: 'annualRevenue', to: 'revenue' },
      'rename column customer.annualRevenue → revenue',
    ],
    [
      { kind: 'alterType', table: 'contact', column: 'age', from: { base: 'text' }, to: { base: 'integer' }, rows: 3 },
      'change type of contact.age text → integer (3 values cannot convert and become empty)',
    ],
    [
      {
        kind: 'alterType',
        table: 'contact',
        column: 'age',
        from: { base: 'integer' },
        to: { base: 'bigint' },
        rows: 0,
      },
      'change type of contact.age integer → bigint',
    ],
    [
      { kind: 'setNotNull', table: 'customer', column: 'region', rows: 2 },
      'make customer.region required (2 empty rows, no default)',
    ],
    [
      { kind: 'setNotNull', table: 'customer', column: 'region', rows: 1, backfill: 'n' },
      'make customer.region required (1 empty row gets "n")',
    ],
    [{ kind: 'dropNotNull', table: 'customer', column: 'region' }, 'make customer.region optional'],
    [
      { kind: 'setDefault', table: 'customer', column: 'region', default: { value: 'n' } },
      'set default of customer.region to "n"',
    ],
    [{ kind: 'setDefault', table: 'customer', column: 'region' }, 'remove default of customer.region'],
    [
      { kind: 'addEnumValues', table: 'customer', column: 'tier', values: ['gold'] },
      'add choices "gold" to customer.tier',
    ],
    [
      { kind: 'removeEnumValues', table: 'customer', column: 'tier', values: ['tin', 'lead'], array: false, rows: 2 },
      'remove choices "tin", "lead" from customer.tier (2 rows become empty)',
    ],
    [
      { kind: 'removeEnumValues', table: 'customer', column: 'tags', values: ['x'], array: true, rows: 1 },
      'remove choices "x" from customer.tags (removed from 1 row)',
    ],
    [
      {
        kind: 'addForeignKey',
        table: 'customer',
        column: 'parent',
        references: { table: 'customer', onDelete: 'setNull' },
      },
      'link customer.parent → customer (on delete set null)',
    ],
    [{ kind: 'dropForeignKey', table: 'customer', column: 'parent' }, 'unlink customer.parent from its related table'],
    [
      { kind: 'addIndex', table: 'customer', index: { name: 'customer_a_b_idx', columns: ['a', 'b'] } },
      'add index customer_a_b_idx on customer (a, b)',
    ],
    [
      { kind: 'dropIndex', table: 'customer', index: { name: 'customer_a_idx', columns: ['a'] } },
      'drop index customer_a_idx on customer',
    ],
    [{ kind: 'createJunction', junction }, 'create link table customer__tags (customer.tags ↔ tag)'],
    [{ kind: 'dropJunction', junction, rows: 2 }, 'drop link table customer__tags (2 links are lost)'],
    [
      { kind: 'renameJunction', from: 'customer__tags', to: 'client__tags' },
      'rename link table customer__tags → client__tags',
    ],
  ])('%j', (step, line) => {
    expect(describeStep(step)).toBe(line);
  });
});
