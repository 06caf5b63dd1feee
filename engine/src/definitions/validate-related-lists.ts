import { isSystemColumn } from '@lodestar/core';
import type { Issue } from '../errors.js';
import { toFieldKind } from '../schema/column-types.js';
import type { EntityDefinition } from './entity.js';

/**
 * `x-ui.related` chooses a record page's related lists: each names an entity and its field `via` that points
 * at this entity (many-to-one, or a link with attributes), once, and columns that are fields of that entity or
 * its system columns (state, owner_id, created_at…). Issues point into the list, in both languages.
 */
export function checkRelatedLists(entities: readonly EntityDefinition[], entityFile: (id: string) => string): Issue[] {
  const byId = new Map(entities.map((e) => [e.$id, e]));
  const issues: Issue[] = [];
  for (const entity of entities) {
    const seen = new Set<string>();
    (entity['x-ui']?.related ?? []).forEach((list, i) => {
      const at = `/x-ui/related/${i}`;
      const add = (pointer: string, keyword: string, text: { en: string; zh: string }) =>
        issues.push({ file: entityFile(entity.$id), pointer, keyword, message: text.en, i18n: text });
      const child = byId.get(list.entity);
      if (!child)
        return add(`${at}/entity`, 'unknownEntity', {
          en: `the related list names "${list.entity}", which is not an entity`,
          zh: `相关列表引用的“${list.entity}”不是一个对象`,
        });
      const via = Object.hasOwn(child.properties, list.via) ? child.properties[list.via] : undefined;
      const links =
        via?.['x-relation']?.entity === entity.$id &&
        (toFieldKind(via) === 'manyToOne' || via['x-relation']?.attributes !== undefined);
      if (!links)
        return add(`${at}/via`, 'relatedVia', {
          en: `"${list.via}" of "${list.entity}" is not a field pointing at "${entity.$id}"`,
          zh: `“${list.entity}”的字段“${list.via}”没有指向“${entity.$id}”`,
        });
      const key = `${list.entity}.${list.via}`;
      if (seen.has(key))
        add(at, 'duplicate', {
          en: `the related list of "${list.entity}" by "${list.via}" is listed twice`,
          zh: `“${list.entity}”（按“${list.via}”）的相关列表重复出现`,
        });
      seen.add(key);
      (list.columns ?? []).forEach((column, j) => {
        const field = Object.hasOwn(child.properties, column) ? child.properties[column] : undefined;
        const shown = field ? field.type !== 'array' : isSystemColumn(column) && column !== 'id';
        if (!shown)
          add(`${at}/columns/${j}`, 'unknownField', {
            en: `column "${column}" is not a field of "${list.entity}" a list can show`,
            zh: `列“${column}”不是“${list.entity}”中可在列表显示的字段`,
          });
      });
    });
  }
  return issues;
}
