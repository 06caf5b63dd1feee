import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { descriptionOf, useDocumentTitle, useMessages } from '@lodestar/ui-shared';
import { paths } from '../app/paths';
import { displayKind } from '../fields/kinds';
import { entityTitle, workflowTitle } from '../model/labels';
import { useModel } from '../model/ModelContext';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../model/types';
import { ColumnChooser } from './ColumnChooser';
import { choosableColumns, defaultColumns, workflowsOfEntity } from './columns';
import { ExportButton } from './ExportButton';
import { ImportButton } from '../import/ImportButton';
import { FilterChips } from './FilterChips';
import { FilterPanel } from './FilterPanel';
import { EmptyList, ListError } from './ListNotices';
import {
  apiParams,
  parseListQuery,
  toSearchParams,
  withFieldFilters,
  type ListFilter,
  type ListQuery,
  type SortKey,
} from './listQuery';
import { LIST_MESSAGES } from './messages';
import { NewButton } from './NewButton';
import { RecordTable } from './RecordTable';
import { SavedViews } from './SavedViews';
import { SearchBox } from './SearchBox';
import { ListTotals } from './ListTotals';
import { PAGE_SIZE, useRecordPages } from './useRecordPages';
import { useTotals } from './useTotals';

/** `/records/:entity`: the generated list of an entity's records. */
export function ListPage() {
  const { entity: id = '' } = useParams();
  const { entity: entityById } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const entity = entityById(id);
  if (!entity) {
    return (
      <div className="empty-state">
        <h2>{t.noMatchTitle}</h2>
      </div>
    );
  }
  // A new entity starts a new list: no rows, menus or paging state carried over.
  return <ListView key={entity.$id} entity={entity} />;
}

function ListView({ entity }: { entity: EntityDefinition }) {
  const { kinds, lang, me, workflows: allWorkflows } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const title = entityTitle(entity, lang);
  useDocumentTitle(title);

  // The URL is the source of truth, but router navigation runs as a transition: a local copy updated in
  // the same event keeps controlled inputs (checkboxes, radios) in step with the click.
  const urlQuery = useMemo(() => parseListQuery(searchParams), [searchParams]);
  const [query, setQuery] = useState(urlQuery);
  useEffect(() => setQuery((local) => (sameQuery(local, urlQuery) ? local : urlQuery)), [urlQuery]);
  const workflows = useMemo(() => workflowsOfEntity(entity, allWorkflows), [entity, allWorkflows]);
  const choosable = useMemo(() => choosableColumns(entity, workflows.length > 0), [entity, workflows]);
  const columnsKey = (
    query.columns?.filter((c) => choosable.includes(c)) ?? defaultColumns(entity, kinds, workflows.length > 0)
  ).join(',');
  // One array per distinct column list, so memoized rows see equal props between renders.
  const columns = useMemo(() => columnsKey.split(','), [columnsKey]);

  // Discrete changes (sort, filters, views) are history entries; typing in the search box replaces.
  const update = useCallback(
    (next: ListQuery, replace = false) => {
      setQuery(next);
      setSearchParams(toSearchParams(next), { replace });
    },
    [setSearchParams],
  );

  const isDateTime = (field: string) => displayKind(kinds, entity, field) === 'dateTime';
  const filterParams = apiParams(query, { meId: me.id, isDateTime }).toString();
  const listParams = useMemo(() => {
    const params = new URLSearchParams(filterParams);
    // Only the shown columns travel (plus the record type, which picks a record's workflow); relations come expanded for their titles.
    params.set(
      'fields',
      [...new Set([...columns, 'record_type'])].filter((c) => choosable.includes(c) || c === 'record_type').join(','),
    );
    const expand = columns.filter((c) => displayKind(kinds, entity, c) === 'manyToOne');
    if (expand.length) params.set('expand', expand.join(','));
    return params.toString();
  }, [filterParams, columns, choosable, kinds, entity]);
  const pages = useRecordPages(entity.$id, listParams);
  const moneyColumns = useMemo(
    () => columns.filter((c) => displayKind(kinds, entity, c) === 'money'),
    [columns, kinds, entity],
  );
  const totals = useTotals(entity.$id, filterParams, moneyColumns);

  // Rendering time for the browser tests: from the data's arrival to these rows being committed.
  useLayoutEffect(() => {
    if (pages.status === 'ready') performance.mark('lodestar:list-rendered');
  }, [pages.rows, pages.status]);

  const onOpen = useCallback(
    (record: RecordJson) => navigate(paths.record(entity.$id, record.id)),
    [navigate, entity.$id],
  );
  const onSort = useCallback((sort: SortKey | null) => update({ ...query, sort }), [update, query]);
  const onFilter = useCallback(
    (field: string, filters: ListFilter[]) => update(withFieldFilters(query, field, filters)),
    [update, query],
  );
  const clearFilters = () => update({ ...query, filters: [] });

  const filtered = query.q.trim() !== '' || query.filters.length > 0;
  const firstLoad = pages.status === 'loading' && pages.rows.length === 0;
  const description = descriptionOf(entity, lang);
  const activeFields = new Set(query.filters.map((f) => f.field)).size;

  return (
    <div className="list-page">
      <div className="title-row list-title-row">
        <div>
          <h1>{title}</h1>
          {description && <p className="subtitle">{description}</p>}
        </div>
        <NewButton entity={entity} />
      </div>

      <div className="list-toolbar" role="toolbar" aria-label={title}>
        <SearchBox value={query.q} onSearch={(q) => update({ ...query, q }, true)} />
        <button
          type="button"
          className={activeFields ? 'button button-secondary active' : 'button button-secondary'}
          aria-expanded={filtersOpen}
          aria-controls="list-filter-panel"
          onClick={() => setFiltersOpen(!filtersOpen)}
          data-testid="filter-button"
        >
          {t.filters}
          {activeFields > 0 && <span className="count-badge">{activeFields}</span>}
        </button>
        <ColumnChooser
          entity={entity}
          choosable={choosable}
          columns={columns}
          onChange={(next) => update({ ...query, columns: next })}
        />
        <SavedViews
          entity={entity.$id}
          current={{ ...query, columns: query.columns }}
          onApply={(next) => update(next)}
        />
        <ExportButton entity={entity.$id} params={filterParams} columns={columns} />
        <ImportButton entity={entity} onImported={pages.retry} />
        <span className="toolbar-spacer" />
        {workflows.map((workflow) => (
          <Link
            key={workflow.id}
            className="toolbar-link"
            to={paths.kanban(workflow.id)}
            data-testid="kanban-link"
            title={workflowTitle(workflow, lang)}
          >
            {t.kanban}
            {workflows.length > 1 && ` · ${workflowTitle(workflow, lang)}`}
          </Link>
        ))}
      </div>

      {filtersOpen && (
        <FilterPanel
          entity={entity}
          fields={choosable}
          workflows={workflows}
          filters={query.filters}
          onChange={onFilter}
          onClear={clearFilters}
          onClose={() => setFiltersOpen(false)}
        />
      )}
      <FilterChips
        entity={entity}
        workflows={workflows}
        filters={query.filters}
        onRemove={(field) => onFilter(field, [])}
        onClear={clearFilters}
      />

      {pages.status === 'error' && pages.rows.length === 0 ? (
        <ListError entity={entity} error={pages.error!} onRetry={pages.retry} />
      ) : pages.status === 'ready' && pages.rows.length === 0 ? (
        <EmptyList entity={entity} filtered={filtered} />
      ) : (
        <>
          <RecordTable
            entity={entity}
            rows={pages.rows}
            columns={columns}
            sort={query.sort}
            onSort={onSort}
            onOpen={onOpen}
            skeletonRows={firstLoad ? 8 : 0}
            stale={pages.status === 'loading'}
          />
          <div className="list-footer">
            {totals && <ListTotals entity={entity} totals={totals} />}
            <span className="muted" data-testid="list-count" aria-live="polite">
              {firstLoad ? t.loading : t.shown(`${pages.rows.length}${pages.hasMore ? '+' : ''}`)}
            </span>
            {pages.status === 'error' && <ListError entity={entity} error={pages.error!} onRetry={pages.retry} />}
            {pages.hasMore && pages.status !== 'error' && (
              <button
                type="button"
                className="button button-secondary"
                onClick={pages.loadMore}
                disabled={pages.status === 'more' || pages.status === 'loading'}
              >
                {pages.status === 'more' ? t.loadingMore : t.loadMore}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function sameQuery(a: ListQuery, b: ListQuery): boolean {
  return toSearchParams(a).toString() === toSearchParams(b).toString();
}

export { PAGE_SIZE };
