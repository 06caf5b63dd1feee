import type { NotificationItem } from '@lodestar/core';
import { localeOf } from '@lodestar/core';
import { useMessages, type Lang } from '@lodestar/ui-shared';
import { Link } from 'react-router';
import { paths } from '../app/paths';
import { useModel } from '../model/ModelContext';
import { entityTitle } from '../model/labels';
import { NOTIFICATION_MESSAGES } from './messages';
import type { Inbox } from './use-notifications';

/** The inbox under the bell: unread first, each linking to its record; opening one marks it read. */
export function NotificationPanel({ inbox, onClose }: { inbox: Inbox; onClose: () => void }) {
  const t = useMessages(NOTIFICATION_MESSAGES);
  return (
    <div className="notify-panel" role="dialog" aria-label={t.heading}>
      <header className="notify-panel-header">
        <h2>{t.heading}</h2>
        <button
          type="button"
          className="notify-mark-all"
          disabled={inbox.unread === 0}
          onClick={() => void inbox.markAll().catch(() => inbox.refresh())}
        >
          {t.markAll}
        </button>
        <button type="button" className="notify-close" aria-label={t.close} title={t.close} onClick={onClose}>
          ×
        </button>
      </header>
      {inbox.error && (
        <p className="notify-error" role="alert">
          {t.loadFailed}{' '}
          <button type="button" className="notify-retry" onClick={inbox.refresh}>
            {t.retry}
          </button>
        </p>
      )}
      {inbox.loaded && inbox.items.length === 0 && <p className="notify-empty">{t.empty}</p>}
      <ul className="notify-list">
        {inbox.items.map((item) => (
          <NotificationRow key={item.id} item={item} inbox={inbox} onClose={onClose} />
        ))}
      </ul>
      {inbox.next && (
        <button type="button" className="notify-more" onClick={inbox.more}>
          {t.more}
        </button>
      )}
    </div>
  );
}

function NotificationRow({ item, inbox, onClose }: { item: NotificationItem; inbox: Inbox; onClose: () => void }) {
  const { lang, entity: entityById } = useModel();
  const t = useMessages(NOTIFICATION_MESSAGES);
  const entity = item.entity ? entityById(item.entity) : undefined;
  const unread = item.readAt === null;
  const open = () => {
    if (unread) void inbox.markRead(item.id).catch(() => inbox.refresh());
    onClose();
  };
  const content = (
    <>
      <span className="notify-item-title">
        {unread && <span className="notify-dot" aria-label={t.unread} />}
        {item.title[lang]}
      </span>
      {item.body[lang] && <span className="notify-item-body">{item.body[lang]}</span>}
      <span className="notify-item-meta">
        {entity && <span>{entityTitle(entity, lang)}</span>}
        <time dateTime={item.createdAt}>{timeOf(item.createdAt, lang, t)}</time>
      </span>
    </>
  );
  return (
    <li className={unread ? 'notify-item is-unread' : 'notify-item'} data-notification-id={item.id}>
      {item.entity && item.recordId ? (
        <Link className="notify-item-link" to={paths.record(item.entity, item.recordId)} onClick={open}>
          {content}
        </Link>
      ) : (
        <button type="button" className="notify-item-link" onClick={open}>
          {content}
        </button>
      )}
    </li>
  );
}

/** "3 分钟前" within the hour, "2 小时前" within the day, else the date and time in the reader's zone. */
function timeOf(
  iso: string,
  lang: Lang,
  t: { justNow: string; minutesAgo(n: number): string; hoursAgo(n: number): string },
) {
  const minutes = Math.floor((Date.now() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return t.justNow;
  if (minutes < 60) return t.minutesAgo(minutes);
  if (minutes < 24 * 60) return t.hoursAgo(Math.floor(minutes / 60));
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
