import { useState, type FormEvent } from 'react';
import { TextInput } from '../ui/controls';
import { PUBLISH_MESSAGES } from './messages';
import type { WordedStep as PlanStep } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';

// Either language's word confirms: an admin switching languages mid-way should not be stuck.
const WORDS = ['确认', 'CONFIRM'];

interface PublishFormProps {
  steps: PlanStep[];
  onPublish(note: string, confirmDestructive: boolean): Promise<void>;
  /** Another action on the same plan (a template install, a submission for review): its button words; a note only with `withNote`. */
  action?: { label: string; busyLabel: string; withNote?: boolean };
  /** Waiting for something the button depends on (whether review is required). */
  busy?: boolean;
}

/**
 * What applies a plan, for a publish and for a template install alike: the note, the confirmation word
 * when steps lose data, and the button (disabled while a step is blocked or the word is missing).
 */
export function PublishForm({ steps, onPublish, action, busy: waiting = false }: PublishFormProps) {
  const t = useMessages(PUBLISH_MESSAGES);
  const [note, setNote] = useState('');
  const [word, setWord] = useState('');
  const [busy, setBusy] = useState(false);
  const blocked = steps.some((s) => s.safety === 'blocked');
  const destructive = steps.some((s) => s.safety === 'destructive');
  const confirmed = !destructive || WORDS.includes(word.trim());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked || !confirmed) return;
    setBusy(true);
    await onPublish(note.trim(), destructive);
    setBusy(false);
  };
  return (
    <form className="publish-form" onSubmit={submit}>
      {blocked && (
        <p className="blocked-stop" role="alert">
          {t.blockedStop}
        </p>
      )}
      {destructive && !blocked && (
        <TextInput label={t.confirmLabel(t.confirmWord)} value={word} onChange={setWord} wide />
      )}
      {(!action || action.withNote) && <TextInput label={t.note} value={note} onChange={setNote} wide />}
      <div className="form-actions">
        <button
          type="submit"
          className={`button${destructive ? ' button-danger' : ''}`}
          disabled={blocked || !confirmed || busy || waiting}
        >
          {busy ? (action?.busyLabel ?? t.publishing) : (action?.label ?? t.publish)}
        </button>
      </div>
    </form>
  );
}
