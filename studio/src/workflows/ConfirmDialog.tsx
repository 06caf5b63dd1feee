import { useMessages } from '@lodestar/ui-shared';
import { Dialog } from '../ui/controls';
import { DESIGNER_MESSAGES } from './designer-messages';
import { WORKFLOW_MESSAGES } from './messages';

/** An in-app confirmation naming what goes by its title (instead of the browser's confirm box). */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  body?: string;
  /** The confirming button's words when not "Remove" (e.g. "Deactivate"). */
  confirmLabel?: string;
  onConfirm(): void;
  onClose(): void;
}) {
  const m = useMessages(DESIGNER_MESSAGES);
  const w = useMessages(WORKFLOW_MESSAGES);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {w.cancel}
          </button>
          <button type="button" className="button button-danger" onClick={onConfirm}>
            {confirmLabel ?? m.confirm}
          </button>
        </>
      }
    >
      {body && <p>{body}</p>}
    </Dialog>
  );
}
