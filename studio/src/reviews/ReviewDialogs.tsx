import { useId, useState } from 'react';
import { api, useMessages } from '@lodestar/ui-shared';
import { Dialog } from '../ui/controls';
import { REVIEW_MESSAGES } from './messages';

interface DecisionProps {
  id: string;
  onClose(): void;
  onDone(message: string): void;
}

/** A multi-line text with its label (the dialogs' note and comment). */
function NoteField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="control control-wide">
      <label className="control-label" htmlFor={id}>
        {label}
      </label>
      <textarea id={id} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** Approving publishes exactly what was submitted; the engine refuses the submitter and a stale submission. */
export function ApproveDialog({ id, onClose, onDone }: DecisionProps) {
  const t = useMessages(REVIEW_MESSAGES);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const approve = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api('post', '/meta/reviews/{id}/approve', {
        params: { id },
        body: note.trim() ? { note: note.trim() } : {},
      });
      onDone(t.approved(result.version));
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t.approveTitle}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void approve()}>
            {busy ? t.approving : t.approve}
          </button>
        </>
      }
    >
      <p>{t.approveHint}</p>
      <NoteField label={t.approveNote} value={note} onChange={setNote} />
      {error && (
        <p className="form-error" role="alert">
          {t.actionFailed}: {error}
        </p>
      )}
    </Dialog>
  );
}

/** Returning needs a comment: it is what the submitter reads on the publish page. */
export function ReturnDialog({ id, onClose, onDone }: DecisionProps) {
  const t = useMessages(REVIEW_MESSAGES);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api('post', '/meta/reviews/{id}/return', { params: { id }, body: { comment: comment.trim() } });
      onDone(t.returned);
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t.returnTitle}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t.cancel}
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={busy || !comment.trim()}
            onClick={() => void send()}
          >
            {busy ? t.returning : t.return}
          </button>
        </>
      }
    >
      <p>{t.returnHint}</p>
      <NoteField label={t.returnComment} value={comment} onChange={setComment} />
      {error && (
        <p className="form-error" role="alert">
          {t.actionFailed}: {error}
        </p>
      )}
    </Dialog>
  );
}
