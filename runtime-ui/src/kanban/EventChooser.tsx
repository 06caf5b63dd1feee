import { useEffect, useRef } from 'react';
import { useModel } from '../model/ModelContext';
import { eventTitle, stateTitle } from '../model/labels';
import type { RecordJson } from '../model/types';
import { useBoardWorkflow } from './BoardContext';
import { KANBAN_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

export interface PendingChoice {
  record: RecordJson;
  from: string;
  to: string;
  events: string[];
}

/** When several events lead from a card's stage to the column it was dropped on, the user picks one. */
export function EventChooser({
  choice,
  onChoose,
  onCancel,
}: {
  choice: PendingChoice;
  onChoose(event: string): void;
  onCancel(): void;
}) {
  const { lang } = useModel();
  const workflow = useBoardWorkflow();
  const t = useMessages(KANBAN_MESSAGES);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal(); // modal: focus moves in, Escape cancels
  }, []);
  return (
    <dialog ref={dialog} className="kanban-chooser" onCancel={onCancel} aria-labelledby="kanban-chooser-title">
      <p id="kanban-chooser-title">
        {t.chooseEvent(stateTitle(workflow, choice.from, lang), stateTitle(workflow, choice.to, lang))}
      </p>
      <div className="kanban-chooser-options">
        {choice.events.map((event) => (
          <button key={event} type="button" className="button" data-event={event} onClick={() => onChoose(event)}>
            {eventTitle(workflow, choice.from, event, lang)}
          </button>
        ))}
        <button type="button" className="kanban-link-button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}
