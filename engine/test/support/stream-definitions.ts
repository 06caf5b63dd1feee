import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { WorkflowDefinition } from '../../src/definitions/workflow.js';
import { NOTIFY_DEFINITIONS } from './notification-definitions.js';

/**
 * A discount request whose pending stage tells finance it waits for them (within an hour: meta.sla), and finance
 * approves it; sales ask for them. Beside the notifying payments of notification-definitions.ts.
 */
const DISCOUNT_FLOW = {
  id: 'discount-flow',
  initial: 'draft',
  meta: { entity: 'discount', title: { zh: '折扣申请', en: 'Discount requests' } },
  states: {
    draft: { meta: { title: { zh: '草稿', en: 'Draft' } }, on: { SUBMIT: 'pending' } },
    pending: {
      meta: {
        title: { zh: '待审批', en: 'Pending approval' },
        sla: 'PT1H',
        approval: {
          steps: [{ id: 'finance', title: { zh: '财务审批', en: 'Finance' }, approver: { role: 'finance' } }],
        },
      },
      entry: [
        {
          type: 'notify',
          params: { to: { role: 'finance' }, title: { zh: '待您审批：{{title}}', en: 'Waiting for you: {{title}}' } },
        },
      ],
      on: { APPROVE: 'approved', REJECT: 'draft' },
    },
    approved: { type: 'final', meta: { title: { zh: '已批准', en: 'Approved' } } },
  },
} as unknown as WorkflowDefinition;

export const STREAM_DEFINITIONS: DefinitionSet = {
  ...NOTIFY_DEFINITIONS,
  entities: [
    ...NOTIFY_DEFINITIONS.entities,
    {
      $id: 'discount',
      title: 'Discount',
      type: 'object',
      'x-i18n': { title: { zh: '折扣申请', en: 'Discount' } },
      'x-entity': { titleField: 'title' },
      properties: { title: { type: 'string', maxLength: 100 } },
      required: ['title'],
    },
  ],
  workflows: [...NOTIFY_DEFINITIONS.workflows, DISCOUNT_FLOW],
  roles: {
    roles: {
      ...NOTIFY_DEFINITIONS.roles!.roles,
      sales: {
        title: { zh: '销售', en: 'Sales' },
        entities: {
          payment: { read: 'own', update: 'own' },
          discount: { read: 'own', create: 'own', update: 'own' },
        },
      },
      finance: {
        title: { zh: '财务', en: 'Finance' },
        entities: { payment: { read: 'all' }, discount: { read: 'all', update: 'all' } },
      },
    },
  },
};
