import type { EntityDefinition, FieldDefinition } from '@lodestar/core';
import { pick, titleOf, type Lang } from '@lodestar/ui-shared';
import { kindOf } from '../designer/field-model';

/*
 * Values the preview shows in each field, made up per field kind (a date looks like a date, a choice
 * shows its first option), so an admin sees the form filled in as staff will see it.
 */

const TEXT = {
  zh: {
    company: '杭州星辰科技有限公司',
    sample: (title: string) => `示例${title}`,
    long: '长期合作伙伴，重视交付周期与售后服务，年底前有扩容计划。',
    person: '张伟',
    linked: (title: string) => `一条${title}`,
    yes: '是',
    tags: ['重点客户', '华东'],
  },
  en: {
    company: 'Hangzhou Xingchen Technology Co., Ltd.',
    sample: (title: string) => `Sample ${title.toLowerCase()}`,
    long: 'A long-standing partner who values delivery times and after-sales service; plans to expand by year end.',
    person: 'Zhang Wei',
    linked: (title: string) => `A ${title.toLowerCase()}`,
    yes: 'Yes',
    tags: ['Key account', 'East China'],
  },
};

/** A value label of a choice field, in the language (the value itself when it has none). */
function choiceLabel(field: FieldDefinition, value: string | number, lang: Lang): string {
  return pick(field['x-i18n']?.enum?.[String(value)], lang) ?? String(value);
}

/** The text the preview shows for the field: never empty, in the language. */
export function sampleValue(
  entity: EntityDefinition,
  name: string,
  lang: Lang,
  entityTitle: (id: string) => string,
): string {
  const field = entity.properties[name]!;
  const t = TEXT[lang === 'en' ? 'en' : 'zh'];
  const title = titleOf(field, lang, name);
  if (name === entity['x-entity'].titleField) return t.company;
  switch (kindOf(field)) {
    case 'longText':
      return t.long;
    case 'integer':
      return '120';
    case 'number':
      return '3.5';
    case 'money':
      return `${field['x-currency'] && field['x-currency'] !== 'CNY' ? field['x-currency'] + ' ' : '¥'}1,280,000.00`;
    case 'boolean':
      return t.yes;
    case 'date':
      return '2026-03-18';
    case 'dateTime':
      return '2026-03-18 14:30';
    case 'email':
      return 'zhang.wei@example.com';
    case 'phone':
      return '0571-8888 6666';
    case 'url':
      return 'https://www.example.com';
    case 'uuid':
      return '3f2a…9c10';
    case 'autoNumber':
      return 'KH-2026-0001';
    case 'choice':
      return field.enum?.length ? choiceLabel(field, field.enum[0]!, lang) : t.sample(title);
    case 'multiChoice':
      return (field.items?.enum ?? [])
        .slice(0, 2)
        .map((v) => choiceLabel(field, v, lang))
        .join(lang === 'en' ? ', ' : '、');
    case 'manyToOne':
    case 'manyToMany':
      return t.linked(entityTitle(field['x-relation']?.entity ?? field.items?.['x-relation']?.entity ?? ''));
    case 'user':
      return t.person;
    case 'textList':
      return t.tags.join(lang === 'en' ? ', ' : '、');
    default:
      return t.sample(title);
  }
}
