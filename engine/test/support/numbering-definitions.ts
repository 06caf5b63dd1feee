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
