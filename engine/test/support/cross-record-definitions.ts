import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { EntityDefinition } from '../../src/definitions/entity.js';
import type { WorkflowDefinition } from '../../src/definitions/workflow.js';

/**
 * Actions across records (issue 15): payments that add to their customer's paid total (updateRecord), and
 * contracts that cancel their open orders (sendEvent).
 */
export const customer: EntityDefinition = {
  $id: 'customer',
  title: 'Customer',
  'x-i18n': { title: { zh: '客户', en: 'Customer' } },
  type: 'object',
  'x-entity': { titleField: 'name' },
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 200 },
    paidTotal: {
      type: 'number',
      title: 'Paid total',
      'x-i18n': { title: { zh: '累计回款', en: 'Paid total' } },
      'x-currency': 'CNY',
      maximum: 1000000,
    },
    lastPaidAt: { type: 'string', format: 'date-time', title: 'Last paid at' },
    lastPaidOn: { type: 'string', format: 'date', title: 'Last paid on' },
    note: { type: 'string', maxLength: 10, title: 'Note', 'x-i18n': { title: { zh: '备注', en: 'Note' } } },
    label: { type: 'string', 'x-formula': 'name & "!"' },
    payments: { type: 'integer', 'x-rollup': { from: 'payment', via: 'customer', op: 'count' } },
  },
};

const payment: EntityDefinition = {
  $id: 'payment',
  title: 'Payment',
  type: 'object',
  'x-entity': { titleField: 'label' },
  properties: {
    label: { type: 'string', maxLength: 200 },
    amount: { type: 'number', 'x-currency': 'CNY' },
    customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer' } },
  },
};

/** Customers stop taking payments when archived: the stage locks every field but the note. */
export const customerFlow: WorkflowDefinition = {
  id: 'customer-flow',
  initial: 'active',
  meta: { entity: 'customer' },
  states: {
    active: { on: { ARCHIVE: 'archived' } },
    archived: { meta: { title: { zh: '已归档', en: 'Archived' }, lock: { except: ['note'] } } },
  },
};

/** A receipt adds to its customer when it is created: updateRecord in its initial state's entry actions. */
const receipt: EntityDefinition = { ...payment, $id: 'receipt', title: 'Receipt' };

export const receiptFlow: WorkflowDefinition = {
  id: 'receipt-flow',
  initial: 'booked',
  meta: { entity: 'receipt' },
  states: {
    booked: {
      entry: [
        {
          type: 'updateRecord',
          params: { path: 'customer', set: { paidTotal: 'COALESCE(target.paidTotal, 0) + amount', note: '"收据"' } },
        },
      ],
    },
  },
};

const contract: EntityDefinition = {
  $id: 'contract',
  title: 'Contract',
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 200 } },
};

const order: EntityDefinition = {
  $id: 'order',
  title: 'Order',
  'x-i18n': { title: { zh: '订单', en: 'Order' } },
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string', maxLength: 200 },
    reference: { type: 'string', title: 'Reference' },
    contract: { type: 'string', format: 'uuid', 'x-relation': { entity: 'contract' } },
  },
};

const paid = (runAs?: 'engine') => ({
  type: 'updateRecord',
  params: {
    path: 'customer',
    set: { paidTotal: 'COALESCE(target.paidTotal, 0) + amount', lastPaidAt: 'NOW()', lastPaidOn: 'NOW()' },
    ...(runAs && { runAs }),
  },
});

export const paymentFlow: WorkflowDefinition = {
  id: 'payment-flow',
  initial: 'open',
  meta: { entity: 'payment' },
  states: {
    open: {
      on: {
        PAY: { target: 'paid', actions: [paid()] },
        SETTLE: { target: 'paid', actions: [paid('engine')] },
        // The note is the payment's label, which may be longer than the customer's note allows.
        NOTE: {
          target: 'open',
          actions: [{ type: 'updateRecord', params: { path: 'customer', set: { note: 'label' } } }],
        },
      },
    },
    paid: {},
  },
};

const cancelOrders = (required?: boolean) => ({
  type: 'sendEvent',
  params: {
    to: { entity: 'order', via: 'contract', where: 'state <> "cancelled"' },
    event: 'CANCEL',
    ...(required && { required }),
  },
});

export const contractFlow: WorkflowDefinition = {
  id: 'contract-flow',
  initial: 'active',
  meta: { entity: 'contract' },
  states: {
    active: {
      on: {
        CLOSE: { target: 'closed', actions: [cancelOrders()] },
        CLOSE_ALL: { target: 'closed', actions: [cancelOrders(true)] },
        // The orders' TOUCH writes back to this contract, whose own transition is still in progress.
        ARCHIVE: {
          target: 'closed',
          actions: [{ type: 'sendEvent', params: { to: { entity: 'order', via: 'contract' }, event: 'TOUCH' } }],
        },
      },
    },
    closed: {},
  },
};

export const orderFlow: WorkflowDefinition = {
  id: 'order-flow',
  initial: 'open',
  meta: { entity: 'order' },
  states: {
    open: {
      on: {
        CANCEL: { target: 'cancelled', guard: { type: 'requireFields', params: { fields: ['reference'] } } },
        TOUCH: {
          target: 'open',
          actions: [{ type: 'updateRecord', params: { path: 'contract', set: { name: 'target.name & "*"' } } }],
        },
      },
    },
    cancelled: {},
  },
};

/** A chain of `levels` entities, each pointing to the next by `parent`; GO on one sends GO to its parent. */
export function chain(levels: number): { entities: EntityDefinition[]; workflows: WorkflowDefinition[] } {
  const entities: EntityDefinition[] = [];
  const workflows: WorkflowDefinition[] = [];
  for (let i = 1; i <= levels; i++) {
    entities.push({
      $id: `level${i}`,
      title: `Level ${i}`,
      type: 'object',
      'x-entity': { titleField: 'name' },
      properties: {
        name: { type: 'string' },
        ...(i < levels && { parent: { type: 'string', format: 'uuid', 'x-relation': { entity: `level${i + 1}` } } }),
      },
    });
    const send = { type: 'sendEvent', params: { to: { path: 'parent' }, event: 'GO', required: true } };
    workflows.push({
      id: `level${i}-flow`,
      initial: 'waiting',
      meta: { entity: `level${i}` },
      states: { waiting: { on: { GO: { target: 'gone', ...(i < levels && { actions: [send] }) } } }, gone: {} },
    });
  }
  return { entities, workflows };
}

export const roles = {
  roles: {
    admin: { title: 'Administrator', entities: { '*': { read: 'all', create: 'all', update: 'all', delete: 'all' } } },
    clerk: {
      title: { en: 'Clerk', zh: '出纳' },
      entities: {
        payment: { read: 'all', create: 'all', update: 'all' },
        customer: { read: 'all' },
      },
    },
  },
};

/** Everything above, with a chain of 7 levels (deeper than events may go). */
export function crossRecordSet(): DefinitionSet {
  const levels = chain(7);
  return {
    entities: [customer, payment, receipt, contract, order, ...levels.entities],
    workflows: [customerFlow, paymentFlow, receiptFlow, contractFlow, orderFlow, ...levels.workflows],
    roles: roles as DefinitionSet['roles'],
  };
}
