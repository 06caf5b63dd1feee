import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { EntityDefinition } from '../../src/definitions/entity.js';
import type { WorkflowDefinition } from '../../src/definitions/workflow.js';

/*
 * Fan-out (createRecords): sending a mailing creates one numbered invitation per customer of its segment,
 * each entering its own workflow, owned as the action says; a small mailing may reach at most two.
 */
const customer: EntityDefinition = {
  $id: 'customer',
  title: 'Customer',
  'x-i18n': { title: { zh: '客户', en: 'Customer' } },
  type: 'object',
  'x-entity': { titleField: 'name' },
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 200 },
    segment: { type: 'string', enum: ['gold', 'silver', 'bronze'] },
    city: { type: 'string', maxLength: 20 },
  },
};

const mailing: EntityDefinition = {
  $id: 'mailing',
  title: 'Mailing',
  'x-i18n': { title: { zh: '邮寄活动', en: 'Mailing' } },
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string', maxLength: 200 },
    segment: { type: 'string', enum: ['gold', 'silver', 'bronze'] },
    sentOn: { type: 'string', format: 'date' },
  },
};

const invitation: EntityDefinition = {
  $id: 'invitation',
  title: 'Invitation',
  'x-i18n': { title: { zh: '邀请函', en: 'Invitation' } },
  type: 'object',
  'x-entity': { titleField: 'number' },
  required: ['mailing', 'customer'],
  properties: {
    number: { type: 'string', 'x-sequence': { pattern: 'YQ-{00000}' } },
    mailing: { type: 'string', format: 'uuid', 'x-relation': { entity: 'mailing', onDelete: 'cascade' } },
    customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer', onDelete: 'cascade' } },
    label: { type: 'string', maxLength: 40, title: 'Label', 'x-i18n': { title: { zh: '标签', en: 'Label' } } },
    invitedOn: { type: 'string', format: 'date' },
  },
};

const fanOut = (extra: Record<string, unknown> = {}) => ({
  type: 'createRecords',
  params: {
    entity: 'invitation',
    forEach: { entity: 'customer', where: 'segment = trigger.segment' },
    linkBack: 'mailing',
    linkSource: 'customer',
    set: { label: 'trigger.name & "/" & name', invitedOn: 'NOW()' },
    ...extra,
  },
});

export const mailingFlow: WorkflowDefinition = {
  id: 'mailing-flow',
  initial: 'draft',
  meta: { entity: 'mailing' },
  states: {
    draft: {
      on: {
        SEND: { target: 'sent', actions: [fanOut({ owner: 'record' })] },
        SEND_SMALL: {
          target: 'sent',
          actions: [fanOut({ forEach: { entity: 'customer', where: 'segment = trigger.segment', limit: 2 } })],
        },
        SEND_AS_ACTOR: { target: 'sent', actions: [fanOut({ runAs: 'actor', owner: 'source' })] },
      },
    },
    sent: { on: { SEND: { target: 'sent', actions: [fanOut({ owner: 'record' })] } } },
  },
};

const invitationFlow: WorkflowDefinition = {
  id: 'invitation-flow',
  initial: 'invited',
  meta: { entity: 'invitation' },
  states: { invited: { meta: { sla: 'P3D' }, on: { ANSWER: 'answered' } }, answered: {} },
};

export const fanOutRoles = {
  roles: {
    admin: { title: 'Administrator', entities: { '*': { read: 'all', create: 'all', update: 'all', delete: 'all' } } },
    marketer: {
      title: { en: 'Marketer', zh: '市场专员' },
      entities: {
        mailing: { read: 'all', create: 'all', update: 'all' },
        customer: { read: 'own' },
        invitation: { read: 'all', create: 'all' },
      },
    },
    /** May send mailings and read every customer, but not create invitations. */
    sender: {
      title: { en: 'Sender', zh: '发送人' },
      entities: {
        mailing: { read: 'all', create: 'all', update: 'all' },
        customer: { read: 'all' },
        invitation: { read: 'all' },
      },
    },
  },
};

export function fanOutSet(): DefinitionSet {
  return {
    entities: [customer, mailing, invitation],
    workflows: [mailingFlow, invitationFlow],
    roles: fanOutRoles as DefinitionSet['roles'],
  };
}
