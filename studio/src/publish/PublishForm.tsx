import { useState, type FormEvent } from 'react';
import { useMessages } from '../app/lang';
import { TextInput } from '../ui/controls';
import { PUBLISH_MESSAGES } from './messages';
import type { PlanStep } from './plan-types';

// Either language's word confirms: an admin switching languages mid-way should not be stuck.
const WORDS = ['确认', 'CONFIRM'];

/** The note, the confirmation word when steps lose data, and the Publish button (disabled while blocked). */
export function PublishForm({ steps, onPublish }: { steps: PlanStep[]; onPublish(note: string, confirmDestructive: boolean): Promise<void> }) {
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
      {destructive && !blocked && <TextInput label={t.confirmLabel(t.confirmWord)} value={word} onChange={setWord} wide />}
      <TextInput label={t.note} value={note} onChange={setNote} wide />
      <div className="form-actions">
        <button type="submit" className={`button${destructive ? ' button-danger' : ''}`} disabled={blocked || !confirmed || busy}>
          {busy ? t.publishing : t.publish}
        </button>
      </div>
    </form>
  );
}
