import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, useDocumentTitle, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { entityTitle, recordTitle } from '../model/labels';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../model/types';
import { paths } from '../app/paths';
import { Spinner } from '../app/Spinner';
import { RECORD_MESSAGES } from './messages';
import { useRecord } from './useRecord';
import { RecordHeader } from './RecordHeader';
import { RecordForm } from './form/RecordForm';
import { WorkflowPanel } from './stage/WorkflowPanel';
import { RecordTabs } from './tabs/RecordTabs';
import { RelatedTab } from './tabs/RelatedTab';
import { RecordView } from './view/RecordView';
import { Timeline } from './timeline/Timeline';
import { NewRecord } from './NewRecord';
import './record.css';

/** `/records/:entity/:id` and `/records/:entity/new`: a record's page, generated from its entity's definition. */
export function RecordPage() {
  const { entity: entityId = '', id = '' } = useParams();
  const model = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const entity = model.entity(entityId);
  if (!entity) {
    return (
      <div className="empty-state">
        <h2>{t.unknownEntity}</h2>
        <Link className="button" to={paths.home()}>
          {t.backToList}
        </Link>
      </div>
    );
  }
  if (id === 'new') return <NewRecord key={entity.$id} entity={entity} />;
  return <ExistingRecord key={`${entity.$id}/${id}`} entity={entity} id={id} />;
}

/**
 * A stored record, built for follow-up: the header with its key fields, the stage path, the record read as
 * text until Edit (then the form, Save / Cancel), related lists below it, and the activity timeline with the
 * follow-up box beside it on a desktop (below on a phone). The full stage history and audit trail close the page.
 */
function ExistingRecord({ entity, id }: { entity: EntityDefinition; id: string }) {
  const { lang, permissions, workflowOf } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const { state, reload, replace } = useRecord(entity.$id, id);
  // Bumped after a save or an event, so transitions, history and audit read again.
  const [changes, setChanges] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState(false);
  // What the last save did beyond the user's edits (merged with someone else's), until the next edit.
  const [savedNote, setSavedNote] = useState<string | undefined>();
  const record = state.status === 'ready' ? state.record : undefined;
  useDocumentTitle(record ? recordTitle(entity, record) : entityTitle(entity, lang));
  const saved = useCallback(
    (next: RecordJson, note?: string) => (
      replace(next),
      setChanges((n) => n + 1),
      setEditing(false),
      setDirty(false),
      setSavedNote(note)
    ),
    [replace],
  );
  const refresh = useCallback(() => (reload(), setChanges((n) => n + 1)), [reload]);
  const cancel = useCallback(() => {
    if (dirty && !window.confirm(t.discardConfirm)) return;
    setEditing(false);
    setDirty(false);
  }, [dirty, t]);
  // Unsaved edits are not lost to a closed tab or a reload without asking.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (state.status === 'loading') return <Spinner label={t.loading} />;
  if (state.status === 'error') {
    const missing = state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 403);
    return (
      <div className="notice notice-error page-notice" role="alert">
        <strong>{missing ? t.notFound : t.loadFailed}</strong>
        {!missing && <span className="notice-detail">{state.error.message}</span>}
        <div className="record-actions">
          {!missing && (
            <button type="button" className="button" onClick={reload}>
              {t.retry}
            </button>
          )}
          <Link className="button button-quiet" to={paths.list(entity.$id)}>
            {t.backToList}
          </Link>
        </div>
      </div>
    );
  }
  const recordType = (state.record.record_type as string | null) ?? undefined;
  const workflow = workflowOf(entity.$id, recordType);
  const locked = (permissions[entity.$id]?.update ?? 'none') === 'none';
  return (
    <div className="record-page">
      <RecordHeader entity={entity} record={state.record} />
      {workflow && (
        <WorkflowPanel
          entity={entity}
          record={state.record}
          workflow={workflow}
          dirty={dirty}
          changes={changes}
          onChanged={refresh}
        />
      )}
      <div className="record-columns">
        <div className="record-main">
          <section className="record-details" aria-label={recordTitle(entity, state.record)}>
            {!editing && !locked && (
              <div className="record-details-bar">
                <button
                  type="button"
                  className="button button-primary record-edit"
                  onClick={() => (setEditing(true), setSavedNote(undefined))}
                >
                  {t.edit}
                </button>
              </div>
            )}
            {editing ? (
              <RecordForm
                key={`${state.record.id}:${String(state.record.version)}`}
                entity={entity}
                recordType={recordType}
                record={state.record}
                label={recordTitle(entity, state.record)}
                locked={locked}
                onSaved={saved}
                onDirtyChange={setDirty}
                onReload={reload}
                onCancel={cancel}
              />
            ) : (
              <>
                {locked && <div className="notice record-notice">{t.readOnlyNotice}</div>}
                {savedNote && (
                  <div className="notice record-notice" role="status" data-testid="merged-note">
                    {savedNote}
                  </div>
                )}
                <RecordView entity={entity} record={state.record} />
              </>
            )}
          </section>
          <section className="record-related" aria-label={t.relatedLists}>
            <h2 className="record-side-title">{t.relatedLists}</h2>
            <RelatedTab entity={entity} record={state.record} />
          </section>
        </div>
        <aside className="record-side">
          <Timeline entity={entity} record={state.record} workflow={workflow} changes={changes} />
        </aside>
      </div>
      <RecordTabs entity={entity} record={state.record} changes={changes} />
    </div>
  );
}
