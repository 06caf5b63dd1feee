import { useState } from 'react';
import { sendJson, useMessages } from '@lodestar/ui-shared';
import { ConfirmDialog } from '../workflows/ConfirmDialog';
import { DEMO_DATA_MESSAGES } from './demo-messages';

type Counts = Record<string, number>;
type Outcome = { ok: boolean; text: string };

/** Demo users and org units are counted apart from the records (see engine demo/demo-repo.ts). */
const USERS = 'lodestar_user';
const UNITS = 'lodestar_org_unit';
const records = (counts: Counts) =>
  Object.entries(counts).reduce((sum, [id, n]) => (id === USERS || id === UNITS ? sum : sum + n), 0);

/** 示例数据: load the installed templates' sample company, or remove every sample row after an in-app confirm. */
export function DemoDataPanel() {
  const t = useMessages(DEMO_DATA_MESSAGES);
  const [busy, setBusy] = useState<'load' | 'remove'>();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const run = async (what: 'load' | 'remove') => {
    setBusy(what);
    setOutcome(undefined);
    try {
      if (what === 'load') {
        const answer = await sendJson<{ counts: Counts; password: string }>('POST', '/api/v1/admin/demo');
        setOutcome({ ok: true, text: t.loaded(records(answer.counts), answer.counts[USERS] ?? 0, answer.password) });
      } else {
        const { counts } = await sendJson<{ counts: Counts }>('DELETE', '/api/v1/admin/demo');
        setOutcome({
          ok: true,
          text: Object.keys(counts).length ? t.removed(records(counts), counts[USERS] ?? 0) : t.nothing,
        });
      }
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className="panel template-panel" aria-label={t.heading} data-testid="demo-data">
      <header className="panel-head">
        <div>
          <h2>{t.heading}</h2>
          <p className="subtitle">{t.hint}</p>
        </div>
      </header>
      <div className="template-body demo-data-actions">
        <button type="button" className="button" disabled={busy !== undefined} onClick={() => void run('load')}>
          {busy === 'load' ? t.loading : t.load}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={busy !== undefined}
          onClick={() => setConfirming(true)}
        >
          {busy === 'remove' ? t.removing : t.remove}
        </button>
        {busy && (
          <span className="demo-data-spinner" role="status" aria-label={busy === 'load' ? t.loading : t.removing} />
        )}
      </div>
      {outcome && (
        <div
          className={`notice ${outcome.ok ? 'notice-success' : 'notice-error'} template-notice`}
          role={outcome.ok ? 'status' : 'alert'}
        >
          {outcome.text}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t.confirmTitle}
          body={t.confirmBody}
          confirmLabel={t.confirmButton}
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run('remove');
          }}
        />
      )}
    </section>
  );
}
