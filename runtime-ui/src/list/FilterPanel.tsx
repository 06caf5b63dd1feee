import { useState } from 'react';
import { displayKind } from '../fields/kinds';
import { fieldTitle } from '../model/labels';
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

/**
 * The filter panel starts with the fields the definition marks as common (`x-ui.filter`) and those already
 * filtered; any other field is found by typing its title. Without marks every filterable field is shown.
 * Changes apply at once (and land in the URL).
 */
export function FilterPanel({ entity, fields, workflows, filters, onChange, onClear, onClose }: FilterPanelProps) {
  const { kinds, lang } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const [added, setAdded] = useState<string[]>([]);
  const [text, setText] = useState('');
  const filterable = fields.filter((field) => filterStyle(displayKind(kinds, entity, field)) !== null);
  const common = filterable.filter((field) => entity.properties[field]?.['x-ui']?.filter === true);
  const shown = common.length
    ? filterable.filter((f) => common.includes(f) || added.includes(f) || filters.some((x) => x.field === f))
    : filterable;
  const query = text.trim().toLowerCase();
  const found = query
    ? filterable
        .filter((f) => !shown.includes(f))
        .filter((f) => fieldTitle(entity, f, lang).toLowerCase().includes(query) || f.toLowerCase().includes(query))
        .slice(0, 8)
    : [];
  return (
    <section className="filter-panel" id="list-filter-panel" aria-label={t.filters} data-testid="filter-panel">
      <div className="filter-grid">
        {shown.map((field) => (
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
      {shown.length < filterable.length && (
        <div className="filter-find">
          <input
            type="search"
            className="filter-input"
            aria-label={t.filterField}
            placeholder={t.findField}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {found.length > 0 && (
            <ul className="filter-candidates">
              {found.map((field) => (
                <li key={field}>
                  <button type="button" onClick={() => (setAdded([...added, field]), setText(''))}>
                    {fieldTitle(entity, field, lang)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
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
