import { useMessages } from '@lodestar/ui-shared';
import { CALENDAR_MESSAGES } from './messages';

export type SaveState = 'idle' | 'saving' | 'saved';

/** A panel's save button and what became of the last save: unsaved, saved, refused with issues, failed. */
export function SaveStatus(props: {
  dirty: boolean;
  status: SaveState;
  hasIssues: boolean;
  problem: string | undefined;
  labels: { save: string; saved: string; problems: string };
  onSave(): void;
}) {
  const t = useMessages(CALENDAR_MESSAGES);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={!props.dirty || props.status === 'saving'}
        onClick={props.onSave}
      >
        {props.status === 'saving' ? t.saving : props.labels.save}
      </button>
      {props.dirty && <span className="muted small">{t.unsaved}</span>}
      {props.status === 'saved' && (
        <span className="small" role="status">
          {props.labels.saved}
        </span>
      )}
      {props.hasIssues && (
        <span className="small" role="alert">
          {props.labels.problems}
        </span>
      )}
      {props.problem && (
        <span className="small" role="alert">
          {props.problem}
        </span>
      )}
    </>
  );
}
