import type { CompiledEntity, Model } from '../../model/compile-model.js';
import { lineItemsOf } from '../../schema/line-items.js';
import { ref } from './common.js';
import type { JsonSchema } from './field-schemas.js';

/**
 * Documents line items on their parent: the record (single reads and write answers) carries each list
 * as an array of child records, and the create and change bodies accept it as the new complete list, each
 * line the child's changes plus `id` (and `version`) for an existing line. A child the reader cannot see
 * is left out, as the API leaves its lines out.
 */
export function addLineItemSchemas(
  schemas: Record<string, JsonSchema>,
  model: Model,
  entities: CompiledEntity[],
  names: Map<string, string>,
): void {
  const visible = new Set(entities.map((e) => e.id));
  for (const parent of entities) {
    const name = names.get(parent.id)!;
    for (const items of lineItemsOf(model, parent)) {
      if (!visible.has(items.child.id)) continue;
      const childName = names.get(items.child.id)!;
      const childPatch = schemas[`${childName}Patch`] as { properties?: Record<string, JsonSchema> } | undefined;
      const { version, [items.via]: _via, ...fields } = childPatch?.properties ?? {};
      const line = {
        type: 'object',
        description: `A line: without \`id\` a new ${childName} record; with \`id\` the changes of that line (a value sent back unchanged is no change).${items.order ? ` \`${items.order}\` is set from the line's place in the list.` : ''} \`${items.via}\` is set by the engine.`,
        properties: { id: { type: 'string', format: 'uuid' }, ...(version && { version }), ...fields },
        additionalProperties: false,
      };
      const list = {
        type: 'array',
        items: line,
        description: `The complete list of ${items.name}, saved with the record in one transaction: lines missing from it are deleted${items.order ? ', and the order of the list is kept' : ''}. A bad line is a 422 pointing at \`/${items.name}/<index>/<field>\`.`,
      };
      addProperty(schemas[name], items.name, {
        type: 'array',
        items: ref(childName),
        description: `On a single read and on the create and change answers: the ${childName} lines of this record.`,
      });
      addProperty(schemas[`${name}Patch`], items.name, list);
      for (const [key, schema] of Object.entries(schemas))
        if (key === `${name}Create` || key.startsWith(`${name}Create.`)) addProperty(schema, items.name, list);
    }
  }
}

function addProperty(schema: JsonSchema | undefined, name: string, property: JsonSchema): void {
  const properties = (schema as { properties?: Record<string, JsonSchema> } | undefined)?.properties;
  if (properties) properties[name] = property;
}
