import { describe, expect, it } from 'vitest';
import { validateDefinitionSet } from '../../definitions/validate-definition-set.js';
import type { WorkflowDefinition } from '../../definitions/workflow.js';
import { CONVERT, TO_ORDER, crossRecordSet } from '../../../test/support/carry-forward-definitions.js';
import { planAction, type ActionContext } from './index.js';

const ctx: ActionContext = {
  record: { id: 'q1', name: 'Big quote', salesRep: 'u9', owner_id: 'u2', company: 'ACME', budget: 5, phone: null },
  actor: { id: 'u1', roles: ['sales'] },
  event: 'APPROVE',
  now: '2026-12-07T10:00:00.000Z',
};

describe('plans', () => {
  it('createRecord carries the quote forward: copied values, record type, link back, owner, lines, storeIdIn', () => {
    expect(planAction(TO_ORDER, ctx)).toEqual({
      kind: 'createRecord',
      phase: 'inTransaction',
      entity: 'order',
      values: { name: 'Big quote', record_type: 'standard', quote: 'q1' },
      owner: { userId: 'u9', field: 'salesRep' },
      lines: [
        {
          from: 'lines',
          to: 'lines',
          fields: { product: 'product', quantity: 'quantity', unitPrice: 'unitPrice', discount: 'discount' },
        },
      ],
      storeIdIn: 'order',
    });
  });

  it('createRecord owners: the actor, the source owner, a rotation; a blank source is left out', () => {
    const plan = (owner: unknown) =>
      planAction({ type: 'createRecord', params: { entity: 'x', copy: { a: 'phone' }, owner } }, ctx);
    expect(plan('actor')).toMatchObject({ owner: { userId: 'u1' }, values: {} });
    expect(plan('source')).toMatchObject({ owner: { userId: 'u2', field: 'owner_id' } });
    expect(plan({ roundRobinRole: 'sales' })).toMatchObject({ owner: { roundRobinRole: 'sales' } });
  });

  it('convert plans the three records with defaults for entities, links and the fields that keep them', () => {
    expect(planAction({ ...CONVERT, params: { ...CONVERT.params, reuse: 'unique' } }, ctx)).toEqual({
      kind: 'convert',
      phase: 'inTransaction',
      reuse: 'unique',
      customer: {
        entity: 'customer',
        values: { name: 'ACME', record_type: 'company' },
        storeIn: 'convertedCustomer',
      },
      contact: { entity: 'contact', values: { name: 'Big quote' }, storeIn: 'convertedContact', link: 'customer' },
      opportunity: {
        entity: 'opportunity',
        values: { name: 'ACME', amount: 5 },
        storeIn: 'convertedOpportunity',
        link: 'customer',
        contactLink: 'contact',
      },
    });
    expect(planAction({ type: 'convert', params: { contact: false, opportunity: false } }, ctx)).toEqual({
      kind: 'convert',
      phase: 'inTransaction',
      reuse: 'same',
      customer: { entity: 'customer', values: {}, storeIn: 'convertedCustomer' },
    });
  });
});

describe('publish-time checks', () => {
  const withActions = (workflow: string, event: string, actions: unknown[]) => {
    const set = crossRecordSet();
    set.workflows = set.workflows.map((w): WorkflowDefinition => {
      if (w.id !== workflow) return w;
      const states = structuredClone(w.states);
      const on = Object.values(states).find((s) => s.on?.[event])!.on!;
      on[event] = { ...(on[event] as object), actions } as never;
      return { ...w, states };
    });
    return validateDefinitionSet(set).map(({ pointer, keyword, i18n }) => ({ pointer, keyword, zh: i18n?.zh }));
  };
  const order = (params: Record<string, unknown>) =>
    withActions('quote-flow', 'APPROVE', [
      { type: 'createRecord', params: defined({ ...TO_ORDER.params, ...params }) },
    ]);
  const at = '/states/draft/on/APPROVE/actions/0/params';

  it('accepts the test definitions', () => {
    expect(validateDefinitionSet(crossRecordSet())).toEqual([]);
  });

  it('names a missing record type, an unknown copied field and a copy into a computed field', () => {
    expect(order({ recordType: undefined })).toEqual([
      expect.objectContaining({ pointer: `${at}`, keyword: 'required' }),
    ]);
    expect(order({ copy: { name: 'title' } })).toEqual([
      { pointer: `${at}/copy/name`, keyword: 'unknownField', zh: '“title”不是报价的字段' },
    ]);
    expect(order({ copy: ['name', 'total'] })).toEqual([
      expect.objectContaining({ pointer: `${at}/copy/1`, keyword: 'readOnly' }),
    ]);
  });

  it('refuses kinds that do not fit, and a relation to another entity', () => {
    expect(order({ copy: { name: 'lineCount' } })).toEqual([
      {
        pointer: `${at}/copy/name`,
        keyword: 'fieldKind',
        zh: '报价的“Lines”（整数）不能复制到订单的“名称”（文本）',
      },
    ]);
    // The copy writes the field linkBack writes, from a user field: given twice, and of the wrong kind.
    expect(order({ copy: { name: 'name', quote: 'salesRep' } })).toEqual([
      expect.objectContaining({ pointer: `${at}/linkBack`, keyword: 'duplicate' }),
      {
        pointer: `${at}/copy/quote`,
        keyword: 'fieldKind',
        zh: '报价的“销售代表”（用户）不能复制到订单的“来源报价”（关联）',
      },
    ]);
    expect(order({ copy: ['name'], linkBack: undefined, storeIdIn: undefined, values: { quote: null } })).toEqual([]);
    const wrong = order({ copy: { name: 'name', total: 'name' } });
    expect(wrong).toContainEqual(expect.objectContaining({ pointer: `${at}/copy/total`, keyword: 'readOnly' }));
  });

  it('checks linkBack, storeIdIn and the owner field by their relations', () => {
    expect(order({ linkBack: 'name', storeIdIn: 'salesRep', owner: { userField: 'name' } })).toEqual([
      expect.objectContaining({ pointer: `${at}/linkBack`, keyword: 'duplicate' }),
      {
        pointer: `${at}/owner/userField`,
        keyword: 'fieldKind',
        zh: '报价的“名称”不是用户字段：负责人必须是用户',
      },
      {
        pointer: `${at}/linkBack`,
        keyword: 'fieldKind',
        zh: '订单的“名称”必须是指向报价的多对一关联：它用于把新记录关联回创建它的记录',
      },
      expect.objectContaining({ pointer: `${at}/storeIdIn`, keyword: 'fieldKind' }),
    ]);
  });

  it('checks the line lists and their field mapping', () => {
    const lines = (l: Record<string, unknown>) =>
      order({ lines: [{ from: 'lines', to: 'lines', copy: ['product'], ...l }] });
    expect(lines({ from: 'items' })).toEqual([
      { pointer: `${at}/lines/0/from`, keyword: 'items', zh: '报价没有名为“items”的明细' },
    ]);
    expect(lines({ copy: ['product'] })).toEqual([
      expect.objectContaining({
        pointer: `${at}/lines/0/copy`,
        keyword: 'required',
        zh: expect.stringContaining('“数量”'),
      }),
    ]);
    expect(lines({ copy: ['product', 'quantity', 'unitPrice', 'amount'] })).toEqual([
      expect.objectContaining({ pointer: `${at}/lines/0/copy/3`, keyword: 'readOnly' }),
    ]);
    expect(lines({ copy: { product: 'product', quantity: 'product', unitPrice: 'unitPrice' } })).toEqual([
      {
        pointer: `${at}/lines/0/copy/quantity`,
        keyword: 'fieldKind',
        zh: '报价明细的“产品”（文本）不能复制到订单明细的“数量”（整数）',
      },
    ]);
  });

  it('checks convert: entities, record types, the fields that keep the result, links', () => {
    const convert = (params: Record<string, unknown>) =>
      withActions('lead-flow', 'CONVERT', [{ type: 'convert', params: defined({ ...CONVERT.params, ...params }) }]);
    const cat = '/states/open/on/CONVERT/actions/0/params';
    expect(convert({ customer: { copy: { name: 'company' } } })).toEqual([
      expect.objectContaining({ pointer: `${cat}/customer`, keyword: 'required' }),
    ]);
    expect(convert({ contact: { copy: ['name'], storeIn: 'company' } })).toEqual([
      expect.objectContaining({ pointer: `${cat}/contact/storeIn`, keyword: 'fieldKind' }),
    ]);
    expect(convert({ contact: { entity: 'person' } })).toContainEqual(
      expect.objectContaining({ pointer: `${cat}/contact/entity`, keyword: 'unknownEntity' }),
    );
    expect(convert({ opportunity: { copy: ['name'], link: 'contact' } })).toEqual([
      { pointer: `${cat}/opportunity`, keyword: 'required', zh: '新建的商机缺少必填字段：“客户”' },
      expect.objectContaining({ pointer: `${cat}/opportunity/link`, keyword: 'fieldKind' }),
    ]);
    // Without contact the opportunity cannot link one.
    expect(convert({ contact: false })).toEqual([
      expect.objectContaining({ pointer: `${cat}/opportunity/contactLink`, keyword: 'required' }),
    ]);
  });
});

function defined(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}
