import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { choiceLabel, type EntityDefinition, type FieldDefinition } from '@lodestar/core';
import { getJson, titleOf, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { entityTitle, fieldTitle, recordTitle } from '../../model/labels';
import type { RecordJson, RecordPage } from '../../model/types';
import { paths } from '../../app/paths';
import { Spinner } from '../../app/Spinner';
import { RECORD_MESSAGES } from '../messages';

/**
 * The records that link this one through a many-to-many with attributes (the opportunities a contact is on),
 * each with the attributes of this record's link (its role and influence there): the other side of the grid.
 */
export function LinkedGroup({ other, field, id }: { other: EntityDefinition; field: string; id: string }) {
  const { lang } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const [rows, setRows] = useState<RecordJson[] | null | Error>(null);
  const titleField = other['x-entity'].titleField;
  const attributes: Record<string, FieldDefinition> = other.properties[field]?.['x-relation']?.attributes ?? {};
  useEffect(() => {
    const controller = new AbortController();
    const query = `limit=10&sort=-updated_at&fields=${encodeURIComponent(`${titleField},${field}`)}&filter[${encodeURIComponent(field)}][contains]=${encodeURIComponent(id)}`;
    getJson<RecordPage>(`/api/v1/records/${encodeURIComponent(other.$id)}?${query}`, controller.signal).then(
      (page) => setRows(page.data),
      (error: Error) => !controller.signal.aborted && setRows(error),
    );
    return () => controller.abort();
  }, [other.$id, field, id, titleField]);
  const title = `${entityTitle(other, lang)}${lang === 'zh' ? `（${fieldTitle(other, field, lang)}）` : ` (${fieldTitle(other, field, lang)})`}`;
  const linkOf = (row: RecordJson) =>
    ((row[field] as Record<string, unknown>[] | undefined) ?? []).find((link) => link.id === id) ?? {};
  const shown = (name: string, value: unknown) =>
    value === null || value === undefined
      ? '—'
      : attributes[name]!.enum
        ? choiceLabel(attributes[name], value, lang)
        : String(value);
  return (
    <section className="related-group" data-testid={`related-${other.$id}-${field}`} aria-label={title}>
      <div className="related-head">
        <h3>{title}</h3>
      </div>
      {rows === null ? (
        <Spinner label={t.loading} />
      ) : rows instanceof Error ? (
        <p className="ls-error">{rows.message}</p>
      ) : rows.length === 0 ? (
        <p className="muted related-empty">{t.noneYet}</p>
      ) : (
        <div className="record-table-wrap">
          <table className="record-table">
            <thead>
              <tr>
                <th scope="col">{fieldTitle(other, titleField, lang)}</th>
                {Object.keys(attributes).map((name) => (
                  <th key={name} scope="col">
                    {titleOf(attributes[name]!, lang, name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={paths.record(other.$id, row.id)}>{recordTitle(other, row)}</Link>
                  </th>
                  {Object.keys(attributes).map((name) => (
                    <td key={name}>{shown(name, linkOf(row)[name])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
