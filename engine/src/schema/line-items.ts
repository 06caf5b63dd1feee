import type { CompiledEntity, Model } from '../model/compile-model.js';

/**
 * A list of line items: the child entity whose many-to-one relation declares `items` (`quoteLine.quote`
 * with `items: "lines"`) is edited as the parent's `lines`. Pure, so the writes and OpenAPI read the same.
 */
export interface LineItems {
  /** The list's name on the parent (`lines`). */
  name: string;
  child: CompiledEntity;
  /** The child's many-to-one field pointing at the parent. */
  via: string;
  /** The child's integer field holding the position (1 = first), when declared. */
  order?: string;
}

const byModel = new WeakMap<Model, Map<string, LineItems[]>>();

/** The line item lists of `entity` in this model (computed once per model). */
export function lineItemsOf(model: Model, entity: CompiledEntity): LineItems[] {
  let perModel = byModel.get(model);
  if (!perModel) {
    perModel = new Map();
    for (const child of model.entities.values())
      for (const field of child.fields.values()) {
        const relation = field.definition['x-relation'];
        if (!relation?.items || field.kind !== 'manyToOne') continue;
        const list = perModel.get(relation.entity) ?? [];
        list.push({
          name: relation.items,
          child,
          via: field.name,
          ...(relation.itemOrder && { order: relation.itemOrder }),
        });
        perModel.set(relation.entity, list);
      }
    byModel.set(model, perModel);
  }
  return perModel.get(entity.id) ?? [];
}
