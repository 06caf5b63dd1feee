import type { Issue, Text } from '../errors.js';
import { toFieldKind } from '../schema/column-types.js';
import type { FieldKind } from '../schema/column-types.js';
import type { EntityDefinition, FieldDefinition } from './entity.js';

/** What a link may carry: plain values a link table column holds (a role, an influence score, a date, a note). */
const ATTRIBUTE_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>([
  'text',
  'longText',
  'choice',
  'integer',
  'number',
  'money',
  'boolean',
  'date',
]);

/** Keywords that make a field computed, related or numbered: none has a meaning on a link. */
const NOT_ON_LINKS = ['x-relation', 'x-user', 'x-formula', 'x-rollup', 'x-sequence', 'default'] as const;

/**
 * `x-relation.attributes` (fields each link carries) on each field: only on a many-to-many relation, and
 * each attribute a plain value of a kind a column holds. Issues point at the attribute.
 */
export function checkLinkAttributes(entity: EntityDefinition): Issue[] {
  return Object.entries(entity.properties).flatMap(([name, field]) => {
    const attributes = field['x-relation']?.attributes;
    return attributes ? checkField(name, field, attributes) : [];
  });
}

function checkField(name: string, field: FieldDefinition, attributes: Record<string, FieldDefinition>): Issue[] {
  const at = `/properties/${name}/x-relation/attributes`;
  if (field.type !== 'array')
    return [
      issue(at, 'linkAttributesKind', {
        en: `only a many-to-many relation carries link attributes, not "${name}"`,
        zh: `只有多对多关联的连接可以带属性，“${name}”不是多对多关联`,
      }),
    ];
  return Object.entries(attributes).flatMap(([key, attribute]) => {
    const kind = toFieldKind(attribute);
    const issues: Issue[] = [];
    if (key === 'id')
      issues.push(
        issue(`${at}/id`, 'reserved', {
          en: '"id" names the linked record',
          zh: '“id”是所关联记录的 ID，不能作属性名',
        }),
      );
    if (!kind || !ATTRIBUTE_KINDS.has(kind))
      issues.push(
        issue(`${at}/${key}`, 'linkAttributeKind', {
          en: `a link attribute is text, a choice, a number, money, yes/no or a date, not "${key}" as defined`,
          zh: `连接属性只能是文本、单选、数字、金额、是/否或日期，“${key}”不是`,
        }),
      );
    for (const keyword of NOT_ON_LINKS)
      if (attribute[keyword] !== undefined)
        issues.push(
          issue(`${at}/${key}/${keyword}`, 'linkAttributeKeyword', {
            en: `a link attribute cannot have ${keyword} ("${key}")`,
            zh: `连接属性“${key}”不能设置 ${keyword}`,
          }),
        );
    return issues;
  });
}

function issue(pointer: string, keyword: string, text: Text): Issue {
  return { pointer, keyword, message: text.en, i18n: text };
}
