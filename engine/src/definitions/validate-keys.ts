import { TEXT_KEY_KINDS, UNIQUE_KEY_KINDS } from '@lodestar/core';
import type { Issue } from '../errors.js';
import { toFieldKind } from '../schema/column-types.js';
import type { EntityDefinition } from './entity.js';

/**
 * `x-entity.unique` and `x-entity.duplicates`: every named field is an own property of a kind the key
 * can compare (unique: single values; duplicate checks: text), normalisation is asked only where a
 * text field can take it, and no key is declared twice (the same fields in any order).
 */
export function checkKeys(entity: EntityDefinition): Issue[] {
  const options = entity['x-entity'];
  const issues: Issue[] = [];
  const kindOf = (name: string) => {
    const field = entity.properties[name];
    return field ? toFieldKind(field) : undefined;
  };
  const seen = new Map<string, number>();
  options.unique?.forEach((key, i) => {
    const at = `/x-entity/unique/${i}`;
    key.fields.forEach((name, j) => {
      const kind = kindOf(name);
      if (!entity.properties[name]) issues.push(unknownField(`${at}/fields/${j}`, name));
      else if (!kind || !UNIQUE_KEY_KINDS.includes(kind))
        issues.push({
          pointer: `${at}/fields/${j}`,
          keyword: 'uniqueKeyField',
          message: `field "${name}" holds several values or a structure, which a unique key cannot compare`,
          i18n: {
            en: `field "${name}" holds several values or a structure, which a unique key cannot compare`,
            zh: `字段“${name}”保存多个值或结构化数据，不能用作唯一键`,
          },
        });
    });
    if (key.normalize?.length && !key.fields.some((name) => TEXT_KEY_KINDS.includes(kindOf(name)!)))
      issues.push({
        pointer: `${at}/normalize`,
        keyword: 'uniqueKeyNormalize',
        message: 'normalisation applies to text fields, and this key has none',
        i18n: {
          en: 'normalisation applies to text fields, and this key has none',
          zh: '规范化只作用于文本字段，此唯一键没有文本字段',
        },
      });
    const id = [...key.fields].sort().join(',');
    const first = seen.get(id);
    if (first !== undefined)
      issues.push({
        pointer: `${at}/fields`,
        keyword: 'uniqueKeyRepeated',
        message: `the same fields are already a unique key (unique/${first})`,
        i18n: {
          en: `the same fields are already a unique key (unique/${first})`,
          zh: `相同的字段已是唯一键（unique/${first}）`,
        },
      });
    else seen.set(id, i);
  });
  options.duplicates?.match.forEach((name, i) => {
    const pointer = `/x-entity/duplicates/match/${i}`;
    const kind = kindOf(name);
    if (!entity.properties[name]) issues.push(unknownField(pointer, name));
    else if (!kind || !TEXT_KEY_KINDS.includes(kind))
      issues.push({
        pointer,
        keyword: 'duplicateField',
        message: `field "${name}" is not text; a duplicate check compares names, codes and phone numbers`,
        i18n: {
          en: `field "${name}" is not text; a duplicate check compares names, codes and phone numbers`,
          zh: `字段“${name}”不是文本；查重只比较名称、编码和电话等文本`,
        },
      });
  });
  return issues;
}

function unknownField(pointer: string, name: string): Issue {
  const message = `field "${name}" is not a property`;
  return { pointer, keyword: 'unknownField', message, i18n: { en: message, zh: `字段“${name}”不存在` } };
}
