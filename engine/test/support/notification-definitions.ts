import type { DefinitionSet } from '../../src/definitions/definition-set.js';

/**
 * Payments whose workflow notifies: OVERDUE tells finance, the collector (a user field), the owner's manager
 * and the owner in-app only; TEAM tells org units; REMIND uses the older string form (and mails); ESCALATE is
 * refused by its guard and SCRIBBLE fails after planning its notify.
 */
export const NOTIFY = {
  type: 'notify',
  params: {
    to: [{ role: 'finance' }, { field: 'collector' }, 'owner.manager', 'owner'],
    title: { zh: '付款逾期：{{customer}} {{amount}}', en: 'Payment overdue: {{customer}} {{amount}}' },
    body: {
      zh: '{{channel}}，到期日 {{dueDate}}，催收人 {{collector}}，状态 {{state}}',
      en: '{{channel}}, due {{dueDate}}, collector {{collector}}, stage {{state}}',
    },
    mail: false,
  },
};

export const NOTIFY_DEFINITIONS: DefinitionSet = {
  entities: [
    {
      $id: 'customer',
      title: 'Customer',
      type: 'object',
      'x-i18n': { title: { zh: '客户', en: 'Customer' } },
      'x-entity': { titleField: 'name' },
      properties: { name: { type: 'string', maxLength: 100 } },
      required: ['name'],
    },
    {
      $id: 'payment',
      title: 'Payment',
      type: 'object',
      'x-i18n': { title: { zh: '回款', en: 'Payment' } },
      'x-entity': { titleField: 'title' },
      properties: {
        title: { type: 'string', maxLength: 100 },
        customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer' } },
        amount: { type: 'number', minimum: 0, 'x-currency': 'CNY' },
        dueDate: { type: 'string', format: 'date' },
        channel: {
          type: 'string',
          enum: ['bank', 'cash'],
          'x-i18n': { enum: { bank: { zh: '银行转账', en: 'Bank transfer' }, cash: { zh: '现金', en: 'Cash' } } },
        },
        collector: { type: 'string', format: 'uuid', 'x-user': true },
        note: { type: 'string', maxLength: 5 },
      },
      required: ['title'],
    },
    {
      $id: 'reminder',
      title: 'Reminder',
      type: 'object',
      'x-i18n': { title: { zh: '催款提醒', en: 'Reminder' } },
      'x-entity': { titleField: 'title' },
      properties: { title: { type: 'string', maxLength: 100 } },
      required: ['title'],
    },
  ],
  workflows: [
    {
      id: 'payment-flow',
      initial: 'open',
      meta: { entity: 'payment', title: { zh: '回款', en: 'Payments' } },
      states: {
        open: {
          meta: { title: { zh: '待回款', en: 'Open' } },
          on: {
            OVERDUE: { target: 'overdue', actions: [NOTIFY] },
            TEAM: {
              target: 'overdue',
              actions: [
                {
                  type: 'notify',
                  params: { to: [{ orgUnit: '华东大区', subUnits: true }, { orgUnit: '财务部' }], title: '{{title}}' },
                },
              ],
            },
            REMIND: {
              target: 'overdue',
              actions: [{ type: 'notify', params: { to: 'owner', subject: 'Please follow up' } }],
            },
            // Mails too: each person in the language they read.
            NOTICE: {
              target: 'overdue',
              actions: [
                {
                  type: 'notify',
                  params: {
                    to: ['owner', 'owner.manager', 'boss@example.com'],
                    title: { zh: '请跟进：{{title}}', en: 'Please follow up: {{title}}' },
                    body: { zh: '金额 {{amount}}', en: 'Amount {{amount}}' },
                  },
                },
              ],
            },
            // Waits a second (an SLA), then escalates to the owner's manager from the timer worker.
            WATCH: 'watched',
            // Refused: the guard needs a note.
            ESCALATE: {
              target: 'overdue',
              guard: { type: 'requireFields', params: { fields: ['note'] } },
              actions: [NOTIFY],
            },
            // Notifies, then copies a title too long for the note: the transition fails after the notify was planned.
            SCRIBBLE: {
              target: 'overdue',
              actions: [NOTIFY, { type: 'setField', params: { field: 'note', valueFrom: 'record.title' } }],
            },
          },
        },
        watched: {
          meta: { title: { zh: '跟进中', en: 'Watched' }, sla: 'PT1S' },
          after: {
            sla: {
              target: 'overdue',
              actions: [
                {
                  type: 'notify',
                  params: { to: 'owner.manager', title: { zh: '超时：{{title}}', en: 'Past its SLA: {{title}}' } },
                },
              ],
            },
          },
        },
        overdue: { meta: { title: { zh: '已逾期', en: 'Overdue' } }, on: { PAID: 'open' } },
      },
    },
    {
      id: 'reminder-flow',
      initial: 'sent',
      meta: { entity: 'reminder', title: { zh: '催款提醒', en: 'Reminders' } },
      states: {
        // A record's start runs its first stage's entry actions: a notify there writes with the new record.
        sent: {
          meta: { title: { zh: '已发出', en: 'Sent' } },
          entry: [
            {
              type: 'notify',
              params: { to: 'owner', title: { zh: '新提醒：{{title}}', en: 'New reminder: {{title}}' } },
            },
          ],
        },
      },
    },
  ],
  roles: {
    roles: {
      sales: { title: { zh: '销售', en: 'Sales' }, entities: { payment: { read: 'own', update: 'own' } } },
      finance: { title: { zh: '财务', en: 'Finance' }, entities: { payment: { read: 'all' } } },
    },
  },
};
