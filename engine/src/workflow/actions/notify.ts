import type { EntityDefinition } from '../../definitions/entity.js';
import { isSystemColumn } from '../../definitions/identifiers.js';
import { type Issue, issueOf } from '../../errors.js';
import { addressList, type NotifyTo } from './notify-address.js';
import { placeholdersOf, type NotifyText } from './notify-template.js';
import type { ActionSpec } from './types.js';

type Params = {
  to: NotifyTo;
  /** The older name of `title`. */
  subject?: NotifyText;
  title?: NotifyText;
  body?: NotifyText;
  /** false: the in-app inbox only, no mail. */
  mail?: boolean;
};

/** One text for both languages, or `{ zh, en }`. */
const text = (maxLength: number) => ({
  anyOf: [
    { type: 'string', maxLength },
    {
      type: 'object',
      required: ['zh', 'en'],
      properties: { zh: { type: 'string', maxLength }, en: { type: 'string', maxLength } },
      additionalProperties: false,
    },
  ],
});
const ADDRESS = {
  anyOf: [
    { enum: ['owner', 'owner.manager', 'actor'] },
    { type: 'string', format: 'email' },
    {
      type: 'object',
      required: ['role'],
      properties: { role: { type: 'string', minLength: 1 } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['field'],
      properties: { field: { type: 'string', minLength: 1 } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['orgUnit'],
      properties: { orgUnit: { type: 'string', minLength: 1 }, subUnits: { type: 'boolean' } },
      additionalProperties: false,
    },
  ],
};

/**
 * Tells people about the record: an in-app notification for every active user it reaches (written with the
 * transition), and a mail through the outbox. Title and body are templates over the record's fields
 * (`{{amount}}`), in both languages.
 */
export const notify: ActionSpec<Params> = {
  name: 'notify',
  phase: 'outbox',
  params: {
    type: 'object',
    required: ['to'],
    properties: {
      to: { anyOf: [ADDRESS, { type: 'array', items: ADDRESS, minItems: 1, maxItems: 20 }] },
      subject: text(200),
      title: text(200),
      body: text(10000),
      mail: { type: 'boolean', default: true },
    },
    additionalProperties: false,
  },
  plan(ctx, { to, subject, title, body, mail }) {
    return {
      kind: 'notify',
      phase: 'outbox',
      to,
      subject: title ?? subject ?? ctx.event,
      body: body ?? '',
      ...(mail === false && { mail: false }),
    };
  },
  check(params, { bound }) {
    const both =
      params.title !== undefined && params.subject !== undefined
        ? [
            issueOf('/subject', 'titleTwice', {
              en: '"subject" is the older name of "title": give one of them',
              zh: '“subject”是“title”的旧写法，二者只能写一个',
            }),
          ]
        : [];
    return [...both, ...(bound ? [...checkAddresses(params.to, bound), ...checkTemplates(params, bound)] : [])];
  },
};

/** A user field address must name a user field (`x-user`) of the bound entity. */
function checkAddresses(to: NotifyTo, entity: EntityDefinition): Issue[] {
  return addressList(to).flatMap(({ address, at }) => {
    if (typeof address !== 'object' || !('field' in address)) return [];
    const field = entity.properties[address.field];
    if (field?.['x-user']) return [];
    return [
      issueOf(
        `${at}/field`,
        field ? 'notUserField' : 'unknownField',
        field
          ? {
              en: `field "${address.field}" of "${entity.$id}" does not hold a user (x-user), so it cannot be notified`,
              zh: `${zhTitle(entity)}的字段“${address.field}”不是人员字段，不能作为通知对象`,
            }
          : {
              en: `field "${address.field}" does not exist on "${entity.$id}"`,
              zh: `${zhTitle(entity)}没有字段“${address.field}”`,
            },
        { field: address.field },
      ),
    ];
  });
}

/** Every placeholder of the title and body, in each language, must name a field of the bound entity. */
function checkTemplates(params: Params, entity: EntityDefinition): Issue[] {
  const texts = (['title', 'subject', 'body'] as const).flatMap((key) => {
    const text = params[key];
    if (text === undefined) return [];
    return typeof text === 'string'
      ? [{ at: `/${key}`, template: text }]
      : (['zh', 'en'] as const).map((lang) => ({ at: `/${key}/${lang}`, template: text[lang] }));
  });
  return texts.flatMap(({ at, template }) =>
    placeholdersOf(template)
      .filter((field) => !(field in entity.properties) && !isSystemColumn(field))
      .map((field) =>
        issueOf(
          at,
          'unknownPlaceholder',
          {
            en: `{{${field}}} names no field of "${entity.$id}"`,
            zh: `占位符 {{${field}}} 不是${zhTitle(entity)}的字段`,
          },
          { field },
        ),
      ),
  );
}

/** The entity as a Chinese reader knows it: 「报价单」. */
function zhTitle(entity: EntityDefinition): string {
  return `“${entity['x-i18n']?.title?.zh ?? entity.title ?? entity.$id}”`;
}
