import { memo, useCallback, useState, type KeyboardEvent } from 'react';
import { FieldValue } from '../fields/FieldValue';
import { displayKind, isSortableKind, type DisplayKind } from '../fields/kinds';
import { entityTitle, fieldTitle } from '../model/labels';
import { useModel } from '../model/ModelContext';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../model/types';
import type { SortKey } from './listQuery';
import { InlineCell, isInlineEditable } from './InlineCell';
import { LIST_MESSAGES } from './messages';
import './list.css';
import './list-table.css';
import { useMessages } from '@lodestar/ui-shared';

export interface RecordTableProps {
  entity: EntityDefinition;
  rows: RecordJson[];
  /** Field names, in order (system attributes such as `state` or `owner_id` included). */
  columns: string[];
  sort?: SortKey | null;
  /** Given: sortable headers become buttons cycling ascending → descending → none. */
  onSort?: (sort: SortKey | null) => void;
  onOpen: (record: RecordJson) => void;
  /** Placeholder rows while the first page loads. */
  skeletonRows?: number;
  /** Rows shown dimmed while a new query is on its way. */
  stale?: boolean;
}

/** A table of records: one row per record, one formatted cell per column; a row opens its record. */
export function RecordTable({
  entity,
  rows,
  columns,
  sort,
  onSort,
  onOpen,
  skeletonRows = 0,
  stale = false,
}: RecordTableProps) {
  const { lang, kinds, permissions } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const granted = permissions[entity.$id];
  const editable = editableColumns(entity, columns, kinds, granted?.update !== 'none', granted?.readOnly ?? []);
  const next = (field: string): SortKey | null =>
    sort?.field !== field ? { field, desc: false } : !sort.desc ? { field, desc: true } : null;

  return (
    <div className="record-table-wrap">
      <table
        role="table"
        className={stale ? 'record-table stale' : 'record-table'}
        aria-label={entityTitle(entity, lang)}
        aria-busy={skeletonRows > 0 || stale}
      >
        <thead>
          <tr>
            {columns.map((field) => {
              const title = fieldTitle(entity, field, lang);
              const sorted = sort?.field === field ? (sort.desc ? 'descending' : 'ascending') : undefined;
              const kind = displayKind(kinds, entity, field);
              const numeric = kind === 'money' || kind === 'number' || kind === 'integer';
              return (
                <th key={field} scope="col" aria-sort={sorted ?? 'none'} className={numeric ? 'numeric' : undefined}>
                  {onSort && isSortableKind(kind) ? (
                    <button type="button" className="sort-button" onClick={() => onSort(next(field))}>
                      {title}
                      <span className={`sort-mark ${sorted ?? ''}`} aria-hidden="true" />
                      {sorted && (
                        <span className="visually-hidden">{sorted === 'ascending' ? t.sortAsc : t.sortDesc}</span>
                      )}
                    </button>
                  ) : (
                    title
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {skeletonRows > 0
            ? Array.from({ length: skeletonRows }, (_, i) => <SkeletonRow key={i} width={columns.length} />)
            : rows.map((record) => (
                <Row
                  key={record.id}
                  entity={entity}
                  record={record}
                  columns={columns}
                  onOpen={onOpen}
                  numeric={numericColumns(kinds, entity, columns)}
                  labels={columnLabels(entity, columns, lang)}
                  editable={editable}
                />
              ))}
        </tbody>
      </table>
    </div>
  );
}

// Which columns align right; memoized per column list so the rows' props stay equal between renders.
const numericCache = new WeakMap<string[], boolean[]>();
function numericColumns(
  kinds: Parameters<typeof displayKind>[0],
  entity: EntityDefinition,
  columns: string[],
): boolean[] {
  let numeric = numericCache.get(columns);
  if (!numeric) {
    numeric = columns.map((field) => ['money', 'number', 'integer'].includes(displayKind(kinds, entity, field)));
    numericCache.set(columns, numeric);
  }
  return numeric;
}

// Which columns edit in place (InlineCell), memoized per column list like numericColumns.
const editableCache = new WeakMap<string[], (DisplayKind | null)[]>();
function editableColumns(
  entity: EntityDefinition,
  columns: string[],
  kinds: Parameters<typeof displayKind>[0],
  canUpdate: boolean,
  readOnly: readonly string[],
): (DisplayKind | null)[] {
  let editable = editableCache.get(columns);
  if (!editable) {
    editable = columns.map((field) => {
      const kind = displayKind(kinds, entity, field);
      return isInlineEditable(entity, field, kind, canUpdate, readOnly) ? kind : null;
    });
    editableCache.set(columns, editable);
  }
  return editable;
}

// Each cell carries its column's title, which a phone shows beside the value when rows become cards.
const labelCache = new WeakMap<string[], { lang: string; labels: string[] }>();
function columnLabels(entity: EntityDefinition, columns: string[], lang: Parameters<typeof fieldTitle>[2]): string[] {
  const cached = labelCache.get(columns);
  if (cached?.lang === lang) return cached.labels;
  const labels = columns.map((field) => fieldTitle(entity, field, lang));
  labelCache.set(columns, { lang, labels });
  return labels;
}

interface RowProps {
  entity: EntityDefinition;
  record: RecordJson;
  columns: string[];
  numeric: boolean[];
  labels: string[];
  /** Per column: the kind of a cell edited in place, or null. */
  editable: (DisplayKind | null)[];
  onOpen: (record: RecordJson) => void;
}

/** One record; memoized so loading more rows or toggling a menu does not re-render the rows already shown. */
const Row = memo(function Row({ entity, record: listed, columns, numeric, labels, editable, onOpen }: RowProps) {
  const { lang } = useModel();
  // A cell saved in place replaces the row's record until the list reloads it.
  const [saved, setSaved] = useState<RecordJson | null>(null);
  const record = saved && (saved.version ?? 0) > (listed.version ?? 0) ? saved : listed;
  const open = useCallback(() => onOpen(record), [onOpen, record]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) open();
  };
  return (
    <tr data-record-id={record.id} tabIndex={0} onClick={open} onKeyDown={onKeyDown}>
      {columns.map((field, i) => (
        <td key={field} className={numeric[i] ? 'numeric' : undefined} data-label={labels[i]}>
          {editable[i] ? (
            <InlineCell
              entity={entity}
              field={field}
              kind={editable[i]}
              title={labels[i]!}
              lang={lang}
              record={record}
              onSaved={setSaved}
            />
          ) : (
            <FieldValue entity={entity} field={field} record={record} />
          )}
        </td>
      ))}
    </tr>
  );
});

function SkeletonRow({ width }: { width: number }) {
  return (
    <tr className="skeleton-row" aria-hidden="true">
      {Array.from({ length: width }, (_, i) => (
        <td key={i}>
          <span className="skeleton-bar" style={{ width: `${40 + ((i * 23) % 45)}%` }} />
        </td>
      ))}
    </tr>
  );
}
