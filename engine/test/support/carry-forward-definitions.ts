import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { EntityDefinition, FieldDefinition } from '../../src/definitions/entity.js';
import type { WorkflowDefinition } from '../../src/definitions/workflow.js';

/*
 * Records carried forward by workflow actions: an approved quote becomes an order with its lines
 * (createRecord with owner, copy, lines, linkBack, storeIdIn), and a lead converts into a customer,
 * a contact and an opportunity (convert). Titles in both languages, as refusals quote them.
 */

const text = (zh: string, en: string, more: Partial<FieldDefinition> = {}): FieldDefinition => ({
  type: 'string',
  maxLength: 200,
  title: en,
  'x-i18n': { title: { zh, en } },
  ...more,
});
const link = (entity: string, zh: string, en: string, more: Record<string, unknown> = {}): FieldDefinition => ({
  type: 'string',
  format: 'uuid',
  title: en,
  'x-i18n': { title: { zh, en } },
  'x-relation': { entity, onDelete: 'setNull', ...more } as FieldDefinition['x-relation'],
});
const money = (zh: string, en: string, more: Partial<FieldDefinition> = {}): FieldDefinition => ({
  type: 'number',
  title: en,
  'x-currency': 'CNY',
  'x-i18n': { title: { zh, en } },
  ...more,
});
const entity = (
  id: string,
  zh: string,
  en: string,
  properties: Record<string, FieldDefinition>,
  more: Partial<EntityDefinition> = {},
): EntityDefinition => ({
  $id: id,
  title: en,
  type: 'object',
  'x-i18n': { title: { zh, en } },
  'x-entity': { titleField: 'name' },
  properties,
  ...more,
});

const lineFields = (parent: string): Record<string, FieldDefinition> => ({
  product: text('产品', 'Product', { maxLength: 100, minLength: 1 }),
  // An order line takes at most 999 of a product, a quote line any number: a copy can fail on a line.
  quantity: {
    type: 'integer',
    minimum: 1,
    ...(parent === 'order' && { maximum: 999 }),
    title: 'Quantity',
    'x-i18n': { title: { zh: '数量', en: 'Quantity' } },
  },
  unitPrice: money('单价', 'Unit price', { minimum: 0 }),
  discount: { type: 'number', minimum: 0, maximum: 1, title: 'Discount' },
  amount: money('金额', 'Amount', { 'x-formula': 'quantity * unitPrice * (1 - discount)' }),
  position: { type: 'integer' },
  [parent]: {
    ...link(parent, parent === 'quote' ? '报价' : '订单', parent),
    'x-relation': { entity: parent, onDelete: 'cascade', items: 'lines', itemOrder: 'position' },
  },
});

const rollups = (child: string, via: string): Record<string, FieldDefinition> => ({
  total: money('合计', 'Total', { 'x-rollup': { from: child, via, op: 'sum', field: 'amount' } }),
  lineCount: { type: 'integer', title: 'Lines', 'x-rollup': { from: child, via, op: 'count' } },
});

export const ENTITIES: EntityDefinition[] = [
  entity(
    'quote',
    '报价',
    'Quote',
    {
      name: text('名称', 'Name'),
      salesRep: {
        type: 'string',
        format: 'uuid',
        'x-user': true,
        'x-i18n': { title: { zh: '销售代表', en: 'Sales rep' } },
      },
      order: link('order', '订单', 'Order'),
      ...rollups('quoteLine', 'quote'),
    },
    { required: ['name'] },
  ),
  entity('quoteLine', '报价明细', 'Quote line', lineFields('quote'), {
    'x-entity': { titleField: 'product' },
    required: ['product', 'quantity', 'unitPrice'],
  }),
  entity(
    'order',
    '订单',
    'Order',
    {
      name: text('名称', 'Name'),
      quote: link('quote', '来源报价', 'Quote'),
      ...rollups('orderLine', 'order'),
    },
    {
      'x-entity': {
        titleField: 'name',
        recordTypes: { standard: { title: { zh: '标准订单', en: 'Standard' } }, rush: { title: 'Rush' } },
      },
      required: ['name'],
    },
  ),
  entity('orderLine', '订单明细', 'Order line', lineFields('order'), {
    'x-entity': { titleField: 'product' },
    required: ['product', 'quantity', 'unitPrice'],
  }),
  entity(
    'customer',
    '客户',
    'Customer',
    {
      name: text('客户名称', 'Name', { minLength: 1 }),
      creditCode: text('统一社会信用代码', 'Credit code', { maxLength: 18 }),
      phone: text('电话', 'Phone', { maxLength: 40 }),
    },
    {
      'x-entity': {
        titleField: 'name',
        recordTypes: { company: { title: { zh: '企业', en: 'Company' } }, agency: { title: 'Agency' } },
        unique: [{ fields: ['creditCode'], normalize: ['trim', 'case', 'width', 'spaces'] }],
        duplicates: { match: ['name', 'creditCode', 'phone'], reveal: 'owner' },
      },
      required: ['name'],
    },
  ),
  entity(
    'contact',
    '联系人',
    'Contact',
    {
      name: text('姓名', 'Name', { minLength: 1 }),
      phone: text('手机', 'Mobile', { maxLength: 40 }),
      customer: link('customer', '客户', 'Customer'),
    },
    { required: ['name', 'customer'] },
  ),
  entity(
    'opportunity',
    '商机',
    'Opportunity',
    {
      name: text('商机名称', 'Name', { minLength: 1 }),
      amount: money('预计金额', 'Amount', { minimum: 0 }),
      customer: link('customer', '客户', 'Customer'),
      contact: link('contact', '联系人', 'Contact'),
    },
    { required: ['name', 'customer'] },
  ),
  entity('lead', '线索', 'Lead', {
    name: text('姓名', 'Name'),
    company: text('公司', 'Company'),
    creditCode: text('统一社会信用代码', 'Credit code', { maxLength: 18 }),
    phone: text('手机', 'Mobile', { maxLength: 40 }),
    budget: money('预算', 'Budget'),
    convertedCustomer: link('customer', '转化的客户', 'Converted customer'),
    convertedContact: link('contact', '转化的联系人', 'Converted contact'),
    convertedOpportunity: link('opportunity', '转化的商机', 'Converted opportunity'),
  }),
];

/** quote → order: the order takes the quote's name, the sales rep as owner, the lines, and points back. */
export const TO_ORDER = {
  type: 'createRecord',
  params: {
    entity: 'order',
    recordType: 'standard',
    copy: ['name'],
    owner: { userField: 'salesRep' },
    lines: [{ from: 'lines', to: 'lines', copy: ['product', 'quantity', 'unitPrice', 'discount'] }],
    linkBack: 'quote',
    storeIdIn: 'order',
  },
};

/** Lead fields into customer, contact and opportunity; entities, links and storeIn fields by default. */
export const CONVERT = {
  type: 'convert',
  params: {
    customer: { recordType: 'company', copy: { name: 'company', creditCode: 'creditCode' } },
    contact: { copy: ['name', 'phone'] },
    opportunity: { copy: { name: 'company', amount: 'budget' }, contactLink: 'contact' },
  },
};

export const WORKFLOWS: WorkflowDefinition[] = [
  {
    id: 'quote-flow',
    initial: 'draft',
    meta: { entity: 'quote', title: { zh: '报价', en: 'Quote' } },
    states: {
      draft: {
        on: {
          APPROVE: { target: 'approved', actions: [TO_ORDER] },
          // An order owned by the next sales user in turn, without lines, the quote staying a draft.
          SPLIT: {
            target: 'draft',
            actions: [
              {
                type: 'createRecord',
                params: {
                  entity: 'order',
                  recordType: 'rush',
                  copy: ['name'],
                  owner: { roundRobinRole: 'sales' },
                  linkBack: 'quote',
                },
              },
            ],
          },
          // An order under the sender's own create rights (runAs actor), owned by the sender.
          CLONE: {
            target: 'draft',
            actions: [
              {
                type: 'createRecord',
                params: { entity: 'order', recordType: 'rush', copy: ['name'], linkBack: 'quote', runAs: 'actor' },
              },
            ],
          },
        },
      },
      approved: { type: 'final', meta: { lock: true } },
    },
  },
  {
    id: 'lead-flow',
    initial: 'open',
    meta: { entity: 'lead', title: { zh: '线索', en: 'Lead' } },
    states: {
      open: { on: { CONVERT: { target: 'converted', actions: [CONVERT] } } },
      // A converted lead may be reopened, so a second CONVERT reaches the action, which refuses it.
      converted: { on: { REOPEN: { target: 'open' } } },
    },
  },
];

const all = { read: 'all', create: 'all', update: 'all', delete: 'all' } as const;

export function crossRecordSet(): DefinitionSet {
  return {
    entities: ENTITIES,
    workflows: WORKFLOWS,
    roles: {
      roles: {
        sales: {
          title: { zh: '销售', en: 'Sales' },
          entities: Object.fromEntries(ENTITIES.map((e) => [e.$id, all])),
        },
        // Works quotes but only reads orders: an action run as the actor cannot create one for them.
        clerk: {
          title: { zh: '文员', en: 'Clerk' },
          entities: { quote: all, quoteLine: all, order: { read: 'all' } },
        },
        // Converts leads but sees only the customers they own.
        rep: {
          title: { zh: '客户代表', en: 'Account rep' },
          entities: {
            lead: all,
            contact: all,
            opportunity: all,
            customer: { read: 'own', create: 'own', update: 'own' },
          },
        },
      },
    },
  };
}
