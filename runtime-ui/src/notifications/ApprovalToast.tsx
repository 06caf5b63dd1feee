import type { NotificationItem } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { paths } from '../app/paths';
import { useModel } from '../model/ModelContext';
import { NOTIFICATION_MESSAGES } from './messages';
import type { Inbox } from './use-notifications';

/** How long a toast stays unless the reader acts on it; the bell keeps the notification afterwards. */
const SHOW_MS = 12_000;

/** A toast in the corner for each approval that just started waiting for the reader, linking to its record. */
export function ApprovalToasts({ inbox }: { inbox: Inbox }) {
  if (!inbox.approvals.length) return null;
  return (
    <div className="notify-toasts" role="status" aria-live="polite">
      {inbox.approvals.map((item) => (
        <ApprovalToast key={item.id} item={item} inbox={inbox} />
      ))}
    </div>
  );
}

function ApprovalToast({ item, inbox }: { item: NotificationItem; inbox: Inbox }) {
  const t = useMessages(NOTIFICATION_MESSAGES);
  const { lang } = useModel();
  const { dismissApproval } = inbox;
  useEffect(() => {
    const timer = window.setTimeout(() => dismissApproval(item.id), SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [dismissApproval, item.id]);
  const open = () => {
    if (item.readAt === null) void inbox.markRead(item.id).catch(() => inbox.refresh());
    dismissApproval(item.id);
  };
  return (
    <div className="notify-toast" data-testid="approval-toast">
      <div className="notify-toast-text">
        <strong>{t.approvalWaiting}</strong>
        <span>{item.title[lang]}</span>
      </div>
      {item.entity && item.recordId && (
        <Link className="notify-toast-open" to={paths.record(item.entity, item.recordId)} onClick={open}>
          {t.openRecord}
        </Link>
      )}
      <button
        type="button"
        className="notify-toast-close"
        aria-label={t.close}
        title={t.close}
        onClick={() => dismissApproval(item.id)}
      >
        ×
      </button>
    </div>
  );
}
