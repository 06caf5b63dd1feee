import { useState, type FormEvent } from 'react';
import { api } from './api/client';
import { ApiError } from './http';
import { defineMessages, useMessages } from './messages';

const MIN_PASSWORD = 10;

const TEXT = defineMessages({
  zh: {
    title: '修改密码',
    forcedHint: '您的密码是管理员设置的。继续使用前，请改为只有您自己知道的新密码。',
    current: '当前密码',
    next: '新密码',
    nextHint: `至少 ${MIN_PASSWORD} 个字符`,
    confirm: '再次输入新密码',
    mismatch: '两次输入的新密码不一致',
    submit: '修改密码',
    cancel: '取消',
    working: '请稍候…',
    done: '密码已修改。您在其他设备上的登录已退出。',
    close: '关闭',
  },
  en: {
    title: 'Change password',
    forcedHint: 'Your password was set by an administrator. Before you go on, change it to one only you know.',
    current: 'Current password',
    next: 'New password',
    nextHint: `at least ${MIN_PASSWORD} characters`,
    confirm: 'New password again',
    mismatch: 'The two new passwords differ',
    submit: 'Change password',
    cancel: 'Cancel',
    working: 'One moment…',
    done: 'Your password is changed. Your sessions on other devices have ended.',
    close: 'Close',
  },
});

/** An API failure in the user's language (the engine words these in both). */
const failureText = (failure: unknown): string => (failure instanceof ApiError ? failure.message : String(failure));

/**
 * Changes the signed-in user's password with the current one (`POST /api/v1/auth/password`). `forced`:
 * the password was set by an administrator and must be changed before anything else (no cancel).
 */
export function ChangePasswordForm({
  forced = false,
  onDone,
  onCancel,
}: {
  forced?: boolean;
  onDone(): void;
  onCancel?: () => void;
}) {
  const t = useMessages(TEXT);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (key: string) => String(form.get(key) ?? '');
    const [currentPassword, newPassword, confirm] = [field('currentPassword'), field('newPassword'), field('confirm')];
    if (newPassword !== confirm) return setError(t.mismatch);
    setBusy(true);
    setError(null);
    try {
      await api('post', '/auth/password', { body: { currentPassword, newPassword } });
      onDone();
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="auth-card change-password" onSubmit={submit} aria-busy={busy} aria-label={t.title}>
      <h1>{t.title}</h1>
      {forced && <p className="subtitle">{t.forcedHint}</p>}
      <label>
        {t.current}
        <input name="currentPassword" type="password" autoComplete="current-password" required />
      </label>
      <label>
        {t.next}
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} />
        <small>{t.nextHint}</small>
      </label>
      <label>
        {t.confirm}
        <input name="confirm" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} />
      </label>
      {error && (
        <p className="auth-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t.working : t.submit}
      </button>
      {onCancel && (
        <button
          type="button"
          onClick={onCancel}
          style={{ background: 'transparent', color: 'var(--ink-2)', border: '1px solid var(--line)' }}
        >
          {t.cancel}
        </button>
      )}
    </form>
  );
}

/** The form over the page, for a signed-in user who chose "change password" in the header. */
export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const t = useMessages(TEXT);
  const [done, setDone] = useState(false);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={t.title}
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1000,
        display: 'grid',
        placeItems: 'center',
        background: 'rgba(15, 23, 42, 0.55)',
        padding: 24,
        color: 'var(--ink)',
        fontSize: 14,
        textAlign: 'left',
      }}
    >
      {done ? (
        <div className="auth-card" role="status">
          <p>{t.done}</p>
          <button type="button" onClick={onClose}>
            {t.close}
          </button>
        </div>
      ) : (
        <ChangePasswordForm onDone={() => setDone(true)} onCancel={onClose} />
      )}
    </div>
  );
}
