import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../../model/types';
import { FieldValue } from '../../fields/FieldValue';
import { RelationTitles } from '../form/RelationPicker';

/**
 * One value of a record read by id (not expanded): related records by their titles, looked up as the form's
 * picker does, everything else as lists show it (formatted by kind).
 */
export function ReadValue({ entity, field, record }: { entity: EntityDefinition; field: string; record: RecordJson }) {
  const def = entity.properties[field];
  const target = def?.['x-relation']?.entity ?? def?.items?.['x-relation']?.entity;
  const value = record[field];
  const ids =
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string')
        : [];
  if (target && ids.length > 0) return <RelationTitles target={target} ids={ids} />;
  return <FieldValue entity={entity} field={field} record={record} />;
}
