import { useId, useState, type FormEvent } from 'react';
import { ApiError, sendJson, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { choiceTitle, entityTitle, fieldTitle } from '../../model/labels';
import { RECORD_MESSAGES } from '../messages';
import { followUpBody, type FollowUpShape } from './followUp';

/** `YYYY-MM-DDTHH:mm` of a moment where the browser is, as a datetime-local input holds it. */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** 9:00 `days` days from today. */
function morningIn(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(9, 0, 0, 0);
  return localInput(d);
}

/**
 * 写跟进 / Log follow-up: type, note, next step and its reminder, saved as one agenda record linked to this
 * one (its entity and fields come from definitions, followUp.ts). A reminder makes it an open item that My day
 * shows on that day; without one it is logged as done.
 */
export function FollowUpBox({
  shape,
  recordId,
  onLogged,
}: {
  shape: FollowUpShape;
  recordId: string;
  onLogged(): void;
}) {
  const { lang } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const id = useId();
  const types = shape.type ? ((shape.entity.properties[shape.type]?.enum ?? []) as string[]) : [];
  const [type, setType] = useState(types[0] ?? '');
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const [remind, setRemind] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim() && !next.trim()) return setMessage({ error: true, text: t.followUpEmpty });
    setBusy(true);
    setMessage(null);
    try {
      const remindAt = remind ? new Date(remind).toISOString() : undefined;
      const typeTitle = shape.type && type ? choiceTitle(shape.entity, shape.type, type, lang) : undefined;
      await sendJson(
        'POST',
        `/api/v1/records/${encodeURIComponent(shape.entity.$id)}`,
        followUpBody(shape, recordId, { type, typeTitle, note, nextStep: next, ...(remindAt && { remindAt }) }),
      );
      setNote('');
      setNext('');
      setRemind('');
      setMessage({ error: false, text: t.followUpSaved });
      onLogged();
    } catch (error) {
      const detail = error instanceof ApiError || error instanceof Error ? error.message : '';
      setMessage({
        error: true,
        text: `${t.followUpFailed}${detail ? (lang === 'zh' ? `：${detail}` : `: ${detail}`) : ''}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="follow-up" aria-label={t.logFollowUp} data-testid="follow-up" onSubmit={submit}>
      <h2 className="record-side-title">{t.logFollowUp}</h2>
      {shape.type && types.length > 0 && (
        <div className="follow-up-types" role="radiogroup" aria-label={t.followUpType}>
          {types.map((value) => (
            <label key={value} className={`ls-chip${type === value ? ' is-on' : ''}`}>
              <input
                type="radio"
                name={`${id}-type`}
                value={value}
                checked={type === value}
                onChange={() => setType(value)}
              />
              {choiceTitle(shape.entity, shape.type!, value, lang)}
            </label>
          ))}
        </div>
      )}
      <label className="follow-up-field">
        <span>{shape.note ? fieldTitle(shape.entity, shape.note, lang) : t.followUpNote}</span>
        <textarea
          rows={3}
          value={note}
          placeholder={t.followUpNotePlaceholder}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      {shape.nextStep && (
        <label className="follow-up-field">
          <span>{fieldTitle(shape.entity, shape.nextStep, lang)}</span>
          <input value={next} placeholder={t.followUpNextPlaceholder} onChange={(e) => setNext(e.target.value)} />
        </label>
      )}
      <div className="follow-up-field">
        <label htmlFor={`${id}-remind`}>
          {shape.reminder ? fieldTitle(shape.entity, shape.reminder, lang) : t.followUpRemind}
        </label>
        <div className="follow-up-remind">
          <input id={`${id}-remind`} type="datetime-local" value={remind} onChange={(e) => setRemind(e.target.value)} />
          <button type="button" className="button button-small" onClick={() => setRemind(morningIn(1))}>
            {t.followUpTomorrow}
          </button>
          <button type="button" className="button button-small" onClick={() => setRemind(morningIn(7))}>
            {t.followUpNextWeek}
          </button>
        </div>
      </div>
      <div className="follow-up-actions">
        <span className="muted">{t.followUpInto(entityTitle(shape.entity, lang))}</span>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {t.followUpSave}
        </button>
      </div>
      {message && (
        <p className={message.error ? 'ls-error' : 'follow-up-saved'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
