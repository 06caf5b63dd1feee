import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { FieldDefinition } from '../../src/definitions/entity.js';

/** The CUTE roles of a contact on an opportunity, and how much the contact weighs (1–5). */
export const CUTE_ROLE: FieldDefinition = {
  type: 'string',
  enum: ['coach', 'user', 'technicalBuyer', 'economicBuyer'],
  'x-i18n': {
    title: { zh: '角色', en: 'Role' },
    enum: {
      coach: { zh: '教练', en: 'Coach' },
      user: { zh: '使用者', en: 'User' },
      technicalBuyer: { zh: '技术决策者', en: 'Technical buyer' },
      economicBuyer: { zh: '经济决策者', en: 'Economic buyer' },
    },
  },
};
export const INFLUENCE: FieldDefinition = {
  type: 'integer',
  minimum: 1,
  maximum: 5,
  'x-i18n': { title: { zh: '影响力', en: 'Influence' } },
};

/** A deal whose contacts link with attributes (the given ones: role and influence unless said otherwise). */
export function linkAttributeSet(
  attributes: Record<string, FieldDefinition> = { role: CUTE_ROLE, influence: INFLUENCE },
): DefinitionSet {
  return {
    entities: [
      {
        $id: 'contact',
        title: 'Contact',
        type: 'object',
        'x-i18n': { title: { zh: '联系人', en: 'Contact' } },
        'x-entity': { titleField: 'name' },
        properties: { name: { type: 'string', maxLength: 100 } },
        required: ['name'],
      },
      {
        $id: 'deal',
        title: 'Deal',
        type: 'object',
        'x-i18n': { title: { zh: '商机', en: 'Deal' } },
        'x-entity': { titleField: 'name' },
        properties: {
          name: { type: 'string', maxLength: 100 },
          contacts: {
            type: 'array',
            items: { type: 'string', format: 'uuid' },
            uniqueItems: true,
            'x-relation': { entity: 'contact', attributes },
            'x-i18n': { title: { zh: '联系人', en: 'Contacts' } },
          },
        },
        required: ['name'],
      },
    ],
    workflows: [],
  };
}
