import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { EntityDefinition, EntityOptions } from '../definitions/entity.js';
import type { StateDefinition, WorkflowDefinition } from '../definitions/workflow.js';
import { diffWorkflows, stateRenames, toStateSteps } from './diff-workflows.js';
import { recordsOf } from './workflow-records.js';

const entity = (id: string, options: Partial<EntityOptions> = {}): EntityDefinition => ({
  $id: id,
  title: id,
  type: 'object',
  'x-entity': { titleField: 'name', ...options },
  properties: { name: { type: 'string' } },
});

const workflow = (
  id: string,
  states: Record<string, StateDefinition> | string[],
  meta: Partial<WorkflowDefinition['meta']> = {},
): WorkflowDefinition => {
  const map = Array.isArray(states) ? Object.fromEntries(states.map((s) => [s, {}])) : states;
  return { id, initial: Object.keys(map)[0]!, meta: { entity: 'deal', ...meta }, states: map };
};

const set = (workflows: WorkflowDefinition[], entities: EntityDefinition[] = [entity('deal')]): DefinitionSet => ({
  entities,
  workflows,
});

const sales = (states: Record<string, StateDefinition> | string[]) => set([workflow('sales', states)]);

describe('diffWorkflows', () => {
  it('finds removed and renamed states of a workflow present in both versions', () => {
    const before = sales(['lead', 'qualified', 'onHold', 'won']);
    const after = sales({ lead: {}, vetted: { meta: { renamedFrom: 'qualified' } }, won: {} });
    expect(diffWorkflows(before, after)).toEqual([
      {
        workflow: 'sales',
        table: 'deal',
        initial: 'lead',
        renamed: [{ from: 'qualified', to: 'vetted' }],
        removed: ['onHold'],
      },
    ]);
  });

  it('has nothing for unchanged, added or removed workflows', () => {
    const before = sales(['lead', 'won']);
    expect(diffWorkflows(before, before)).toEqual([]);
    expect(diffWorkflows(set([]), before)).toEqual([]);
    expect(diffWorkflows(before, sales(['lead', 'won', 'lost']))).toEqual([]);
  });

  it('ignores a renamedFrom left from an earlier rename', () => {
    const published = sales({ lead: {}, vetted: { meta: { renamedFrom: 'qualified' } } });
    expect(diffWorkflows(published, published)).toEqual([]);
    expect(stateRenames(published.workflows[0]!, published.workflows[0]!)).toEqual([]);
  });

  it('does not treat a renamedFrom of a kept state as a rename: the old state is kept', () => {
    const before = sales(['lead', 'qualified']);
    const after = sales({ lead: {}, qualified: {}, vetted: { meta: { renamedFrom: 'qualified' } } });
    expect(diffWorkflows(before, after)).toEqual([]);
  });

  it('follows the entity table through a rename', () => {
    const before = sales(['lead', 'lost']);
    const after = set(
      [workflow('sales', ['lead'], { entity: 'opportunity' })],
      [entity('opportunity', { renamedFrom: 'deal' })],
    );
    expect(diffWorkflows(before, after)).toEqual([
      expect.objectContaining({ table: 'opportunity', removed: ['lost'] }),
    ]);
  });

  it('skips a workflow whose entity is dropped or that binds another entity now', () => {
    const before = sales(['lead', 'lost']);
    const moved = set([workflow('sales', ['lead'], { entity: 'other' })], [entity('deal'), entity('other')]);
    expect(diffWorkflows(before, moved)).toEqual([]);
  });

  it('scopes the records by record type when the workflow binds only some', () => {
    const types = { recordTypes: { retail: { title: 'Retail' }, gov: { title: 'Gov', workflow: 'public' } } };
    const before = set(
      [workflow('sales', ['lead', 'lost']), workflow('public', ['open', 'closed'])],
      [entity('deal', types)],
    );
    const after = set([workflow('sales', ['lead']), workflow('public', ['open'])], [entity('deal', types)]);
    expect(diffWorkflows(before, after)).toEqual([
      expect.objectContaining({ workflow: 'sales', scope: { exceptRecordTypes: ['gov'] }, removed: ['lost'] }),
      expect.objectContaining({ workflow: 'public', scope: { recordTypes: ['gov'] }, removed: ['closed'] }),
    ]);
  });
});

describe('recordsOf', () => {
  it('applies the binding rule: record type workflow, entity workflow, meta.recordType, meta.entity', () => {
    const types = { recordTypes: { a: { title: 'A' }, b: { title: 'B' } } };
    const byType = set(
      [workflow('all', ['s']), workflow('onlyB', ['s'], { recordType: 'b' })],
      [entity('deal', types)],
    );
    expect(recordsOf(byType, 'all')).toEqual({ entity: 'deal', scope: { exceptRecordTypes: ['b'] } });
    expect(recordsOf(byType, 'onlyB')).toEqual({ entity: 'deal', scope: { recordTypes: ['b'] } });
    const named = set([workflow('all', ['s']), workflow('other', ['s'])], [entity('deal', { workflow: 'other' })]);
    expect(recordsOf(named, 'other')).toEqual({ entity: 'deal' });
    expect(recordsOf(named, 'all')).toBeUndefined();
    expect(recordsOf(named, 'missing')).toBeUndefined();
  });
});

describe('toStateSteps', () => {
  const diff = {
    workflow: 'sales',
    table: 'deal',
    initial: 'lead',
    renamed: [{ from: 'qualified', to: 'vetted' }],
    removed: ['onHold', 'lost'],
  };

  it('renames are safe; a removed state is destructive until mapped; moves come after renames', () => {
    const steps = toStateSteps([diff], { sales: { lost: 'won' } });
    expect(steps.map((s) => [s.kind, s.safety])).toEqual([
      ['renameState', 'safe'],
      ['moveState', 'destructive'],
      ['moveState', 'safe'],
    ]);
    expect(steps[1]).toMatchObject({ state: 'onHold', initial: 'lead' });
    expect(steps[1]).not.toHaveProperty('to');
    expect(steps[2]).toMatchObject({ state: 'lost', to: 'won' });
  });

  it('carries the record scope', () => {
    const [step] = toStateSteps([{ ...diff, scope: { recordTypes: ['retail'] }, removed: [] }]);
    expect(step).toMatchObject({ kind: 'renameState', scope: { recordTypes: ['retail'] } });
  });

  it('ignores mapping keys that are not own properties', () => {
    const steps = toStateSteps([{ ...diff, renamed: [], removed: ['toString'] }], {});
    expect(steps[0]).not.toHaveProperty('to');
  });
});
