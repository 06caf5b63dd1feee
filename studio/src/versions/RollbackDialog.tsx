import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, useMessages } from '@lodestar/ui-shared';
import { useDraft } from '../draft/DraftContext';
import { Dialog } from '../ui/controls';
import { DIFF_MESSAGES } from './diff-messages';

/**
 * Asks before rolling back (warning when unsaved draft changes would be replaced), then writes the
 * version into the studio draft and sends the admin to the publish page, where plan and confirmation apply.
 */
export function RollbackDialog({ version, onClose }: { version: number; onClose(): void }) {
  const t = useMessages(DIFF_MESSAGES);
  const draft = useDraft();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const rollback = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // A pending save must land before the rollback, or it would overwrite the rolled-back draft.
      await draft.flush();
      await api('post', '/meta/versions/{version}/rollback', { params: { version: String(version) }, body: {} });
      draft.reload();
      navigate('/publish');
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t.rollbackTitle(version)}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void rollback()}>
            {busy ? t.rollingBack : t.rollbackLabel(version)}
          </button>
        </>
      }
    >
      <p>{t.rollbackHint}</p>
      {draft.hasDraft && (
        <p className="notice notice-error rollback-warning" role="alert">
          {t.overwrite}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {t.rollbackFailed}: {error}
        </p>
      )}
    </Dialog>
  );
}
