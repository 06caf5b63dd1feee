import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { getJson, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { entityTitle, fieldTitle } from '../../model/labels';
import type { EntityDefinition, TotalsAnswer } from '@lodestar/core';
import type { RecordJson, RecordPage } from '../../model/types';
import { RecordTable } from '../../list/RecordTable';
import { paths } from '../../app/paths';
import { Spinner } from '../../app/Spinner';
import { RECORD_MESSAGES } from '../messages';
import { LinkedGroup } from './LinkedGroup';

interface Reference {
  other: EntityDefinition;
  field: string;
  /** The columns the definition chose (`x-ui.related[].columns`); else relatedColumns. */
  columns?: string[];
}

/**
 * The related lists of a record page: the ones the definition chose (`x-ui.related`, in its order, with its
 * columns), else every (entity, field) pointing here. Entities the reader cannot read are left out either way.
 */
export function relatedListsOf(
  entity: EntityDefinition,
  entities: EntityDefinition[],
  kinds: Record<string, Record<string, string>>,
  canRead: (id: string) => boolean,
): Reference[] {
  const chosen = entity['x-ui']?.related;
  if (!chosen) return referencesTo(entities, kinds, entity.$id, canRead);
  return chosen.flatMap(({ entity: id, via, columns }) => {
    const other = entities.find((e) => e.$id === id);
    if (!other || !canRead(id) || other.properties[via]?.['x-relation']?.entity !== entity.$id) return [];
    return [{ other, field: via, ...(columns && { columns }) }];
  });
}

/** Every (entity, manyToOne field) pointing at this record's entity, from the definitions. */
function referencesTo(
  entities: EntityDefinition[],
  kinds: Record<string, Record<string, string>>,
  target: string,
  canRead: (id: string) => boolean,
): Reference[] {
  return entities.flatMap((other) =>
    Object.entries(other.properties)
      .filter(
        ([field, def]) =>
          (kinds[other.$id]?.[field] === 'manyToOne' || def['x-relation']?.attributes !== undefined) &&
          def['x-relation']?.entity === target &&
          canRead(other.$id),
      )
      .map(([field]) => ({ other, field })),
  );
}

export function RelatedTab({ entity, record }: { entity: EntityDefinition; record: RecordJson }) {
  const { entities, kinds, permissions } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const refs = relatedListsOf(entity, entities, kinds, (id) => (permissions[id]?.read ?? 'none') !== 'none');
  if (!refs.length) return <p className="empty-state muted">{t.noRelated}</p>;
  return (
    <div className="related-list">
      {refs.map((ref) =>
        ref.other.properties[ref.field]?.['x-relation']?.attributes ? (
          <LinkedGroup key={`${ref.other.$id}.${ref.field}`} other={ref.other} field={ref.field} id={record.id} />
        ) : (
          <RelatedGroup
            key={`${ref.other.$id}.${ref.field}`}
            reference={ref}
            id={record.id}
            multiple={ref.other.$id === entity.$id || refs.filter((r) => r.other === ref.other).length > 1}
          />
        ),
      )}
    </div>
  );
}

/** Up to 10 records of one entity whose field names this record, with a prefilled "New …" link. */
function RelatedGroup({
  reference: { other, field, columns: chosen },
  id,
  multiple,
}: {
  reference: Reference;
  id: string;
  multiple: boolean;
}) {
  const { lang, permissions } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const navigate = useNavigate();
  const [rows, setRows] = useState<RecordJson[] | null | Error>(null);
  const [count, setCount] = useState<TotalsAnswer | null>(null);
  const { kinds } = useModel();
  const columns = chosen ?? relatedColumns(other, field);
  // Related titles in the table come expanded, not as bare ids.
  const expand = columns.filter((c) => kinds[other.$id]?.[c] === 'manyToOne').join(',');
  useEffect(() => {
    const controller = new AbortController();
    getJson<RecordPage>(
      `/api/v1/records/${encodeURIComponent(other.$id)}?limit=10&sort=-updated_at&filter[${encodeURIComponent(field)}]=${encodeURIComponent(id)}${expand ? `&expand=${expand}` : ''}`,
      controller.signal,
    ).then(
      (page) => setRows(page.data),
      (error: Error) => !controller.signal.aborted && setRows(error),
    );
    // How many in all (the table shows 10): the list's own count, under the same permissions.
    getJson<TotalsAnswer>(
      `/api/v1/records/${encodeURIComponent(other.$id)}/totals?filter[${encodeURIComponent(field)}]=${encodeURIComponent(id)}`,
      controller.signal,
    ).then(
      (answer) => setCount(answer),
      () => undefined,
    );
    return () => controller.abort();
  }, [other.$id, field, id, expand]);
  const title = multiple
    ? `${entityTitle(other, lang)}${lang === 'zh' ? `（${fieldTitle(other, field, lang)}）` : ` (${fieldTitle(other, field, lang)})`}`
    : entityTitle(other, lang);
  const canCreate = (permissions[other.$id]?.create ?? 'none') !== 'none';
  return (
    <section className="related-group" data-testid={`related-${other.$id}-${field}`} aria-label={title}>
      <div className="related-head">
        <h3>
          {title}
          {count && (
            <span className="related-count" data-testid="related-count">
              {t.countOf(count.count, count.exact)}
            </span>
          )}
        </h3>
        <div className="related-links">
          <Link to={`${paths.list(other.$id)}?filter[${encodeURIComponent(field)}]=${encodeURIComponent(id)}`}>
            {t.viewAll}
          </Link>
          {canCreate && (
            <Link className="button button-small" to={paths.newRecord(other.$id, undefined, { [field]: id })}>
              {t.newOf(entityTitle(other, lang))}
            </Link>
          )}
        </div>
      </div>
      {rows === null ? (
        <Spinner label={t.loading} />
      ) : rows instanceof Error ? (
        <p className="ls-error">{rows.message}</p>
      ) : rows.length === 0 ? (
        <p className="muted related-empty">{t.noneYet}</p>
      ) : (
        <RecordTable
          entity={other}
          rows={rows}
          columns={columns}
          onOpen={(r) => navigate(paths.record(other.$id, r.id))}
        />
      )}
    </section>
  );
}

/** The title field, the stage when there is one, then the first few ordered fields other than the link back. */
function relatedColumns(other: EntityDefinition, field: string): string[] {
  const titleField = other['x-entity'].titleField;
  const rest = Object.entries(other.properties)
    .filter(
      ([name, def]) =>
        name !== titleField && name !== field && !def['x-ui']?.hidden && def.type !== 'array' && !def['x-multiline'],
    )
    .sort(([, a], [, b]) => (a['x-ui']?.order ?? 999) - (b['x-ui']?.order ?? 999))
    .slice(0, 3)
    .map(([name]) => name);
  return [titleField, ...rest, 'updated_at'];
}
