import { useState } from 'react';
import { Dialog, TextInput } from '../ui/controls';
import { WORKFLOW_MESSAGES } from './messages';
import { EVENT_NAME, eventFromId, STATE_ID, type NewStage } from './workflow-edits';
import { useMessages } from '@lodestar/ui-shared';
import { DESIGNER_MESSAGES } from './designer-messages';
import { eventIdFrom, stateIdFrom } from './ids';

interface Props {
  taken: string[];
  /** When inserting between two stages: the names shown, and the new event's fields appear. */
  between?: { from: string; to: string };
  onClose(): void;
  onApply(stage: NewStage): void;
}

/** A new stage: titles, an id derived from the title (pinyin for Chinese) shown under Advanced, and (inserting) the event leaving it. */
export function StageDialog({ taken, between, onClose, onApply }: Props) {
  const t = useMessages(WORKFLOW_MESSAGES);
  const m = useMessages(DESIGNER_MESSAGES);
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [id, setId] = useState<string>();
  const [event, setEvent] = useState<string>();
  const [eventZh, setEventZh] = useState('');
  const [eventEn, setEventEn] = useState('');
  const stateId = id ?? (en || zh ? stateIdFrom(en || zh, taken) : '');
  const eventTitle = eventEn || eventZh;
  const eventName =
    event ?? (eventTitle ? eventIdFrom(eventTitle, []) : stateId ? `COMPLETE_${eventFromId(stateId)}` : '');
  const idError = !STATE_ID.test(stateId) ? t.idPattern : taken.includes(stateId) ? t.idTaken : undefined;
  const eventError = between && !EVENT_NAME.test(eventName) ? t.eventPattern : undefined;
  const ready = (zh || en) && !idError && !eventError;
  const heading = between ? t.insertStage : t.addState;
  const apply = () =>
    ready &&
    onApply({
      id: stateId,
      title: { zh: zh || en, en: en || zh },
      event: eventName,
      eventTitle: { zh: eventZh || eventName, en: eventEn || eventName },
    });
  return (
    <Dialog
      title={heading}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="button" className="button" disabled={!ready} onClick={apply}>
            {t.done}
          </button>
        </>
      }
    >
      {between && <p className="muted">{t.insertBetween(between.from, between.to)}</p>}
      <div className="form-grid">
        <TextInput label={t.titleZh} value={zh} onChange={setZh} />
        <TextInput label={t.titleEn} value={en} onChange={setEn} />
      </div>
      {between && (
        <>
          <h3 className="dialog-section">{t.newEvent}</h3>
          <p className="muted small">{t.newEventHint(between.to)}</p>
          <div className="form-grid">
            <TextInput label={`${t.eventName} · ${t.titleZh}`} value={eventZh} onChange={setEventZh} />
            <TextInput label={`${t.eventName} · ${t.titleEn}`} value={eventEn} onChange={setEventEn} />
          </div>
        </>
      )}
      <details className="wf-advanced" open={!!(stateId && idError) || !!eventError}>
        <summary>{m.advanced}</summary>
        <div className="form-grid">
          <TextInput
            label={t.stateId}
            value={stateId}
            mono
            onChange={setId}
            hint={stateId ? (idError ?? m.idHint) : undefined}
          />
          {between && (
            <TextInput
              label={m.eventId}
              value={eventName}
              mono
              onChange={(v) => setEvent(v.toUpperCase())}
              hint={eventError}
            />
          )}
        </div>
      </details>
    </Dialog>
  );
}
