import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { EntityDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { diffDefinitionSets } from './diff-definitions.js';
import { planBetween } from './plan-between.js';

const customer = {
  $id: 'customer',
  title: 'Customer',
  'x-i18n': { title: { zh: '客户', en: 'Customer' } },
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string', 'x-i18n': { title: { zh: '客户名称', en: 'Name' } } },
    fax: { type: 'string', 'x-i18n': { title: { zh: '传真', en: 'Fax' } } },
  },
} as unknown as EntityDefinition;
const sales = {
  id: 'sales',
  initial: 'lead',
  meta: { entity: 'customer', title: { zh: '销售流程', en: 'Sales' } },
  states: {
    lead: {
      meta: { title: { zh: '线索', en: 'Lead' } },
      on: { SHOW_INTEREST: { target: 'interest', meta: { title: { zh: '表示兴趣', en: 'Show interest' } } } },
    },
    interest: { meta: { title: { zh: '有意向', en: 'Interest shown' } } },
  },
} as unknown as WorkflowDefinition;
const before: DefinitionSet = {
  entities: [customer],
  workflows: [sales],
  roles: { roles: { sales: { title: { zh: '销售代表', en: 'Salesperson' }, entities: {} } } },
};
const after: DefinitionSet = {
  entities: [
    {
      ...customer,
      properties: {
        name: customer.properties.name!,
        region: { type: 'string', 'x-i18n': { title: { zh: '所属区域', en: 'Region' } } },
      },
    } as EntityDefinition,
  ],
  workflows: [{ ...sales, states: { lead: { meta: sales.states.lead!.meta! } } } as WorkflowDefinition],
  roles: { roles: {} },
};

describe('version diff lines by title', () => {
  const diff = diffDefinitionSets(before, after);

  it('gives every listed name its title in both languages, from the version that has it', () => {
    expect(diff.entities.titles).toEqual({ customer: { en: 'Customer', zh: '客户' } });
    const fields = diff.entities.changed[0]!.fields;
    expect(fields.titles).toEqual({ region: { en: 'Region', zh: '所属区域' }, fax: { en: 'Fax', zh: '传真' } });
    const workflow = diff.workflows.changed[0]!;
    expect(workflow.states.titles).toEqual({ interest: { en: 'Interest shown', zh: '有意向' } });
    expect(workflow.transitions.titles).toEqual({
      'lead.SHOW_INTEREST': { en: 'Lead: Show interest', zh: '线索：表示兴趣' },
    });
    expect(diff.roles.titles).toEqual({ sales: { en: 'Salesperson', zh: '销售代表' } });
  });

  it('words the steps between two versions by title, with no count it does not know', () => {
    const steps = planBetween(before, after);
    const drop = steps.find((s) => s.kind === 'dropColumn')!;
    expect(drop.text).toEqual({ en: 'remove the field “Fax” from “Customer”', zh: '从「客户」删除字段「传真」' });
    expect(drop.reasonText).toEqual({
      en: 'the values stored in “Fax” of “Customer” are lost',
      zh: '「客户」的「传真」中已保存的值将丢失',
    });
    expect(drop.reason).not.toMatch(/uncounted/);
    const move = steps.find((s) => s.kind === 'moveState')!;
    expect(move.text?.zh).toBe('删除流程「销售流程」的阶段「有意向」');
    expect(`${move.reasonText?.en} ${move.reasonText?.zh}`).not.toMatch(/not counted|\b0\b/);
  });
});
