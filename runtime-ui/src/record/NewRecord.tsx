import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { entityTitle } from '../model/labels';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../model/types';
import { paths } from '../app/paths';
import { RECORD_MESSAGES } from './messages';
import { RecordForm } from './form/RecordForm';
import { effectiveFields } from './form/formSchema';
import { parsePrefill } from './form/values';
import { TypePicker } from './TypePicker';

/** `/records/:entity/new`: asks for the record type first when the entity has types, then the form (prefilled from the query). */
export function NewRecord({ entity }: { entity: EntityDefinition }) {
  const { lang, kinds, permissions } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const types = entity['x-entity'].recordTypes ?? {};
  const hasTypes = Object.keys(types).length > 0;
  const requested = params.get('type') ?? undefined;
  const recordType = requested && requested in types ? requested : undefined;
  const title = t.newTitle(entityTitle(entity, lang));
  useDocumentTitle(title);
  const query = params.toString();
  const prefill = useMemo(
    () =>
      parsePrefill(new URLSearchParams(query), effectiveFields(entity, recordType).visible, kinds[entity.$id] ?? {}),
    [query, entity, recordType, kinds],
  );
  const saved = useCallback(
    (record: RecordJson) => navigate(paths.record(entity.$id, record.id), { replace: true }),
    [navigate, entity.$id],
  );

  if ((permissions[entity.$id]?.create ?? 'none') === 'none') {
    return (
      <div className="notice page-notice" role="alert">
        <strong>{t.cannotCreate}</strong>
        <Link className="button" to={paths.list(entity.$id)}>
          {t.backToList}
        </Link>
      </div>
    );
  }
  const choose = (type: string) =>
    setParams((current) => new URLSearchParams({ ...Object.fromEntries(current), type }));
  return (
    <div className="record-page">
      <header className="record-header">
        <div className="record-header-main">
          <nav className="record-crumb">
            <Link to={paths.list(entity.$id)}>{entityTitle(entity, lang)}</Link>
          </nav>
          <h1 className="record-title">{title}</h1>
        </div>
      </header>
      {hasTypes && <TypePicker entity={entity} selected={recordType} onChoose={choose} />}
      {(!hasTypes || recordType) && (
        <RecordForm
          key={recordType ?? ''}
          entity={entity}
          recordType={recordType}
          prefill={prefill}
          label={entityTitle(entity, lang)}
          locked={false}
          onSaved={saved}
        />
      )}
    </div>
  );
}
