import type { EntityDefinition } from '@lodestar/core';
import { effectiveFields, orderFields } from '../form/formSchema';

/**
 * The key fields of a record's header: the definition's `x-ui.highlights`, else its first four list fields
 * (title aside); only those the record's type shows and the reader sees (hidden fields are not in the entity).
 */
export function highlightFields(entity: EntityDefinition, recordType: string | undefined): string[] {
  const { visible } = effectiveFields(entity, recordType);
  const shown = new Set(visible);
  const named = entity['x-ui']?.highlights;
  const candidates =
    named ??
    orderFields(
      entity,
      Object.keys(entity.properties).filter(
        (name) => entity.properties[name]?.['x-ui']?.list && name !== entity['x-entity'].titleField,
      ),
    );
  return candidates.filter((name) => shown.has(name) && name in entity.properties).slice(0, named ? 8 : 4);
}
