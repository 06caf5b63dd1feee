import type { Issue, Text } from '../errors.js';
import { issueOf } from '../errors.js';
import { toFieldKind } from '../schema/column-types.js';
import type { EntityDefinition } from './entity.js';
import { isSystemColumn } from './identifiers.js';

/**
 * Line items (`x-relation.items`) name a list on another entity, so they are checked across the set: the
 * relation is many-to-one to an entity of the set, the name is free on the parent (not a field, a system
 * column, nor another child's items), the parent does not declare its own items twice, and `itemOrder`
 * is an integer field of the child (not computed) that only the engine writes when lines are saved
 * through the parent. Issues sit on the child's relation, where the keyword is written.
 */
export function checkLineItems(entities: EntityDefinition[], entityFile: (id: string) => string): Issue[] {
  const byId = new Map(entities.map((entity) => [entity.$id, entity]));
  const claimed = new Map<string, string>();
  const issues: Issue[] = [];
  for (const child of entities) {
    for (const [name, field] of Object.entries(child.properties)) {
      const relation = field['x-relation'];
      if (!relation) continue;
      const at = `/properties/${name}/x-relation`;
      const add = (pointer: string, keyword: string, text: Text) =>
        issues.push({ file: entityFile(child.$id), ...issueOf(pointer, keyword, text) });
      if (relation.itemOrder !== undefined && relation.items === undefined)
        add(`${at}/itemOrder`, 'items', {
          en: 'itemOrder needs items: only line items have a position in their parent',
          zh: '设置了行序字段（itemOrder）却没有声明明细（items）：只有明细才有在父记录中的位置',
        });
      if (relation.items === undefined) continue;
      const items = relation.items;
      if (toFieldKind(field) !== 'manyToOne')
        add(`${at}/items`, 'items', {
          en: `only a many-to-one relation can make "${child.$id}" line items of its parent`,
          zh: `只有多对一关联才能把“${child.$id}”声明为父记录的明细`,
        });
      const parent = byId.get(relation.entity);
      if (!parent) continue; // the relation's own check names the unknown entity
      if (parent.$id === child.$id)
        add(`${at}/items`, 'items', {
          en: 'an entity cannot be line items of itself',
          zh: '实体不能作为自身的明细',
        });
      if (items in parent.properties || isSystemColumn(items))
        add(`${at}/items`, 'items', {
          en: `"${items}" is already a field of ${parent.$id}: line items need a name of their own`,
          zh: `“${items}”已是${parent.$id}的字段，明细需要另取一个名称`,
        });
      const key = `${parent.$id}.${items}`;
      const first = claimed.get(key);
      if (first)
        add(`${at}/items`, 'items', {
          en: `${parent.$id} already has line items named "${items}" (${first})`,
          zh: `${parent.$id}已有名为“${items}”的明细（${first}）`,
        });
      else claimed.set(key, `${child.$id}.${name}`);
      if (relation.itemOrder !== undefined) {
        const order = child.properties[relation.itemOrder];
        if (!order || toFieldKind(order) !== 'integer' || order['x-formula'] || order['x-rollup'])
          add(`${at}/itemOrder`, 'items', {
            en: `itemOrder must name an integer field of ${child.$id} that is not computed`,
            zh: `行序字段（itemOrder）必须是${child.$id}中非计算的整数字段`,
          });
      }
    }
  }
  return issues;
}

/** The names of the line item lists `parentId` has (a stage may make them read-only or leave them unlocked). */
export function lineItemNames(entities: readonly EntityDefinition[], parentId: string): Set<string> {
  const names = new Set<string>();
  for (const child of entities)
    for (const field of Object.values(child.properties)) {
      const relation = field['x-relation'];
      if (relation?.items && relation.entity === parentId) names.add(relation.items);
    }
  return names;
}
