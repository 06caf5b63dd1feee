import { formatPlain } from '../fields/format';
import { displayKind, type DisplayKind } from '../fields/kinds';
import { useUsers } from '../fields/useUsers';
import { fieldTitle } from '../model/labels';
import { useModel } from '../model/ModelContext';
import type { EntityDefinition, WorkflowDefinition } from '@lodestar/core';
import { ME, type ListFilter } from './listQuery';
import { LIST_MESSAGES, type ListMessages } from './messages';
import { useRelatedTitles } from './relatedTitles';
import { useMessages } from '@lodestar/ui-shared';

interface FilterChipsProps {
  entity: EntityDefinition;
  workflows: WorkflowDefinition[];
  filters: ListFilter[];
  onRemove: (field: string) => void;
  onClear: () => void;
}

/** The active filters, one removable chip per field. */
export function FilterChips({ entity, workflows, filters, onRemove, onClear }: FilterChipsProps) {
  const t = useMessages(LIST_MESSAGES);
  const fields = [...new Set(filters.map((f) => f.field))];
  if (!fields.length) return null;
  return (
    <div className="filter-chips" role="group" aria-label={t.activeFilters}>
      {fields.map((field) => (
        <Chip
          key={field}
          entity={entity}
          field={field}
          workflows={workflows}
          filters={filters.filter((f) => f.field === field)}
          onRemove={onRemove}
        />
      ))}
      {fields.length > 1 && (
        <button type="button" className="link-button" onClick={onClear}>
          {t.clearFilters}
        </button>
      )}
    </div>
  );
}

function Chip({
  entity,
  field,
  workflows,
  filters,
  onRemove,
}: {
  entity: EntityDefinition;
  field: string;
  workflows: WorkflowDefinition[];
  filters: ListFilter[];
  onRemove: (field: string) => void;
}) {
  const { kinds, lang, entity: entityById } = useModel();
  const { byId } = useUsers();
  const t = useMessages(LIST_MESSAGES);
  const kind = displayKind(kinds, entity, field);
  const target = kind === 'manyToOne' ? entityById(entity.properties[field]?.['x-relation']?.entity ?? '') : undefined;
  const ids = kind === 'manyToOne' ? filters.flatMap((f) => f.value.split(',')) : [];
  const titles = useRelatedTitles(target, ids);
  const show = (value: string): string => {
    if (kind === 'manyToOne') return titles.get(value) ?? value;
    if (kind === 'user') return value === ME ? t.me : (byId.get(value)?.displayName ?? value.slice(0, 8));
    if (kind === 'state')
      return formatPlain(value, { entity, field, kind, lang, workflow: workflows.find((w) => w.states[value]) });
    const coerced = coerce(kind, value);
    return typeof coerced === 'string' &&
      kind !== 'boolean' &&
      !['choice', 'multiChoice', 'recordType'].includes(kind) &&
      !/date/i.test(kind)
      ? coerced
      : formatPlain(coerced, { entity, field, kind: kind === 'multiChoice' ? 'choice' : kind, lang });
  };
  const label = `${fieldTitle(entity, field, lang)}: ${describe(filters, show, t)}`;
  return (
    <span className="filter-chip">
      <span>{label}</span>
      <button type="button" aria-label={t.removeFilter(label)} onClick={() => onRemove(field)}>
        ×
      </button>
    </span>
  );
}

function describe(filters: ListFilter[], show: (value: string) => string, t: ListMessages): string {
  const low = filters.find((f) => f.op === 'gte' || f.op === 'gt');
  const high = filters.find((f) => f.op === 'lte' || f.op === 'lt');
  if (low && high) return `${show(low.value)} – ${show(high.value)}`;
  if (low) return `≥ ${show(low.value)}`;
  if (high) return `≤ ${show(high.value)}`;
  return filters
    .map((f) => {
      if (f.op === 'contains') return `${t.contains} “${show(f.value)}”`;
      if (f.op === 'null') return f.value === 'true' ? t.notFilled : t.filledIn;
      return f.value.split(',').map(show).join(t.listSeparator);
    })
    .join('; ');
}

function coerce(kind: DisplayKind, value: string): unknown {
  if (kind === 'boolean') return value === 'true';
  if (kind === 'integer' || kind === 'number' || kind === 'money')
    return Number.isNaN(Number(value)) ? value : Number(value);
  return value;
}
