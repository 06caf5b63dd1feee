import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, sendJson, useMessages } from '@lodestar/ui-shared';
import { recordTitle } from '../model/labels';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../model/types';
import { paths } from '../app/paths';
import { RECORD_MESSAGES } from './messages';

/** A modal confirmation before `DELETE …?version=`; back to the list once done. */
export function DeleteDialog({
  entity,
  record,
  onClose,
}: {
  entity: EntityDefinition;
  record: RecordJson;
  onClose(): void;
}) {
  const t = useMessages(RECORD_MESSAGES);
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await sendJson(
        'DELETE',
        `/api/v1/records/${encodeURIComponent(entity.$id)}/${encodeURIComponent(record.id)}?version=${String(record.version)}`,
      );
      navigate(paths.list(entity.$id));
    } catch (e) {
      setBusy(false);
      setError(e instanceof ApiError && e.status === 409 ? t.conflict : (e as Error).message);
    }
  };
  return (
    <dialog ref={dialog} className="record-dialog" aria-labelledby="delete-title" onClose={onClose} onCancel={onClose}>
      <h2 id="delete-title">{t.deleteTitle}</h2>
      <p>{t.deleteBody(recordTitle(entity, record))}</p>
      {error && (
        <p className="ls-error" role="alert">
          {t.deleteFailed}: {error}
        </p>
      )}
      <div className="record-dialog-actions">
        <button type="button" className="button button-quiet" onClick={onClose} disabled={busy}>
          {t.cancel}
        </button>
        <button type="button" className="button button-danger" onClick={confirm} disabled={busy} aria-busy={busy}>
          {busy ? t.deleting : t.delete}
        </button>
      </div>
    </dialog>
  );
}
