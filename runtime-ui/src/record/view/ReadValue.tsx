import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../../model/types';
import { FieldValue } from '../../fields/FieldValue';
import { RelationTitles } from '../form/RelationPicker';
import { useModel } from '../../model/ModelContext';

/**
 * One value of a record read by id (not expanded): related records by their titles, looked up as the form's
 * picker does, everything else as lists show it (formatted by kind).
 */
export function ReadValue({ entity, field, record }: { entity: EntityDefinition; field: string; record: RecordJson }) {
  const model = useModel();
  const def = entity.properties[field];
  const target = def?.['x-relation']?.entity ?? def?.items?.['x-relation']?.entity;
  const titleField = target ? model.entity(target)?.['x-entity'].titleField : undefined;
  const ids = target && titleField ? idsToLookUp(record[field], titleField) : [];
  if (target && ids.length > 0) return <RelationTitles target={target} ids={ids} />;
  return <FieldValue entity={entity} field={field} record={record} />;
}

/**
 * The ids of a relation value whose titles must be looked up: a bare id, a list of them, or links with
 * attributes (`{ id, role, … }`: no title field). Empty when the value says more (an expanded record with its
 * title, a restricted one), which FieldValue shows as it is.
 */
function idsToLookUp(value: unknown, titleField: string): string[] {
  const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  const ids = items.map((item) => {
    if (typeof item === 'string') return item;
    const link = item as Record<string, unknown> | null;
    return link && typeof link.id === 'string' && !link.restricted && !(titleField in link) ? link.id : undefined;
  });
  return ids.every((id): id is string => id !== undefined) ? ids : [];
}
