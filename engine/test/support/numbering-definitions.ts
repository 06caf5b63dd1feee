import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { EntityDefinition } from '../../src/definitions/entity.js';

/** A quote numbered per year, strategic quotes with their own prefix and counter, and linked contacts. */
export function numberingSet(options: { contactNumber?: EntityDefinition['properties'][string] } = {}): DefinitionSet {
  const quote: EntityDefinition = {
    $id: 'quote',
    title: 'Quote',
    type: 'object',
    'x-i18n': { title: { zh: '报价单', en: 'Quote' } },
    'x-entity': {
      titleField: 'title',
      recordTypes: { standard: { title: 'Standard' }, strategic: { title: 'Strategic' } },
    },
    required: ['title'],
    properties: {
      title: { type: 'string', maxLength: 200 },
      number: {
        type: 'string',
        title: 'Number',
        'x-i18n': { title: { zh: '报价单号', en: 'Number' } },
        'x-sequence': { pattern: '{PREFIX}QT-{YYYY}-{0000}', reset: 'yearly', prefixes: { strategic: 'S' } },
      },
      contacts: { type: 'array', items: { type: 'string', format: 'uuid' }, 'x-relation': { entity: 'contact' } },
    },
  };
  const contact: EntityDefinition = {
    $id: 'contact',
    title: 'Contact',
    type: 'object',
    'x-i18n': { title: { zh: '联系人', en: 'Contact' } },
    'x-entity': { titleField: 'name' },
    required: ['name'],
    properties: {
      name: { type: 'string', maxLength: 200 },
      ...(options.contactNumber && { code: options.contactNumber }),
    },
  };
  return { entities: [quote, contact], workflows: [] } as DefinitionSet;
}

/** A ticket bound to a workflow, numbered, whose FOLLOW_UP event creates a numbered follow-up. */
export function workflowNumberingSet(): DefinitionSet {
  const ticket: EntityDefinition = {
    $id: 'ticket',
    title: 'Ticket',
    type: 'object',
    'x-entity': { titleField: 'title', workflow: 'ticket-flow' },
    required: ['title'],
    properties: {
      title: { type: 'string', maxLength: 100 },
      number: { type: 'string', 'x-sequence': { pattern: 'T-{0000}' } },
    },
  };
  const followUp: EntityDefinition = {
    $id: 'followUp',
    title: 'Follow-up',
    type: 'object',
    'x-entity': { titleField: 'title' },
    required: ['title'],
    properties: {
      title: { type: 'string', maxLength: 100 },
      code: { type: 'string', 'x-sequence': { pattern: 'F-{000}' } },
    },
  };
  const flow = {
    id: 'ticket-flow',
    initial: 'open',
    meta: { entity: 'ticket' },
    states: {
      open: {
        on: {
          FOLLOW_UP: {
            target: 'open',
            actions: [{ type: 'createRecord', params: { entity: 'followUp', values: { title: '跟进' } } }],
          },
        },
      },
    },
  };
  return { entities: [ticket, followUp], workflows: [flow] } as unknown as DefinitionSet;
}
