import { useEffect, useRef, useState } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import { ApprovalToasts } from './ApprovalToast';
import { NotificationPanel } from './NotificationPanel';
import { NOTIFICATION_MESSAGES } from './messages';
import { useModel } from '../model/ModelContext';
import { useNotifications, useReaderLanguage } from './use-notifications';
import './notifications.css';

/** The bell in the top bar: the unread count as a badge, live; a click opens the inbox under it. */
export function NotificationBell() {
  const t = useMessages(NOTIFICATION_MESSAGES);
  const inbox = useNotifications();
  useReaderLanguage(useModel().lang);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { refresh } = inbox;

  useEffect(() => {
    if (!open) return;
    refresh();
    const outside = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', outside);
    window.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      window.removeEventListener('keydown', escape);
    };
  }, [open, refresh]);

  const badge = inbox.unread > 99 ? '99+' : String(inbox.unread);
  return (
    <div className="notify" ref={root}>
      <button
        type="button"
        className="notify-bell"
        aria-label={t.bell(inbox.unread)}
        title={t.bell(inbox.unread)}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((was) => !was)}
      >
        <BellIcon />
        {inbox.unread > 0 && (
          <span className="notify-badge" data-testid="notify-badge">
            {badge}
          </span>
        )}
      </button>
      {open && <NotificationPanel inbox={inbox} onClose={() => setOpen(false)} />}
      <ApprovalToasts inbox={inbox} />
    </div>
  );
}

function BellIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
