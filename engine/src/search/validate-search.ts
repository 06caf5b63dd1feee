import type { Issue } from '../errors.js';
import type { EntityDefinition } from '../definitions/entity.js';
import { isSearchable } from './search-spec.js';

/**
 * `x-entity.search` names fields the search document can read: each a field of the entity, stored as
 * text (text, long text, email, phone or link; not computed), listed once.
 */
export function checkSearch(entity: EntityDefinition): Issue[] {
  const entries = entity['x-entity'].search ?? [];
  return entries.flatMap((entry, i): Issue[] => {
    const pointer = `/x-entity/search/${i}/field`;
    const field = entity.properties[entry.field];
    if (!field) {
      return [
        problem(pointer, 'unknownField', {
          en: `searched field "${entry.field}" is not a field of this entity`,
          zh: `要搜索的字段“${entry.field}”不是该对象的字段`,
        }),
      ];
    }
    if (!isSearchable(field)) {
      return [
        problem(pointer, 'fieldKind', {
          en: `field "${entry.field}" cannot be searched: only stored text, long text, email, phone and link fields can`,
          zh: `字段“${entry.field}”不能参与搜索：只有保存的文本、长文本、邮箱、电话和网址字段可以`,
        }),
      ];
    }
    if (entries.findIndex((other) => other.field === entry.field) < i) {
      return [
        problem(pointer, 'duplicate', {
          en: `field "${entry.field}" is already searched`,
          zh: `字段“${entry.field}”已在搜索字段中`,
        }),
      ];
    }
    return [];
  });
}

function problem(pointer: string, keyword: string, text: { en: string; zh: string }): Issue {
  return { pointer, keyword, message: text.en, i18n: text };
}
