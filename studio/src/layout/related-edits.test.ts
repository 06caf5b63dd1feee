import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import {
  defaultRelatedColumns,
  moveRelated,
  relatedListsOf,
  relatedTitle,
  setRelatedColumns,
  setRelatedShown,
} from './related-edits';

const entity = (id: string, zh: string, properties: Record<string, unknown>) =>
  ({
    $id: id,
    type: 'object',
    title: id,
    'x-i18n': { title: { zh, en: id } },
    'x-entity': { titleField: 'name' },
    properties: { name: { type: 'string', 'x-i18n': { title: { zh: '名称', en: 'Name' } } }, ...properties },
  }) as unknown as EntityDefinition;
const link = (to: string, zh: string) => ({
  type: 'string',
  format: 'uuid',
  'x-relation': { entity: to },
  'x-i18n': { title: { zh, en: zh } },
});

const customer = () => entity('customer', '客户', {});
const contact = entity('contact', '联系人', { customer: link('customer', '客户'), phone: { type: 'string' } });
const deal = entity('deal', '商机', {
  customer: link('customer', '客户'),
  payer: link('customer', '付款方'),
  amount: { type: 'number', 'x-ui': { order: 1 } },
});
const entities = [customer(), contact, deal];

describe('related lists in the layout designer', () => {
  it('shows every entity pointing here by default, in the definitions’ order, naming a twice-linked one by its field', () => {
    const lists = relatedListsOf(customer(), entities);
    expect(lists.map((l) => [l.entity, l.via, l.shown])).toEqual([
      ['contact', 'customer', true],
      ['deal', 'customer', true],
      ['deal', 'payer', true],
    ]);
    expect(lists.map((l) => relatedTitle(l, lists, entities, 'zh'))).toEqual([
      '联系人',
      '商机（客户）',
      '商机（付款方）',
    ]);
  });

  it('writes x-ui.related on the first edit: hiding, reordering and choosing columns', () => {
    const c = customer();
    setRelatedShown(c, entities, 'deal.payer', false);
    expect(c['x-ui']!.related).toEqual([
      { entity: 'contact', via: 'customer' },
      { entity: 'deal', via: 'customer' },
    ]);
    moveRelated(c, entities, 'deal.customer', -1);
    expect(c['x-ui']!.related!.map((l) => l.entity)).toEqual(['deal', 'contact']);
    // The first shown list cannot go further up, and a hidden one is not moved among the shown.
    moveRelated(c, entities, 'deal.customer', -1);
    moveRelated(c, entities, 'deal.payer', -1);
    expect(c['x-ui']!.related!.map((l) => l.entity)).toEqual(['deal', 'contact']);
    setRelatedColumns(c, entities, 'deal.customer', ['name', 'amount', 'state']);
    expect(c['x-ui']!.related![0]).toEqual({ entity: 'deal', via: 'customer', columns: ['name', 'amount', 'state'] });
    setRelatedShown(c, entities, 'deal.payer', true);
    expect(relatedListsOf(c, entities).map((l) => `${l.entity}.${l.via}:${l.shown}`)).toEqual([
      'deal.customer:true',
      'contact.customer:true',
      'deal.payer:true',
    ]);
    setRelatedColumns(c, entities, 'deal.customer', undefined);
    expect(c['x-ui']!.related![0]).toEqual({ entity: 'deal', via: 'customer' });
  });

  it('repeats the runtime’s default columns: title, the first ordered fields but the link back, updated', () => {
    expect(defaultRelatedColumns(deal, 'customer')).toEqual(['name', 'amount', 'payer', 'updated_at']);
  });
});
