import { useMessages } from '@lodestar/ui-shared';
import { Dialog } from '../ui/controls';
import { DESIGNER_MESSAGES } from './designer-messages';
import { WORKFLOW_MESSAGES } from './messages';

/** An in-app confirmation naming what goes by its title (instead of the browser's confirm box). */
export function ConfirmDialog({
  title,
  body,
  onConfirm,
  onClose,
}: {
  title: string;
  body?: string;
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
            {m.confirm}
          </button>
        </>
      }
    >
      {body && <p>{body}</p>}
    </Dialog>
  );
}
