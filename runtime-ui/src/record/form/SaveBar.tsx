import { RECORD_MESSAGES } from '../messages';
import { useMessages } from '@lodestar/ui-shared';

/** Sticky at the bottom of the form: whether there are unsaved changes, discard, save (with a spinner while saving). */
export function SaveBar({
  dirty,
  saving,
  isNew,
  onDiscard,
  onCancel,
}: {
  dirty: boolean;
  saving: boolean;
  isNew: boolean;
  onDiscard(): void;
  /** Leaves editing (the record page's read view); shown instead of discard. */
  onCancel?(): void;
}) {
  const t = useMessages(RECORD_MESSAGES);
  return (
    <div className={`save-bar${dirty ? ' is-dirty' : ''}`} data-testid="save-bar">
      <span className="save-bar-state" aria-live="polite">
        {dirty && <span className="dirty-dot" aria-hidden="true" />}
        {saving ? t.saving : dirty ? t.unsaved : ''}
      </span>
      {onCancel && (
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={saving}>
          {t.cancel}
        </button>
      )}
      {!onCancel && dirty && !isNew && (
        <button type="button" className="button button-quiet" onClick={onDiscard} disabled={saving}>
          {t.discard}
        </button>
      )}
      <button
        type="submit"
        className="button button-primary"
        disabled={saving || (!dirty && !isNew)}
        aria-busy={saving}
      >
        {saving && <span className="spinner spinner-small" aria-hidden="true" />}
        {t.save}
      </button>
    </div>
  );
}
