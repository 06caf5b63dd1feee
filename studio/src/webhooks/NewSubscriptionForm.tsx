import { useState } from 'react';
import { ApiError, sendJson, titleOf, useMessages, type ApiIssue } from '@lodestar/ui-shared';
import { useDraft } from '../draft/DraftContext';
import { useStudioLang } from '../app/lang';
import { Checkbox, TextInput } from '../ui/controls';
import { WEBHOOK_MESSAGES } from './messages';
import { CHANGE_EVENTS, type ChangeEvent, type Subscription } from './types';

/** Subscribes an endpoint: name, URL, the published entities to watch and the changes to push. */
export function NewSubscriptionForm({
  onCreated,
}: {
  onCreated(answer: { subscription: Subscription; secret: string }): void;
}) {
  const t = useMessages(WEBHOOK_MESSAGES);
  const { lang } = useStudioLang();
  const { published } = useDraft();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [entities, setEntities] = useState<string[]>([]);
  const [events, setEvents] = useState<ChangeEvent[]>([...CHANGE_EVENTS]);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [problem, setProblem] = useState<string>();
  const eventLabel: Record<ChangeEvent, string> = {
    created: t.eventCreated,
    updated: t.eventUpdated,
    deleted: t.eventDeleted,
    stateChanged: t.eventStateChanged,
  };
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const issueAt = (prefix: string) =>
    issues
      .filter((issue) => issue.pointer === prefix || issue.pointer.startsWith(`${prefix}/`))
      .map((issue) => issue.i18n?.[lang] ?? issue.message)
      .join('；');
  const create = async () => {
    setBusy(true);
    setIssues([]);
    setProblem(undefined);
    try {
      const answer = await sendJson<{ subscription: Subscription; secret: string }>('POST', '/api/v1/admin/webhooks', {
        name,
        url,
        entities,
        events,
      });
      setName('');
      setUrl('');
      setEntities([]);
      setEvents([...CHANGE_EVENTS]);
      onCreated(answer);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) setIssues(error.issues);
      else setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const note = (text: string) =>
    text && (
      <p className="webhook-problem" role="alert">
        {text}
      </p>
    );
  return (
    <section className="panel webhook-new" aria-label={t.newHeading}>
      <div className="panel-head">
        <h2>{t.newHeading}</h2>
      </div>
      <div className="webhook-form">
        <TextInput label={t.name} value={name} placeholder={t.namePlaceholder} onChange={setName} />
        {note(issueAt('/name'))}
        <TextInput label={t.url} value={url} placeholder="https://" mono wide onChange={setUrl} />
        {note(issueAt('/url'))}
        <fieldset className="webhook-choices">
          <legend>{t.entities}</legend>
          {published.entities.map((entity) => (
            <Checkbox
              key={entity.$id}
              label={titleOf(entity, lang, entity.$id)}
              checked={entities.includes(entity.$id)}
              onChange={(on) => setEntities(toggle(entities, entity.$id, on))}
            />
          ))}
        </fieldset>
        {note(issueAt('/entities'))}
        <fieldset className="webhook-choices">
          <legend>{t.events}</legend>
          {CHANGE_EVENTS.map((event) => (
            <Checkbox
              key={event}
              label={eventLabel[event]}
              checked={events.includes(event)}
              onChange={(on) => setEvents(toggle(events, event, on))}
            />
          ))}
        </fieldset>
        {note(issueAt('/events'))}
        <div className="webhook-actions">
          <button type="button" className="button" disabled={busy} onClick={create}>
            {busy ? t.creating : t.create}
          </button>
          {issues.length > 0 && (
            <span className="small" role="alert">
              {t.problems}
            </span>
          )}
          {problem && (
            <span className="small" role="alert">
              {problem}
            </span>
          )}
        </div>
      </div>
    </section>
  );
}
