import { useState, type FormEvent } from 'react';
import { useMessages } from '../app/lang';
import { PUBLISH_MESSAGES } from '../publish/messages';
import type { PlanStep } from '../publish/plan-types';
import { TextInput } from '../ui/controls';
import { TEMPLATE_MESSAGES } from './messages';

// The publish page's words: either language confirms.
const WORDS = ['确认', 'CONFIRM'];

/** The typed confirmation when steps lose data, and the Install button (disabled while blocked). */
export function InstallConfirm({ steps, onInstall }: { steps: PlanStep[]; onInstall(confirmDestructive: boolean): Promise<void> }) {
  const t = useMessages(TEMPLATE_MESSAGES);
  const p = useMessages(PUBLISH_MESSAGES);
  const [word, setWord] = useState('');
  const [busy, setBusy] = useState(false);
  const blocked = steps.some((s) => s.safety === 'blocked');
  const destructive = steps.some((s) => s.safety === 'destructive');
  const confirmed = !destructive || WORDS.includes(word.trim());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked || !confirmed) return;
    setBusy(true);
    await onInstall(destructive);
    setBusy(false);
  };
  return (
    <form className="publish-form" onSubmit={submit}>
      {blocked && (
        <p className="blocked-stop" role="alert">
          {p.blockedStop}
        </p>
      )}
      {destructive && !blocked && <TextInput label={p.confirmLabel(p.confirmWord)} value={word} onChange={setWord} wide />}
      <div className="form-actions">
        <button type="submit" className={`button${destructive ? ' button-danger' : ''}`} disabled={blocked || !confirmed || busy}>
          {busy ? t.installing : t.install}
        </button>
      </div>
    </form>
  );
}
