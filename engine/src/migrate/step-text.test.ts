import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { EntityDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { classifyStep } from './classify.js';
import type { StepDraft } from './plan.js';
import { stepNames } from './step-names.js';
import { describeSteps } from './step-text.js';

const customer = {
  $id: 'customer',
  title: 'Customer',
  'x-i18n': { title: { zh: '客户', en: 'Customer' } },
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string', 'x-i18n': { title: { zh: '客户名称', en: 'Name' } } },
    region: {
      type: 'string',
      enum: ['east', 'south'],
      'x-i18n': {
        title: { zh: '所属区域', en: 'Region' },
        enum: { east: { zh: '华东', en: 'East China' }, south: { zh: '华南', en: 'South China' } },
      },
    },
    fax: { type: 'string', title: 'Fax', 'x-i18n': { title: { zh: '传真', en: 'Fax' } } },
  },
} as unknown as EntityDefinition;

const sales = (withInterest: boolean) =>
  ({
    id: 'sales',
    initial: 'lead',
    meta: { entity: 'customer', title: { zh: '销售流程', en: 'Sales' } },
    states: {
      lead: { meta: { title: { zh: '线索', en: 'Lead' } } },
      ...(withInterest && { interest: { meta: { title: { zh: '有意向', en: 'Interest shown' } } } }),
      won: { type: 'final', meta: { title: { zh: '赢单', en: 'Won' } } },
    },
  }) as unknown as WorkflowDefinition;

const before: DefinitionSet = { entities: [customer], workflows: [sales(true)] };
const after: DefinitionSet = {
  entities: [{ ...customer, properties: { name: customer.properties.name!, region: customer.properties.region! } }],
  workflows: [sales(false)],
};
const names = stepNames(after, before);
const text = (draft: StepDraft) => describeSteps([classifyStep(draft)], names)[0]!;

describe('plan steps in both languages, by titles', () => {
  it('names entities, fields, choices and stages by their titles, also those only the old version has', () => {
    expect(text({ kind: 'dropColumn', table: 'customer', column: 'fax', rows: 3 })).toMatchObject({
      text: { en: 'remove the field “Fax” from “Customer”', zh: '从「客户」删除字段「传真」' },
      reasonText: {
        en: 'the values stored in “Fax” of “Customer” are lost (3 stored values)',
        zh: '「客户」的「传真」中已保存的值将丢失（3 个已保存的值）',
      },
    });
    expect(
      text({ kind: 'removeEnumValues', table: 'customer', column: 'region', values: ['south'], array: false, rows: 2 })
        .text,
    ).toEqual({
      en: 'remove the choices “South China” from “Region” of “Customer”',
      zh: '从「客户」的「所属区域」移除选项「华南」',
    });
    expect(
      text({
        kind: 'moveState',
        workflow: 'sales',
        table: 'customer',
        state: 'interest',
        to: 'won',
        initial: 'lead',
        rows: 1,
      }),
    ).toMatchObject({
      text: {
        en: 'remove the stage “Interest shown” of “Sales”; its records move to “Won”',
        zh: '删除流程「销售流程」的阶段「有意向」，其中的记录移到「赢单」',
      },
      reasonText: { zh: '新版本删除阶段「有意向」，其中的 1 条记录按指定移到「赢单」' },
    });
  });

  it('says nothing about uncounted rows (a diff between past versions counts none), never "0" or "an uncounted number"', () => {
    const dropped = text({ kind: 'dropColumn', table: 'customer', column: 'fax' });
    expect(dropped.reasonText).toEqual({
      en: 'the values stored in “Fax” of “Customer” are lost',
      zh: '「客户」的「传真」中已保存的值将丢失',
    });
    const moved = text({ kind: 'moveState', workflow: 'sales', table: 'customer', state: 'interest', initial: 'lead' });
    expect(moved.reasonText.zh).toBe('新版本删除阶段「有意向」，请选择其中的记录的去向（不选则移到初始阶段「线索」）');
    for (const words of [dropped.text, dropped.reasonText, moved.text, moved.reasonText])
      expect(`${words.en} ${words.zh}`).not.toMatch(/uncounted|not counted|\b0\b/);
  });

  it('words column types as field kinds, not SQL', () => {
    const added = text({
      kind: 'addColumn',
      table: 'customer',
      column: { name: 'code', type: { base: 'varchar', length: 40 }, nullable: true },
    });
    expect(added.text.zh).toBe('为「客户」添加字段「code」（文本，最多 40 字）');
    expect(added.text.en).not.toMatch(/varchar/);
  });
});
