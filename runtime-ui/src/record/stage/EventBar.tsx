import { useEffect, useState } from 'react';
import { ApiError, getJson, sendJson, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { eventTitle } from '../../model/labels';
import type { AllowedEvent, EntityDefinition, Text, TransitionsAnswer, WorkflowDefinition } from '@lodestar/core';
import type { RecordJson } from '../../model/types';
import { RECORD_MESSAGES } from '../messages';

/** The events of the current stage: allowed ones as buttons, blocked ones disabled with their reason; an optional comment. */
export function EventBar({
  entity,
  record,
  workflow,
  dirty,
  changes,
  onChanged,
}: {
  entity: EntityDefinition;
  record: RecordJson;
  workflow: WorkflowDefinition;
  dirty: boolean;
  changes: number;
  onChanged(): void;
}) {
  const { lang } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const base = `/api/v1/records/${encodeURIComponent(entity.$id)}/${encodeURIComponent(record.id)}`;
  const [transitions, setTransitions] = useState<AllowedEvent[] | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getJson<TransitionsAnswer>(`${base}/transitions?all=1`, controller.signal).then(
      (answer) => setTransitions(answer.data),
      () => !controller.signal.aborted && setTransitions([]),
    );
    return () => controller.abort();
  }, [base, changes, record.version]);

  const reasonOf = (item: { reason?: Text }) => item.reason?.[lang] ?? '';
  const send = async (event: string) => {
    setSending(event);
    setRefusal(null);
    try {
      await sendJson('POST', `${base}/events`, { type: event, ...(comment.trim() && { comment: comment.trim() }) });
      setComment('');
      onChanged();
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : {};
      setRefusal(reasonOf(problem) || (e as Error).message);
    } finally {
      setSending(null);
    }
  };

  if (!transitions) return <div className="event-bar is-loading" aria-busy="true" />;
  const from = (record.state as string | null) ?? workflow.initial;
  const blocked = transitions.filter((tr) => !tr.allowed);
  return (
    <div className="event-bar" data-testid="event-bar">
      {transitions.length === 0 ? (
        <p className="muted event-none">{t.noEvents}</p>
      ) : (
        <>
          <div className="event-row">
            <input
              className="ls-input event-comment"
              aria-label={t.commentPlaceholder}
              placeholder={t.commentPlaceholder}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={2000}
            />
            <div className="event-buttons">
              {transitions.map((tr) => (
                <button
                  key={tr.event}
                  type="button"
                  data-event={tr.event}
                  className={`button ${tr.allowed ? 'button-primary' : 'button-quiet'}${tr.target && workflow.states[tr.target]?.meta?.outcome === 'lost' ? ' is-lose' : ''}`}
                  disabled={!tr.allowed || dirty || sending !== null}
                  aria-describedby={tr.allowed ? undefined : `blocked-${tr.event}`}
                  aria-busy={sending === tr.event}
                  onClick={() => send(tr.event)}
                >
                  {sending === tr.event && <span className="spinner spinner-small" aria-hidden="true" />}
                  {eventTitle(workflow, from, tr.event, lang)}
                </button>
              ))}
            </div>
          </div>
          {dirty && <p className="event-note">{t.saveFirst}</p>}
          {blocked.length > 0 && (
            <ul className="event-blocked">
              {blocked.map((tr) => (
                <li key={tr.event} id={`blocked-${tr.event}`} data-testid={`blocked-reason-${tr.event}`}>
                  <strong>{eventTitle(workflow, from, tr.event, lang)}</strong>
                  {lang === 'zh' ? '：' : ': '}
                  {reasonOf(tr)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {refusal && (
        <div className="notice notice-error record-notice" role="alert" data-testid="event-refused">
          <strong>{t.eventRefused}</strong>
          <span className="notice-detail">{refusal}</span>
        </div>
      )}
    </div>
  );
}
