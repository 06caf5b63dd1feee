import type { EntityDefinition } from '../definitions/entity.js';
import type { CompiledEntity } from '../model/compile-model.js';

/**
 * The entity as an actor who may not see `hidden` sees it: the same table, validators and workflow,
 * without those fields. Every read path (select lists, filters, sorts, search, expand, serialization)
 * works from the view, so a hidden field is never selected, let alone sent.
 */
export function entityView(entity: CompiledEntity, hidden: ReadonlySet<string>): CompiledEntity {
  if (![...hidden].some((name) => entity.fields.has(name))) return entity;
  const fields = new Map([...entity.fields].filter(([name]) => !hidden.has(name)));
  return { ...entity, fields, definition: withoutFields(entity.definition, hidden) };
}

/** The definition without the hidden fields, nor their mentions in `required` and record types. */
function withoutFields(definition: EntityDefinition, hidden: ReadonlySet<string>): EntityDefinition {
  if (!hidden.size) return definition;
  const keep = (name: string) => !hidden.has(name);
  const properties = Object.fromEntries(Object.entries(definition.properties).filter(([name]) => keep(name)));
  const recordTypes = definition['x-entity'].recordTypes;
  const types =
    recordTypes &&
    Object.fromEntries(
      Object.entries(recordTypes).map(([key, type]) => [
        key,
        {
          ...type,
          ...(type.required && { required: type.required.filter(keep) }),
          ...(type.fields && { fields: type.fields.filter(keep) }),
        },
      ]),
    );
  return {
    ...definition,
    properties,
    ...(definition.required && { required: definition.required.filter(keep) }),
    'x-entity': { ...definition['x-entity'], ...(types && { recordTypes: types }) },
  };
}
