import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { EntityDefinition } from '../../src/definitions/entity.js';
import type { WorkflowDefinition } from '../../src/definitions/workflow.js';

/**
 * Customers with payment roll-ups, RFM fields a nightly schedule recomputes in SQL, and a sweep that sends
 * customers not followed up for 30 days back to the public pool (公海); the sweep's guard needs a region.
 */
export function scheduleSet(): DefinitionSet {
  const customer: EntityDefinition = {
    $id: 'customer',
    title: 'Customer',
    type: 'object',
    'x-entity': { titleField: 'name' },
    required: ['name'],
    properties: {
      name: { type: 'string', maxLength: 200 },
      region: { type: 'string', maxLength: 50 },
      lastFollowUpAt: { type: 'string', format: 'date' },
      paymentCount: { type: 'integer', 'x-rollup': { from: 'payment', via: 'customer', op: 'count' } },
      paidTotal: {
        type: 'number',
        'x-currency': 'CNY',
        'x-rollup': { from: 'payment', via: 'customer', op: 'sum', field: 'amount' },
      },
      lastPaidOn: {
        type: 'string',
        format: 'date',
        'x-rollup': { from: 'payment', via: 'customer', op: 'max', field: 'paidOn' },
      },
      recency: { type: 'integer', readOnly: true },
      monetary: { type: 'number', 'x-currency': 'CNY', readOnly: true },
      rfmClass: { type: 'string', enum: ['A', 'B', 'C'], readOnly: true },
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
      paidOn: { type: 'string', format: 'date' },
      customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer', onDelete: 'cascade' } },
    },
  };
  const workflow: WorkflowDefinition = {
    id: 'customer-life',
    initial: 'active',
    meta: {
      entity: 'customer',
      title: { en: 'Customer life', zh: '客户生命周期' },
      schedules: [
        {
          id: 'rfm',
          title: { en: 'Recompute RFM', zh: '重算 RFM' },
          cron: '0 2 * * *',
          timeZone: 'Asia/Shanghai',
          where: 'paymentCount > 0',
          set: {
            recency: 'DATEDIF(lastPaidOn, TODAY(), "d")',
            monetary: 'paidTotal',
            rfmClass: 'IF(paidTotal >= 1000, "A", IF(paidTotal >= 100, "B", "C"))',
          },
        },
        {
          id: 'toPool',
          title: { en: 'Return idle customers to the pool', zh: '超期未跟进客户退回公海' },
          cron: '0 3 * * *',
          where: 'DATEDIF(lastFollowUpAt, TODAY(), "d") >= 30',
          event: 'RETURN_TO_POOL',
        },
        {
          id: 'weekly',
          title: { en: 'Weekly customer report', zh: '每周客户报告' },
          cron: '0 8 * * 1',
          notify: { role: 'manager' },
        },
      ],
    },
    states: {
      active: {
        meta: { title: { en: 'Active', zh: '跟进中' } },
        on: {
          RETURN_TO_POOL: { target: 'pool', guard: { type: 'requireFields', params: { fields: ['region'] } } },
        },
      },
      pool: { meta: { title: { en: 'Public pool', zh: '公海' } }, on: { CLAIM: 'active' } },
    },
  };
  return { entities: [customer, payment], workflows: [workflow] };
}
