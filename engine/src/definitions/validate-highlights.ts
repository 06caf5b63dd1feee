import type { Issue } from '../errors.js';
import type { EntityDefinition } from './entity.js';

/**
 * `x-ui.highlights` names the key fields a record page's header shows: each must be a field of the entity.
 * Line-item lists have no place in a header line, so they are refused too.
 */
export function checkHighlights(entity: EntityDefinition): Issue[] {
  const names = entity['x-ui']?.highlights ?? [];
  return names.flatMap((name, i): Issue[] => {
    const pointer = `/x-ui/highlights/${i}`;
    const field = entity.properties[name];
    if (!field) {
      const text = {
        en: `highlighted field "${name}" is not a field of this entity`,
        zh: `要在页头突出显示的字段“${name}”不是该对象的字段`,
      };
      return [{ pointer, keyword: 'unknownField', message: text.en, i18n: text }];
    }
    if (field.type === 'array' && field.items?.['x-relation'] === undefined && field.items?.enum === undefined) {
      const text = {
        en: `highlighted field "${name}" is a list and cannot be shown in the header`,
        zh: `字段“${name}”是列表，不能在页头突出显示`,
      };
      return [{ pointer, keyword: 'fieldKind', message: text.en, i18n: text }];
    }
    return [];
  });
}
