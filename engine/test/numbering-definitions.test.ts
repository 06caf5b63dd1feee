import { describe, expect, it } from 'vitest';
import { validateDefinitionSet } from '../src/definitions/validate-definition-set.js';
import { workflowNumberingSet } from './support/numbering-definitions.js';

/** Workflow actions cannot write a number: the engine alone numbers records. */
describe('numbered fields in workflow actions', () => {
  it('accepts the set as it is', () => {
    expect(validateDefinitionSet(workflowNumberingSet())).toEqual([]);
  });

  it('refuses a setField or a createRecord value that writes a numbered field, on its pointer', () => {
    const set = workflowNumberingSet();
    const flow = set.workflows[0] as unknown as {
      states: { open: { on: Record<string, { target: string; actions: unknown[] }> } };
    };
    flow.states.open.on.RENUMBER = {
      target: 'open',
      actions: [
        { type: 'setField', params: { field: 'number', value: 'T-9999' } },
        { type: 'createRecord', params: { entity: 'followUp', values: { title: 'x', code: 'F-1' } } },
      ],
    };
    const issues = validateDefinitionSet(set).map(({ pointer, keyword, i18n }) => ({ pointer, keyword, zh: i18n?.zh }));
    expect(issues).toEqual([
      {
        pointer: '/states/open/on/RENUMBER/actions/0/params/field',
        keyword: 'readOnly',
        zh: expect.stringContaining('由系统自动编号'),
      },
      {
        pointer: '/states/open/on/RENUMBER/actions/1/params/values/code',
        keyword: 'readOnly',
        zh: expect.stringContaining('由系统自动编号'),
      },
    ]);
  });
});
