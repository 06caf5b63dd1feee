import { useState } from 'react';
import { api, pick, useMessages, type ResponseOf } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { Checkbox, Select } from '../ui/controls';
import { ConfirmDialog } from '../workflows/ConfirmDialog';
import { failureText, type User } from './admin-api';
import { HANDOVER_MESSAGES } from './handover-messages';

type Result = ResponseOf<'/admin/handover', 'post'>;

/**
 * The handover of a leaving user's records (`POST /admin/handover`): count first (a dry run, per entity), then
 * move after a confirmation. Inactive users can hand over; only active ones can take over (the engine checks).
 * Users do not change, so nothing reloads (a reload would unmount the panel and its result).
 */
export function HandoverPanel({ users }: { users: User[] }) {
  const t = useMessages(HANDOVER_MESSAGES);
  const { lang } = useStudioLang();
  const { published } = useDraft();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [counted, setCounted] = useState<Result>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState(false);
  const name = (id: string) => {
    const user = users.find((u) => u.id === id);
    return user ? user.displayName || user.email : id;
  };
  const entityTitle = (id: string) => {
    const entity = published.entities.find((e) => e.$id === id);
    return (entity && pick(entity['x-i18n']?.title ?? entity.title ?? id, lang)) || id;
  };
  const run = async (dryRun: boolean) => {
    setError(undefined);
    setDone(undefined);
    try {
      const result = await api('post', '/admin/handover', {
        body: { fromUserId: from, toUserId: to, onlyOpen, dryRun },
      });
      if (dryRun) setCounted(result);
      else {
        setCounted(undefined);
        setDone(t.moved(name(from), name(to), result.total));
      }
    } catch (failure) {
      setError(`${t.failed}: ${failureText(failure)}`);
    }
  };
  // A new choice makes the last count stale.
  const choose = (set: (value: string) => void) => (value: string) => (set(value), setCounted(undefined));
  const options = (list: User[]) => [
    { value: '', label: t.choose },
    ...list.map((u) => ({ value: u.id, label: u.displayName || u.email })),
  ];
  return (
    <section className="panel admin-panel" aria-label={t.title}>
      <header className="panel-head">
        <h2>{t.title}</h2>
      </header>
      <div className="admin-body">
        <p className="muted">{t.intro}</p>
        <div className="form-grid">
          <Select label={t.from} value={from} onChange={choose(setFrom)} options={options(users)} />
          <Select
            label={t.to}
            value={to}
            onChange={choose(setTo)}
            options={options(users.filter((u) => u.active && u.id !== from))}
          />
        </div>
        <Checkbox
          label={t.onlyOpen}
          checked={onlyOpen}
          onChange={(value) => (setOnlyOpen(value), setCounted(undefined))}
          hint={t.onlyOpenHint}
        />
        <div className="form-actions">
          <button type="button" className="button" disabled={!from || !to} onClick={() => void run(true)}>
            {t.count}
          </button>
        </div>
        {counted && (
          <div role="status" data-testid="handover-count">
            {counted.total ? (
              <>
                <p>{t.wouldMove(counted.total)}</p>
                <ul>
                  {Object.entries(counted.moved)
                    .filter(([, count]) => count > 0)
                    .map(([entity, count]) => (
                      <li key={entity} data-entity={entity}>
                        {entityTitle(entity)}: {count}
                      </li>
                    ))}
                </ul>
                <button type="button" className="button" onClick={() => setAsking(true)}>
                  {t.handOver}
                </button>
              </>
            ) : (
              <p>{t.nothing}</p>
            )}
          </div>
        )}
        {done && (
          <p className="notice" role="status">
            {done}
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {asking && counted && (
          <ConfirmDialog
            title={t.confirm(name(from), name(to), counted.total)}
            confirmLabel={t.handOver}
            onClose={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false);
              void run(false);
            }}
          />
        )}
      </div>
    </section>
  );
}
