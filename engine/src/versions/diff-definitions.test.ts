import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { EntityDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { diffDefinitionSets } from './diff-definitions.js';
import { changedPointers } from './keyed-diff.js';
import { planBetween } from './plan-between.js';

const customer: EntityDefinition = {
  $id: 'customer',
  title: 'Customer',
  type: 'object',
  'x-entity': {
    titleField: 'name',
    recordTypes: { company: { title: 'Company' }, person: { title: 'Person', required: ['name'] } },
  },
  properties: {
    name: { type: 'string', title: 'Name' },
    industry: { type: 'string', enum: ['retail', 'services'] },
    fax: { type: 'string' },
  },
  required: ['name'],
};
const note: EntityDefinition = {
  $id: 'note',
  title: 'Note',
  type: 'object',
  'x-entity': { titleField: 'text' },
  properties: { text: { type: 'string' } },
};
const deal: EntityDefinition = {
  $id: 'deal',
  title: 'Deal',
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: { name: { type: 'string' } },
};
const sales: WorkflowDefinition = {
  id: 'sales',
  initial: 'lead',
  meta: { entity: 'deal' },
  states: {
    lead: { on: { QUALIFY: 'qualified', LOSE: 'lost' } },
    qualified: { on: { WIN: 'won' }, after: { P30D: 'lost' } },
    won: { type: 'final' },
    lost: { type: 'final' },
  },
};
const before: DefinitionSet = {
  entities: [customer, note, deal],
  workflows: [sales],
  roles: {
    roles: {
      sales: { title: 'Sales', entities: { customer: { read: 'own' } } },
      temp: { title: 'Temp', entities: {} },
    },
  },
};

function edited(): DefinitionSet {
  const set = structuredClone(before);
  const c = set.entities.find((e) => e.$id === 'customer')!;
  c.properties.website = { type: 'string', format: 'uri' };
  delete c.properties.fax;
  c.properties.industry = { type: 'string', enum: ['retail', 'services', 'public'] };
  c['x-entity'].recordTypes!.partner = { title: 'Partner' };
  delete c['x-entity'].recordTypes!.person;
  c['x-entity'].titleField = 'industry';
  c.title = 'Client';
  set.entities = set.entities.filter((e) => e.$id !== 'note');
  set.entities.push({
    $id: 'invoice',
    title: 'Invoice',
    type: 'object',
    'x-entity': { titleField: 'no' },
    properties: { no: { type: 'string' } },
  });
  const w = set.workflows[0]!;
  w.states.lead!.on = {
    QUALIFY: { target: 'qualified', guard: { type: 'fieldsPresent', params: { fields: ['name'] } } },
  };
  w.states.won!.meta = { title: 'Won', outcome: 'won' };
  w.states.onHold = { on: { RESUME: 'lead' } };
  w.meta.title = 'Sales';
  set.roles!.roles.sales!.entities.customer!.read = 'all';
  delete set.roles!.roles.temp;
  set.roles!.roles.manager = { title: 'Manager', entities: {} };
  return set;
}

/** The diff without the titles of its names (diff-titles.test.ts checks those). */
function withoutTitles(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTitles);
  if (typeof value !== 'object' || value === null) return value;
  const isDiff = 'added' in value && 'removed' in value && 'changed' in value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !(isDiff && key === 'titles'))
      .map(([key, inner]) => [
        key,
        isDiff ? withoutTitles(inner) : key === 'before' || key === 'after' ? inner : withoutTitles(inner),
      ]),
  );
}

describe('diffDefinitionSets', () => {
  const diff = diffDefinitionSets(before, edited());

  it('lists entities added and removed, and per changed entity its fields, record types and other pointers', () => {
    expect(diff.entities.added).toEqual(['invoice']);
    expect(diff.entities.removed).toEqual(['note']);
    expect(withoutTitles(diff.entities.changed)).toEqual([
      {
        id: 'customer',
        fields: {
          added: ['website'],
          removed: ['fax'],
          changed: [
            {
              field: 'industry',
              before: customer.properties.industry,
              after: { type: 'string', enum: ['retail', 'services', 'public'] },
            },
          ],
        },
        recordTypes: { added: ['partner'], removed: ['person'], changed: [] },
        other: ['/title', '/x-entity/titleField'],
      },
    ]);
  });

  it('lists workflow states and transitions separately: a state changes by its own keys, a transition by its config', () => {
    expect(withoutTitles(diff.workflows)).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          id: 'sales',
          states: {
            added: ['onHold'],
            removed: [],
            changed: [
              {
                state: 'won',
                before: { type: 'final' },
                after: { type: 'final', meta: { title: 'Won', outcome: 'won' } },
              },
            ],
          },
          transitions: {
            added: ['onHold.RESUME'],
            removed: ['lead.LOSE'],
            changed: [
              {
                transition: 'lead.QUALIFY',
                before: 'qualified',
                after: { target: 'qualified', guard: { type: 'fieldsPresent', params: { fields: ['name'] } } },
              },
            ],
          },
          other: ['/meta/title'],
        },
      ],
    });
  });

  it('lists roles with the pointers that differ', () => {
    expect(diff.roles.added).toEqual(['manager']);
    expect(diff.roles.removed).toEqual(['temp']);
    expect(diff.roles.changed).toEqual([
      expect.objectContaining({ role: 'sales', pointers: ['/entities/customer/read'] }),
    ]);
  });

  it('finds nothing between equal sets, whatever their key and definition order', () => {
    const reordered: DefinitionSet = { ...structuredClone(before), entities: [...before.entities].reverse() };
    reordered.entities[0] = Object.fromEntries(Object.entries(reordered.entities[0]!).reverse()) as EntityDefinition;
    const none = { added: [], removed: [], changed: [] };
    expect(withoutTitles(diffDefinitionSets(before, reordered))).toEqual({
      entities: none,
      workflows: none,
      roles: none,
    });
  });

  it('treats an absent roles.json as no roles', () => {
    const { roles: _roles, ...withoutRoles } = before;
    expect(withoutTitles(diffDefinitionSets(withoutRoles, before).roles)).toEqual({
      added: ['sales', 'temp'],
      removed: [],
      changed: [],
    });
  });
});

describe('changedPointers', () => {
  it('walks objects, compares arrays whole, and escapes ~ and /', () => {
    expect(
      changedPointers({ a: { b: 1, 'c/d': 2, 'e~': 1 }, list: [1, 2] }, { a: { b: 1, 'c/d': 3 }, list: [2, 1] }),
    ).toEqual(['/a/c~1d', '/a/e~0', '/list']);
    expect(changedPointers(1, 1)).toEqual([]);
    expect(changedPointers(1, 2)).toEqual(['']);
  });
});

describe('planBetween', () => {
  it('gives the publish planner steps between two sets, without row counts', () => {
    const steps = planBetween(before, edited());
    expect(steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'addColumn', table: 'customer' }),
        expect.objectContaining({ kind: 'dropColumn', table: 'customer', column: 'fax', safety: 'destructive' }),
        expect.objectContaining({ kind: 'createTable' }),
        expect.objectContaining({ kind: 'dropTable', table: 'note' }),
      ]),
    );
    expect(steps.every((step) => step.rows === undefined)).toBe(true);
  });
});
