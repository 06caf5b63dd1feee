import { useState } from 'react';
import { ApiError, sendJson, titleOf, useMessages } from '@lodestar/ui-shared';
import { useDraft } from '../draft/DraftContext';
import { useStudioLang } from '../app/lang';
import { usePolled } from '../schedules/use-polled';
import { WEBHOOK_MESSAGES } from './messages';
import type { ChangeEvent, Delivery, Subscription } from './types';

/** A subscription's deliveries, newest first, each with its last result; refreshed while any is pending. */
export function DeliveryLog({ subscription }: { subscription: Subscription }) {
  const t = useMessages(WEBHOOK_MESSAGES);
  const { lang } = useStudioLang();
  const { published } = useDraft();
  const [note, setNote] = useState<string>();
  const log = usePolled<{ data: Delivery[] }>(
    `/api/v1/admin/webhooks/${subscription.id}/deliveries?limit=50`,
    (data) => !data || data.data.some((d) => d.status === 'pending') || subscription.active,
    2000,
  );
  const format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  const eventWord: Record<ChangeEvent, string> = {
    created: t.eventCreated,
    updated: t.eventUpdated,
    deleted: t.eventDeleted,
    stateChanged: t.eventStateChanged,
  };
  const entityTitle = (id: string) => {
    const entity = published.entities.find((e) => e.$id === id);
    return entity ? titleOf(entity, lang, id) : id;
  };
  const status = { pending: t.statusPending, sent: t.statusSent, failed: t.statusFailed };
  const again = async (delivery: Delivery) => {
    setNote(undefined);
    try {
      await sendJson('POST', `/api/v1/admin/webhooks/${subscription.id}/deliveries/${delivery.id}/retry`);
      setNote(t.retried);
      log.reload();
    } catch (error) {
      setNote(error instanceof ApiError || error instanceof Error ? error.message : String(error));
    }
  };
  const deliveries = log.data?.data;
  return (
    <section className="panel webhook-log" aria-label={t.logHeading(subscription.name)}>
      <div className="panel-head">
        <h2>{t.logHeading(subscription.name)}</h2>
        {note && (
          <span className="small" role="status">
            {note}
          </span>
        )}
      </div>
      {!deliveries && !log.error && <p className="panel-empty muted">{t.loading}</p>}
      {log.error && (
        <div className="notice notice-error" role="alert">
          <strong>{t.failed}</strong>
          <span className="notice-detail">{log.error.message}</span>
        </div>
      )}
      {deliveries?.length === 0 && <p className="panel-empty muted">{t.noDeliveries}</p>}
      {deliveries && deliveries.length > 0 && (
        <ul className="webhook-deliveries">
          {deliveries.map((delivery) => {
            const last = delivery.log.at(-1);
            const event = delivery.body.event;
            return (
              <li
                key={delivery.id}
                className="webhook-delivery"
                data-status={delivery.status}
                data-delivery={delivery.id}
              >
                <span className="webhook-delivery-time">
                  {format.format(new Date(delivery.body.occurredAt ?? delivery.createdAt))}
                </span>
                <span className="webhook-delivery-event">
                  {entityTitle(delivery.entity)} · {event ? eventWord[event] : delivery.type}{' '}
                  <code className="small">{delivery.type}</code>
                </span>
                <span className={`badge webhook-status-${delivery.status}`}>{status[delivery.status]}</span>
                <span className="small muted">{t.attempts(delivery.attempts)}</span>
                <span className="small webhook-delivery-result">
                  {last && (last.statusCode === null ? t.noAnswer : t.httpStatus(last.statusCode))}
                  {last?.error && last.statusCode === null && <code className="small"> {last.error}</code>}
                </span>
                {delivery.status !== 'pending' && (
                  <button type="button" className="link-button" onClick={() => again(delivery)}>
                    {t.retryDelivery}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
