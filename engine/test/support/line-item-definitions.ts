import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { EntityDefinition } from '../../src/definitions/entity.js';
import type { WorkflowDefinition } from '../../src/definitions/workflow.js';

/**
 * A quote and its lines: quoteLine.quote declares the lines (`items: "lines"`, ordered by `position`), a
 * line's amount is a formula, the quote's total and line count are roll-ups of the lines. The clerk may
 * change quotes but only read lines.
 */
export function quoteSet(options: { workflow?: boolean } = {}): DefinitionSet {
  const quote: EntityDefinition = {
    $id: 'quote',
    title: 'Quote',
    type: 'object',
    'x-entity': { titleField: 'name' },
    required: ['name'],
    properties: {
      name: { type: 'string', title: 'Name', maxLength: 200 },
      total: {
        type: 'number',
        title: 'Total',
        'x-currency': 'CNY',
        'x-rollup': { from: 'quoteLine', via: 'quote', op: 'sum', field: 'amount' },
      },
      lineCount: { type: 'integer', title: 'Line count', 'x-rollup': { from: 'quoteLine', via: 'quote', op: 'count' } },
    },
  };
  const quoteLine: EntityDefinition = {
    $id: 'quoteLine',
    title: 'Quote line',
    type: 'object',
    'x-entity': { titleField: 'product' },
    required: ['product', 'quantity', 'unitPrice'],
    properties: {
      product: { type: 'string', title: 'Product', minLength: 1, maxLength: 200 },
      quantity: { type: 'integer', title: 'Quantity', minimum: 1 },
      unitPrice: { type: 'number', title: 'Unit price', minimum: 0, 'x-currency': 'CNY', 'x-scale': 4 },
      amount: { type: 'number', title: 'Amount', 'x-currency': 'CNY', 'x-formula': 'quantity * unitPrice' },
      position: { type: 'integer' },
      quote: {
        type: 'string',
        format: 'uuid',
        'x-relation': { entity: 'quote', onDelete: 'cascade', items: 'lines', itemOrder: 'position' },
      },
    },
  };
  const all = { read: 'all', create: 'all', update: 'all', delete: 'all' } as const;
  return {
    entities: [quote, quoteLine],
    workflows: options.workflow ? [APPROVAL] : [],
    roles: {
      roles: {
        seller: { title: { en: 'Seller', zh: '销售' }, entities: { quote: all, quoteLine: all } },
        clerk: { title: { en: 'Clerk', zh: '文员' }, entities: { quote: all, quoteLine: { read: 'all' } } },
        // Names only the quote: its lines follow the quote's scope.
        assistant: {
          title: { en: 'Assistant', zh: '助理' },
          entities: { quote: { read: 'own', create: 'own', update: 'own' } },
        },
      },
    },
  };
}

/** With `workflow`: a quote is a draft until approved (locked except its name) or in review (locked except its lines). */
const APPROVAL: WorkflowDefinition = {
  id: 'quote-approval',
  initial: 'draft',
  meta: { entity: 'quote', title: { zh: '报价审批', en: 'Quote approval' } },
  states: {
    draft: {
      meta: { title: { zh: '草稿', en: 'Draft' } },
      on: {
        APPROVE: { target: 'approved', meta: { title: { zh: '审批通过', en: 'Approve' } } },
        REVIEW: { target: 'review', meta: { title: { zh: '送审', en: 'Review' } } },
      },
    },
    // Under review only the lines may change.
    review: { meta: { title: { zh: '审核中', en: 'In review' }, lock: { except: ['lines'] } } },
    approved: { type: 'final', meta: { title: { zh: '已审批', en: 'Approved' }, lock: { except: ['name'] } } },
  },
};
