import { useState, type ReactNode } from 'react';
import { ChangePasswordDialog } from './ChangePassword';
import { LANG_NAMES, LANGS, type Lang } from './i18n';
import { defineMessages } from './messages';
import { api } from './api/client';
import { endSession } from './session';
import { previewToken } from './preview';

/** Ends the session on the server, then here (even if the server is unreachable). */
function signOut(): void {
  api('post', '/auth/logout')
    .catch(() => undefined)
    .finally(endSession);
}

export interface HeaderLink {
  href: string;
  label: string;
}

export interface AppHeaderProps {
  /** Where the brand links to: the app's own start page. */
  home: string;
  appName: string;
  /** Shown after the name: the runtime UI's tagline, the studio's badge. */
  brandExtra?: ReactNode;
  /** Links in the nav, before the language switch. */
  links: readonly HeaderLink[];
  lang: Lang;
  onLangChange: (lang: Lang) => void;
  /** The language switch's accessible name. */
  languageLabel: string;
  /** Controls at the start of the nav: the runtime UI's notification bell. */
  tools?: ReactNode;
}

const TEXT = defineMessages({
  zh: { signOut: '退出', changePassword: '修改密码' },
  en: { signOut: 'Sign out', changePassword: 'Change password' },
});

/** The dark bar atop both apps: logo and name, links, language switch, the user's password and sign-out. */
export function AppHeader({
  home,
  appName,
  brandExtra,
  links,
  lang,
  onLangChange,
  languageLabel,
  tools,
}: AppHeaderProps) {
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <header className="header">
      <div className="header-inner">
        <a className="brand" href={home}>
          <Logo />
          <span className="brand-name">{appName}</span>
          {brandExtra}
        </a>
        <nav className="nav">
          {tools}
          {links.map((link) => (
            <a key={link.href} href={link.href}>
              {link.label}
            </a>
          ))}
          <LangSwitch lang={lang} onChange={onLangChange} label={languageLabel} />
          {/* A "view as" preview is the administrator's session seen as someone else: not theirs to sign out of. */}
          {previewToken() === null && (
            <>
              <button
                type="button"
                className="sign-out account-button"
                aria-label={TEXT[lang].changePassword}
                title={TEXT[lang].changePassword}
                onClick={() => setChangingPassword(true)}
              >
                <KeyIcon />
                <span className="account-label">{TEXT[lang].changePassword}</span>
              </button>
              <button type="button" className="sign-out" onClick={signOut}>
                {TEXT[lang].signOut}
              </button>
            </>
          )}
        </nav>
      </div>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </header>
  );
}

export function LangSwitch({ lang, onChange, label }: { lang: Lang; onChange: (lang: Lang) => void; label: string }) {
  return (
    <div className="lang-switch" role="group" aria-label={label}>
      {LANGS.map((option) => (
        // Each language's name in itself, marked so (screen readers pronounce it in that language).
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          onClick={() => onChange(option)}
        >
          {LANG_NAMES[option]}
        </button>
      ))}
    </div>
  );
}

function KeyIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <circle cx="8" cy="15" r="4" />
      <path d="M10.8 12.2L20 3M16 7l3 3M14 9l2 2" />
    </svg>
  );
}

export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
      <rect width="24" height="24" rx="6" fill="#f5b82e" opacity="0.16" />
      <path d="M12 3.5l2 6.5 6.5 2-6.5 2-2 6.5-2-6.5-6.5-2 6.5-2z" fill="#f5b82e" />
    </svg>
  );
}
