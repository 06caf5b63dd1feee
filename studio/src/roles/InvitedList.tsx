import { useState } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import { invitedLines, type Invited } from './invite-model';
import { PEOPLE_MESSAGES } from './people-messages';

/** Who was invited, each with the one-time password to pass on (shown this once), and a copy of them all. */
export function InvitedList({ invited, onDone }: { invited: Invited[]; onDone(): void }) {
  const t = useMessages(PEOPLE_MESSAGES);
  const [copied, setCopied] = useState(false);
  return (
    <section className="invite" aria-label={t.invitedTitle(invited.length)}>
      <h3>{t.invitedTitle(invited.length)}</h3>
      <p className="notice" role="status">
        {t.invitedHint}
      </p>
      <div className="invite-scroll">
        <table className="data-table invited-table" aria-label={t.invitedTitle(invited.length)}>
          <tbody>
            {invited.map((i) => (
              <tr key={i.user.id} data-invited={i.user.email}>
                <td>
                  <strong>{i.user.displayName}</strong>
                  <div className="muted small">{i.user.email}</div>
                </td>
                <td>
                  <span className="visually-hidden">{t.oneTimePassword}</span>
                  <code className="mono one-time-password">{i.password}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(invitedLines(invited)).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t.copied : t.copyAll}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t.done}
        </button>
      </div>
    </section>
  );
}
