import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api } from './api/client';
import { ApiError } from './http';
import { ChangePasswordForm } from './ChangePassword';
import { DemoProgress } from './DemoProgress';
import { DEMO_TEXT, type DemoChoice } from './demo-progress';
import { defineMessages, useMessages } from './messages';
import { currentToken, SIGNED_OUT_EVENT, storeSession } from './session';

const TEXT = defineMessages({
  zh: {
    signIn: '登录',
    setupTitle: '创建管理员账号',
    setupHint: '这是 Lodestar 的首次启动：请创建第一个管理员。',
    email: '邮箱',
    password: '密码',
    name: '姓名',
    passwordHint: '至少 10 个字符',
    create: '创建并登录',
    working: '请稍候…',
    loadDemo: '加载示例数据',
    loadDemoHint: '一家虚构公司的中文客户、商机和流程历史，可以在工作室的模板库中一步删除',
  },
  en: {
    signIn: 'Sign in',
    setupTitle: 'Create the administrator',
    setupHint: 'This is Lodestar’s first start: create the first administrator.',
    email: 'Email',
    password: 'Password',
    name: 'Name',
    passwordHint: 'at least 10 characters',
    create: 'Create and sign in',
    working: 'One moment…',
    loadDemo: 'Load sample data',
    loadDemoHint:
      'Chinese customers, opportunities and workflow history of a made-up company; remove them in one step under Templates in the studio',
  },
});

/**
 * 'change': signed in with a password an administrator set, which must be changed before anything else.
 * 'demo': the first administrator asked for sample data (and perhaps the templates of a preset), which are
 * prepared before the app opens (DemoProgress).
 */
type Mode = 'checking' | 'setup' | 'login' | 'change' | 'demo' | 'in';

/** Shows `children` to a signed-in user; otherwise the login form, or on a new installation the first-admin form. */
export function SignInGate({ appName, children }: { appName: string; children: ReactNode }) {
  const t = useMessages(TEXT);
  const demoText = useMessages(DEMO_TEXT);
  const [mode, setMode] = useState<Mode>(currentToken() ? 'in' : 'checking');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demoTicked, setDemoTicked] = useState(false);
  // A trading company by default: the standard sample alone has no quotes, payments or segments to show.
  const [demoChoice, setDemoChoice] = useState<DemoChoice>('trading');

  useEffect(() => {
    const signedOut = () => setMode('checking');
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, []);
  useEffect(() => {
    if (mode !== 'checking') return;
    api('get', '/auth/setup').then(
      (answer) => setMode(answer.needed ? 'setup' : 'login'),
      () => setMode('login'),
    );
  }, [mode]);
  // Signed in from an earlier visit: a password still to be changed comes first.
  useEffect(() => {
    if (!currentToken()) return;
    api('get', '/auth/me').then(
      (me) => me.mustChangePassword && setMode('change'),
      () => undefined,
    );
  }, []);

  if (mode === 'in') return <>{children}</>;
  if (mode === 'demo') return <DemoProgress choice={demoChoice} onDone={() => setMode('in')} />;
  if (mode === 'change') {
    return (
      <div className="auth-page">
        <ChangePasswordForm forced onDone={() => setMode('in')} />
      </div>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    const credentials = { email: field('email'), password: field('password') };
    setBusy(true);
    setError(null);
    try {
      const session =
        mode === 'setup'
          ? await api('post', '/auth/setup', {
              body: { ...credentials, ...(field('displayName') && { displayName: field('displayName') }) },
            })
          : await api('post', '/auth/login', { body: credentials });
      storeSession(session.token);
      // Sample data are prepared with the new administrator's session; the app opens when they are ready.
      if (mode === 'setup' && demoTicked) {
        setMode('demo');
        return;
      }
      setMode(session.user.mustChangePassword ? 'change' : 'in');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-busy={busy}>
        <h1>{mode === 'setup' ? t.setupTitle : `${appName} · ${t.signIn}`}</h1>
        {mode === 'setup' && <p className="subtitle">{t.setupHint}</p>}
        {mode === 'checking' ? (
          <p className="subtitle">{t.working}</p>
        ) : (
          <>
            {mode === 'setup' && (
              <label>
                {t.name}
                <input name="displayName" autoComplete="name" />
              </label>
            )}
            <label>
              {t.email}
              <input name="email" type="email" autoComplete="username" required />
            </label>
            <label>
              {t.password}
              <input
                name="password"
                type="password"
                autoComplete={mode === 'setup' ? 'new-password' : 'current-password'}
                required
                minLength={mode === 'setup' ? 10 : undefined}
              />
              {mode === 'setup' && <small>{t.passwordHint}</small>}
            </label>
            {mode === 'setup' && (
              <label className="auth-check">
                <input
                  name="loadDemo"
                  type="checkbox"
                  value="yes"
                  checked={demoTicked}
                  onChange={(event) => setDemoTicked(event.target.checked)}
                />
                <span>
                  {t.loadDemo}
                  <small>{t.loadDemoHint}</small>
                </span>
              </label>
            )}
            {mode === 'setup' && demoTicked && (
              <fieldset className="demo-choice">
                <legend>{demoText.choose}</legend>
                {(['trading', 'standard'] as const).map((choice) => (
                  <label key={choice} className="auth-check">
                    <input
                      name="demoChoice"
                      type="radio"
                      value={choice}
                      checked={demoChoice === choice}
                      onChange={() => setDemoChoice(choice)}
                    />
                    <span>
                      {demoText[choice]}
                      <small>{choice === 'trading' ? demoText.tradingHint : demoText.standardHint}</small>
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
            {error && (
              <p className="auth-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" disabled={busy}>
              {busy ? t.working : mode === 'setup' ? t.create : t.signIn}
            </button>
          </>
        )}
      </form>
    </div>
  );
}
