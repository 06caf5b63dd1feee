import type { EntityDefinition } from '@lodestar/core';
import { useModel } from '../model/ModelContext';
import { fieldTitle } from '../model/labels';
import type { RecordJson } from '../model/types';

/** The record's numbers (`x-sequence` fields, e.g. QT-2026-0001) beside its title, as people quote them. */
export function RecordNumbers({ entity, record }: { entity: EntityDefinition; record: RecordJson }) {
  const { lang } = useModel();
  const numbers = Object.entries(entity.properties).filter(
    ([name, field]) => field['x-sequence'] !== undefined && typeof record[name] === 'string' && record[name] !== '',
  );
  return numbers.map(([name]) => (
    <span key={name} className="record-number" title={fieldTitle(entity, name, lang)} data-testid="record-number">
      {String(record[name])}
    </span>
  ));
}
