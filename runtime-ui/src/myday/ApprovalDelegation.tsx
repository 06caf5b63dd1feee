import { useState } from 'react';
import type { MyDelegation } from '@lodestar/core';
import { ApiError, sendJson, useApi, useMessages } from '@lodestar/ui-shared';
import { useUsers } from '../fields/useUsers';
import { useModel } from '../model/ModelContext';
import { APPROVAL_MESSAGES } from './approval-messages';

/** My day's "Delegate my approvals": the user's own delegation (set, or end it) and the ones made to them. */
export function ApprovalDelegation() {
  const { lang, me } = useModel();
  const t = useMessages(APPROVAL_MESSAGES);
  const [state, reload] = useApi<MyDelegation>('/api/v1/delegations/me');
  const { users } = useUsers();
  const [delegateId, setDelegateId] = useState('');
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const day = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { dateStyle: 'medium' }).format(new Date(iso));
  const send = async (method: 'PUT' | 'DELETE') => {
    setBusy(true);
    setError(null);
    try {
      // "Until" a day means through its end, in the user's own zone.
      const body = method === 'PUT' ? { delegateId, endsAt: new Date(`${until}T23:59:59`).toISOString() } : undefined;
      await sendJson(method, '/api/v1/delegations/me', body);
      reload();
    } catch (e) {
      const issues = e instanceof ApiError ? e.issues.map((i) => i.i18n?.[lang] ?? i.message) : [];
      setError(issues.length ? issues.join('；') : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (state.status !== 'ready') return null;
  const { delegation, forMe } = state.data;
  return (
    <details className="myday-section approval-delegation" data-testid="approval-delegation" open={Boolean(delegation)}>
      <summary>
        <h2>{t.delegation}</h2>
      </summary>
      <p className="muted small">{t.delegationHint}</p>
      {forMe.map((d) => (
        <p key={d.userId} className="approval-delegation-line">
          {t.delegatedToMe(d.userName, day(d.endsAt))}
        </p>
      ))}
      {delegation ? (
        <div className="approval-delegation-line">
          <span role="status">
            {t.delegatedTo(delegation.delegateName, day(delegation.endsAt))}
            {!delegation.active && t.notStarted}
          </span>
          <button type="button" className="button approval-cancel" disabled={busy} onClick={() => send('DELETE')}>
            {t.endDelegation}
          </button>
        </div>
      ) : (
        <div className="approval-delegation-form">
          <label>
            <span>{t.delegate}</span>
            <select value={delegateId} onChange={(e) => setDelegateId(e.target.value)}>
              <option value="">—</option>
              {users
                .filter((u) => u.id !== me.id)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName || u.email}
                  </option>
                ))}
            </select>
          </label>
          <label>
            <span>{t.until}</span>
            <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          </label>
          <button
            type="button"
            className="button approval-approve"
            disabled={busy || !delegateId || !until}
            onClick={() => send('PUT')}
          >
            {t.setDelegation}
          </button>
        </div>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          <strong>{t.delegationFailed}</strong>
          <span className="notice-detail">{error}</span>
        </div>
      )}
    </details>
  );
}
