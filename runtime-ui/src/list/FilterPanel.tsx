import { displayKind } from '../fields/kinds';
import { useModel } from '../model/ModelContext';
import type { EntityDefinition, WorkflowDefinition } from '@lodestar/core';
import { FieldFilter } from './FieldFilter';
import { filterStyle } from './filterOptions';
import type { ListFilter } from './listQuery';
import { LIST_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

interface FilterPanelProps {
  entity: EntityDefinition;
  /** Fields offered, in order (the entity's fields, then system attributes). */
  fields: string[];
  workflows: WorkflowDefinition[];
  filters: ListFilter[];
  onChange: (field: string, filters: ListFilter[]) => void;
  onClear: () => void;
  onClose: () => void;
}

/** Every filterable field with its editor; changes apply at once (and land in the URL). */
export function FilterPanel({ entity, fields, workflows, filters, onChange, onClear, onClose }: FilterPanelProps) {
  const { kinds } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const filterable = fields.filter((field) => filterStyle(displayKind(kinds, entity, field)) !== null);
  return (
    <section className="filter-panel" id="list-filter-panel" aria-label={t.filters} data-testid="filter-panel">
      <div className="filter-grid">
        {filterable.map((field) => (
          <FieldFilter
            key={field}
            entity={entity}
            field={field}
            workflows={workflows}
            filters={filters.filter((f) => f.field === field)}
            onChange={onChange}
          />
        ))}
      </div>
      <div className="filter-panel-actions">
        <button type="button" className="link-button" onClick={onClear} disabled={filters.length === 0}>
          {t.clearFilters}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </section>
  );
}
