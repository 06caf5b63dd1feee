import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { WorkflowDefinition } from '../../src/definitions/workflow.js';

/**
 * A payment that is overdue at 09:00 the day after its due date (company time zone, Asia/Shanghai), unless
 * it is paid first; once overdue, collection has two business days before its SLA breaks.
 */
export const PAYMENT_WORKFLOW: WorkflowDefinition = {
  id: 'payment-collection',
  initial: 'open',
  meta: { entity: 'payment' },
  states: {
    open: {
      meta: { title: { zh: '待收款', en: 'Open' } },
      after: { 'after dueDate P1D 09:00': 'overdue' },
      on: {
        PAY: 'paid',
        // Stays open and moves the due date: the timer on it moves in the same statement.
        EXTEND: { actions: [{ type: 'setField', params: { field: 'dueDate', value: '2027-09-30' } }] },
      },
    },
    overdue: {
      meta: { title: { zh: '已逾期', en: 'Overdue' }, sla: '2 business days' },
      on: { PAY: 'paid' },
    },
    paid: { type: 'final', meta: { title: { zh: '已收款', en: 'Paid' } } },
  },
} as WorkflowDefinition;

export const DATE_TIMER_DEFINITIONS: DefinitionSet = {
  entities: [
    {
      $id: 'payment',
      title: 'Payment',
      type: 'object',
      'x-i18n': { title: { zh: '回款', en: 'Payment' } },
      'x-entity': { titleField: 'title' },
      properties: {
        title: { type: 'string', maxLength: 100 },
        amount: { type: 'number', 'x-currency': 'CNY' },
        dueDate: { type: 'string', format: 'date', 'x-i18n': { title: { zh: '应收日期', en: 'Due date' } } },
        promisedAt: { type: 'string', format: 'date-time' },
        note: { type: 'string', maxLength: 200, 'x-i18n': { title: { zh: '备注', en: 'Note' } } },
      },
      required: ['title'],
      // A patch setting a field a rule reads takes the read-validate-write path (blind-patch.ts).
      'x-rules': [{ check: 'amount >= 0', field: 'amount' }],
    },
  ],
  workflows: [PAYMENT_WORKFLOW],
};
