import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { EntityDefinition } from '../../src/definitions/entity.js';
import type { WorkflowDefinition } from '../../src/definitions/workflow.js';

const entity = (id: string, zh: string, extra: EntityDefinition['properties']): EntityDefinition =>
  ({
    $id: id,
    title: id[0]!.toUpperCase() + id.slice(1),
    type: 'object',
    'x-i18n': { title: { zh, en: id[0]!.toUpperCase() + id.slice(1) } },
    'x-entity': { titleField: 'name' },
    properties: {
      name: { type: 'string', maxLength: 100, 'x-i18n': { title: { zh: '名称', en: 'Name' } } },
      ...extra,
    },
    required: ['name'],
  }) as EntityDefinition;

const money = (zh: string, en: string) =>
  ({ type: 'number', 'x-currency': 'CNY', 'x-i18n': { title: { zh, en } } }) as const;
const person = (zh: string, en: string) =>
  ({ type: 'string', format: 'uuid', 'x-user': true, 'x-i18n': { title: { zh, en } } }) as const;

const title = (zh: string, en: string) => ({ title: { zh, en } });

/** draft → SUBMIT → (≤ 15% off: approved at once) pending → APPROVE (when complete) → approved; REJECT → draft. */
export const QUOTE_FLOW = {
  id: 'quote-approval',
  initial: 'draft',
  meta: { entity: 'quote', title: { zh: '报价审批', en: 'Quote approval' }, amountField: 'total' },
  states: {
    draft: {
      meta: title('草稿', 'Draft'),
      on: {
        SUBMIT: [
          {
            target: 'approved',
            guard: { type: 'fieldCompare', params: { field: 'discount', op: 'lte', value: 0.15 } },
            meta: title('提交审批', 'Submit'),
          },
          { target: 'pending', meta: title('提交审批', 'Submit') },
        ],
      },
    },
    pending: {
      meta: {
        ...title('待审批', 'Pending approval'),
        approval: {
          mode: 'all',
          order: 'sequence',
          steps: [
            {
              id: 'manager',
              title: { zh: '直属上级审批', en: 'Manager approval' },
              approver: { ownerManager: true },
              when: 'discount > 0.15',
            },
            {
              id: 'director',
              title: { zh: '销售总监审批', en: 'Director approval' },
              approver: { role: 'salesDirector' },
              when: 'discount > 0.3',
            },
          ],
        },
      },
      on: {
        APPROVE: { target: 'approved', meta: title('同意', 'Approve') },
        REJECT: { target: 'draft', meta: title('驳回', 'Reject') },
      },
    },
    approved: { type: 'final', meta: title('已批准', 'Approved') },
  },
} as unknown as WorkflowDefinition;

/** Contract review: legal and finance in parallel, both must approve. */
export const CONTRACT_FLOW = {
  id: 'contract-review',
  initial: 'draft',
  meta: { entity: 'contract', title: { zh: '合同评审', en: 'Contract review' }, amountField: 'amount' },
  states: {
    draft: { meta: title('草稿', 'Draft'), on: { SUBMIT: { target: 'review', meta: title('提交评审', 'Submit') } } },
    review: {
      meta: {
        ...title('评审中', 'In review'),
        approval: {
          mode: 'all',
          order: 'parallel',
          steps: [
            { id: 'legal', title: { zh: '法务审核', en: 'Legal review' }, approver: { role: 'legal' } },
            { id: 'finance', title: { zh: '财务审核', en: 'Finance review' }, approver: { role: 'finance' } },
          ],
        },
      },
      on: {
        APPROVE: { target: 'signed', meta: title('同意', 'Approve') },
        REJECT: { target: 'draft', meta: title('驳回', 'Reject') },
      },
    },
    signed: { type: 'final', meta: title('已签署', 'Signed') },
  },
} as unknown as WorkflowDefinition;

/** An expense: the user named in `approver` or anyone in finance; one approval is enough. */
export const EXPENSE_FLOW = {
  id: 'expense-claim',
  initial: 'draft',
  meta: { entity: 'expense', title: { zh: '费用报销', en: 'Expense claim' }, amountField: 'amount' },
  states: {
    draft: { meta: title('草稿', 'Draft'), on: { SUBMIT: { target: 'pending', meta: title('提交', 'Submit') } } },
    pending: {
      meta: {
        ...title('待审批', 'Pending'),
        approval: {
          mode: 'any',
          steps: [
            { id: 'named', title: { zh: '指定审批人', en: 'Named approver' }, approver: { userField: 'approver' } },
            { id: 'finance', title: { zh: '财务', en: 'Finance' }, approver: { role: 'finance' } },
          ],
        },
      },
      on: {
        APPROVE: { target: 'paid', meta: title('同意', 'Approve') },
        REJECT: { target: 'draft', meta: title('驳回', 'Reject') },
      },
    },
    paid: { type: 'final', meta: title('已报销', 'Paid') },
  },
} as unknown as WorkflowDefinition;

const own = { read: 'own', create: 'own', update: 'own' };
const all = { read: 'all', create: 'all', update: 'all' };

/** Quotes, contracts and expenses with approvals by steps, and roles whose scopes the approvals must get past. */
export const APPROVAL_DEFINITIONS: DefinitionSet = {
  entities: [
    entity('quote', '报价单', {
      discount: { type: 'number', minimum: 0, maximum: 1, 'x-i18n': { title: { zh: '折扣率', en: 'Discount' } } },
      total: money('总价', 'Total'),
    }),
    entity('contract', '合同', { amount: money('合同金额', 'Amount') }),
    entity('expense', '费用', { amount: money('金额', 'Amount'), approver: person('审批人', 'Approver') }),
  ] as EntityDefinition[],
  workflows: [QUOTE_FLOW, CONTRACT_FLOW, EXPENSE_FLOW],
  roles: {
    roles: {
      sales: {
        title: { zh: '销售', en: 'Sales' },
        entities: { quote: own, contract: own, expense: own },
      },
      salesManager: {
        title: { zh: '销售经理', en: 'Sales manager' },
        entities: { quote: { read: 'own', create: 'own', update: 'own' } },
      },
      salesDirector: { title: { zh: '销售总监', en: 'Sales director' }, entities: { quote: all } },
      legal: { title: { zh: '法务', en: 'Legal' }, entities: { contract: all } },
      finance: { title: { zh: '财务', en: 'Finance' }, entities: { contract: all, expense: all } },
    },
  },
} as DefinitionSet;
