import { useState } from 'react';
import { Link } from 'react-router';
import { useModel } from '../model/ModelContext';
import { entityTitle, recordTitle, recordTypeTitle } from '../model/labels';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../model/types';
import { UserName } from '../fields/FieldValue';
import { paths } from '../app/paths';
import { RECORD_MESSAGES } from './messages';
import { dateTimeText } from './time';
import { DeleteDialog } from './DeleteDialog';
import { RecordNumbers } from './RecordNumbers';
import { useMessages } from '@lodestar/ui-shared';
import { ReadValue } from './view/ReadValue';
import { fieldTitle } from '../model/labels';
import { highlightFields } from './view/highlights';
import type { ReactNode } from 'react';

/** Title, record type, owner, the definition's key fields (`x-ui.highlights`), last update, delete when the user may. */
export function RecordHeader({
  entity,
  record,
  children,
}: {
  entity: EntityDefinition;
  record: RecordJson;
  /** Beside the title: the SLA countdown. */
  children?: ReactNode;
}) {
  const { lang, permissions } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const [deleting, setDeleting] = useState(false);
  const canDelete = (permissions[entity.$id]?.delete ?? 'none') !== 'none';
  const type = recordTypeTitle(entity, record.record_type as string | null, lang);
  const highlights = highlightFields(entity, (record.record_type as string | null) ?? undefined);
  return (
    <header className="record-header">
      <div className="record-header-main">
        <nav className="record-crumb" aria-label={entityTitle(entity, lang)}>
          <Link to={paths.list(entity.$id)}>{entityTitle(entity, lang)}</Link>
        </nav>
        <div className="record-title-line">
          <h1 className="record-title">{recordTitle(entity, record)}</h1>
          <RecordNumbers entity={entity} record={record} />
          {type && (
            <span className="badge" data-testid="record-type">
              {type}
            </span>
          )}
          {children}
        </div>
        {highlights.length > 0 && (
          <dl className="record-highlights" data-testid="highlights" aria-label={t.highlights}>
            {highlights.map((name) => (
              <div key={name} data-highlight={name}>
                <dt>{fieldTitle(entity, name, lang)}</dt>
                <dd>
                  <ReadValue entity={entity} field={name} record={record} />
                </dd>
              </div>
            ))}
          </dl>
        )}
        <dl className="record-meta">
          {typeof record.owner_id === 'string' && (
            <div>
              <dt>{t.owner}</dt>
              <dd data-testid="record-owner">
                <UserName id={record.owner_id} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t.updated}</dt>
            <dd>
              <time dateTime={String(record.updated_at)}>{dateTimeText(record.updated_at, lang)}</time>
              {typeof record.updated_by === 'string' && (
                <>
                  {' '}
                  · <UserName id={record.updated_by} />
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t.created}</dt>
            <dd>
              <time dateTime={String(record.created_at)}>{dateTimeText(record.created_at, lang)}</time>
            </dd>
          </div>
        </dl>
      </div>
      {canDelete && (
        <div className="record-header-actions">
          <button type="button" className="button button-danger-quiet" onClick={() => setDeleting(true)}>
            {t.delete}
          </button>
        </div>
      )}
      {deleting && <DeleteDialog entity={entity} record={record} onClose={() => setDeleting(false)} />}
    </header>
  );
}
