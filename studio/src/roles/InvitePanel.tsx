import { useState } from 'react';
import { api, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { failureText } from './admin-api';
import { issuesOfRefusal, toBase64, type InviteIssue, type InviteRow, type Invited } from './invite-model';
import { InvitePreview } from './InvitePreview';
import { InvitedList } from './InvitedList';
import { PEOPLE_MESSAGES } from './people-messages';

type Phase =
  | { step: 'idle' }
  | { step: 'checked'; rows: InviteRow[]; issues: InviteIssue[]; dirty: boolean }
  | { step: 'invited'; invited: Invited[] };

/**
 * Bulk invite from a CSV: the engine reads the file (UTF-8 or GBK) and names every row's problems; the
 * admin fixes cells or drops rows here and checks again; "invite N" then creates everyone at once or nobody,
 * and the one-time passwords are shown once, as a single new user's password is told to them.
 */
export function InvitePanel({ onInvited }: { onInvited(): void }) {
  const t = useMessages(PEOPLE_MESSAGES);
  const { lang } = useStudioLang();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(failureText(failure));
    }
    setBusy(false);
  };
  const check = (body: { file: string } | { rows: InviteRow[] }) =>
    run(async () => {
      const answer = await api('post', '/admin/users/invites/check', { body });
      setPhase({ step: 'checked', rows: answer.rows, issues: answer.issues, dirty: false });
    });
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    await check({ file: toBase64(new Uint8Array(await file.arrayBuffer())) });
  };
  const invite = (rows: InviteRow[]) =>
    run(async () => {
      try {
        const answer = await api('post', '/admin/users/invites', { body: { rows } });
        setPhase({ step: 'invited', invited: answer.data });
        onInvited();
      } catch (failure) {
        const issues = issuesOfRefusal(failure);
        if (!issues) throw failure;
        setPhase({ step: 'checked', rows, issues, dirty: false });
      }
    });

  if (phase.step === 'invited')
    return <InvitedList invited={phase.invited} onDone={() => setPhase({ step: 'idle' })} />;
  const fileIssues = phase.step === 'checked' ? phase.issues.filter((issue) => issue.column === null) : [];
  return (
    <section className="invite" aria-label={t.invite}>
      <h3>{t.invite}</h3>
      <p className="control-hint">{t.inviteHint}</p>
      <label className="control invite-file">
        <span className="control-label">{t.inviteFile}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(event) => {
            void readFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      {busy && (
        <p className="muted small" role="status">
          {t.reading}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {fileIssues.map((issue, i) => (
        <p key={i} className="form-error" role="alert">
          {t.fileIssue}: {issue.text[lang]}
        </p>
      ))}
      {phase.step === 'checked' && phase.rows.length > 0 && (
        <>
          <p className={phase.issues.length ? 'form-error' : 'muted'} role="status" data-testid="invite-summary">
            {phase.dirty
              ? t.edited
              : phase.issues.length
                ? t.rowsWithIssues(phase.issues.length)
                : t.allGood(phase.rows.length)}
          </p>
          <InvitePreview
            rows={phase.rows}
            issues={phase.dirty ? phase.issues.filter((i) => phase.rows.some((r) => r.row === i.row)) : phase.issues}
            onChange={(rows) => setPhase({ ...phase, rows, dirty: true })}
          />
          <div className="form-actions">
            {phase.dirty || phase.issues.length ? (
              <button
                type="button"
                className="button"
                disabled={busy || !phase.rows.length}
                onClick={() => void check({ rows: phase.rows })}
              >
                {t.recheck}
              </button>
            ) : (
              <button type="button" className="button" disabled={busy} onClick={() => void invite(phase.rows)}>
                {t.inviteN(phase.rows.length)}
              </button>
            )}
            <button type="button" className="link-button" onClick={() => setPhase({ step: 'idle' })}>
              {t.cancelInvite}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
