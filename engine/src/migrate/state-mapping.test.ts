import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { StateDefinition, WorkflowDefinition } from '../definitions/workflow.js';
import { checkStateRenames } from './check-state-renames.js';
import { addMapOption, checkStateMapping, readStateMapping } from './state-mapping.js';

const workflow = (states: Record<string, StateDefinition> | string[], id = 'sales'): WorkflowDefinition => {
  const map = Array.isArray(states) ? Object.fromEntries(states.map((s) => [s, {}])) : states;
  return { id, initial: Object.keys(map)[0]!, meta: { entity: 'deal' }, states: map };
};
const set = (...workflows: WorkflowDefinition[]): DefinitionSet => ({ entities: [], workflows });

describe('readStateMapping', () => {
  it('reads { workflow: { state: target } } and treats a missing mapping as empty', () => {
    expect(readStateMapping({ sales: { onHold: 'lead' } })).toEqual({
      mapping: { sales: { onHold: 'lead' } },
      issues: [],
    });
    expect(readStateMapping(undefined)).toEqual({ mapping: {}, issues: [] });
  });

  it('names the pointer of each malformed part', () => {
    expect(readStateMapping('x').issues).toEqual([
      expect.objectContaining({ pointer: '/stateMapping', keyword: 'type' }),
    ]);
    const { issues } = readStateMapping({ sales: { onHold: 3 }, 'a/b': [] });
    expect(issues.map((i) => i.pointer)).toEqual(['/stateMapping/sales/onHold', '/stateMapping/a~1b']);
  });

  it('keeps "__proto__" as a plain key', () => {
    const { mapping } = readStateMapping(JSON.parse('{ "__proto__": { "a": "b" } }'));
    expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
    expect(Object.keys(mapping)).toEqual(['__proto__']);
  });
});

describe('checkStateMapping', () => {
  const before = set(workflow(['lead', 'qualified', 'onHold', 'won']));
  const after = set(workflow({ lead: {}, vetted: { meta: { renamedFrom: 'qualified' } }, won: {} }));

  it('accepts a removed state mapped to a state of the new version', () => {
    expect(checkStateMapping({ sales: { onHold: 'vetted' } }, before, after)).toEqual([]);
  });

  it.each([
    [{ ghost: { onHold: 'lead' } }, '/stateMapping/ghost', 'unknownWorkflow'],
    [{ sales: { onHold: 'nowhere' } }, '/stateMapping/sales/onHold', 'unknownState'],
    [{ sales: { never: 'lead' } }, '/stateMapping/sales/never', 'unknownState'],
    [{ sales: { lead: 'won' } }, '/stateMapping/sales/lead', 'notRemoved'],
    [{ sales: { qualified: 'won' } }, '/stateMapping/sales/qualified', 'notRemoved'],
  ])('%j → %s %s', (mapping, pointer, keyword) => {
    expect(checkStateMapping(mapping, before, after)).toEqual([expect.objectContaining({ pointer, keyword })]);
  });
});

describe('addMapOption', () => {
  it('collects repeated --map options per workflow', () => {
    const mapping = addMapOption('sales.lost=lead', addMapOption('sales.onHold=won', addMapOption('support.x=y')));
    expect(mapping).toEqual({ support: { x: 'y' }, sales: { onHold: 'won', lost: 'lead' } });
  });

  it.each(['sales', 'sales.onHold', 'sales.onHold=', 'onHold=lead', 'a.b.c=d'])('rejects %j', (text) => {
    expect(() => addMapOption(text)).toThrow(/<workflow>\.<removed state>=<target state>/);
  });
});

describe('checkStateRenames', () => {
  const before = set(workflow(['lead', 'qualified', 'won']));

  it('accepts a rename of a state the new version does not keep, and a left-over renamedFrom', () => {
    expect(
      checkStateRenames(before, set(workflow({ lead: {}, vetted: { meta: { renamedFrom: 'qualified' } }, won: {} }))),
    ).toEqual([]);
    expect(
      checkStateRenames(
        set(workflow({ lead: { meta: { renamedFrom: 'gone' } } })),
        set(workflow({ lead: { meta: { renamedFrom: 'gone' } } })),
      ),
    ).toEqual([]);
    expect(checkStateRenames(set(), set(workflow({ lead: { meta: { renamedFrom: 'gone' } } })))).toEqual([]);
  });

  it('reports a renamedFrom naming no published state, a kept state, or one already renamed', () => {
    const after = set(
      workflow({
        lead: {},
        qualified: {},
        a: { meta: { renamedFrom: 'nothing' } },
        b: { meta: { renamedFrom: 'qualified' } },
        c: { meta: { renamedFrom: 'won' } },
        d: { meta: { renamedFrom: 'won' } },
      }),
    );
    expect(checkStateRenames(before, after, { 'workflow:sales': 'workflows/sales.workflow.json' })).toEqual([
      expect.objectContaining({
        file: 'workflows/sales.workflow.json',
        pointer: '/states/a/meta/renamedFrom',
        keyword: 'unknownState',
      }),
      expect.objectContaining({ pointer: '/states/b/meta/renamedFrom', keyword: 'renamedFromKept' }),
      expect.objectContaining({ pointer: '/states/d/meta/renamedFrom', keyword: 'duplicateRename' }),
    ]);
  });
});
