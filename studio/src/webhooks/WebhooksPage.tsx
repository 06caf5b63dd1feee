import { useState } from 'react';
import { ApiError, sendJson, TitleRow, titleOf, useMessages } from '@lodestar/ui-shared';
import { useDraft } from '../draft/DraftContext';
import { useStudioLang } from '../app/lang';
import { usePolled } from '../schedules/use-polled';
import { DeliveryLog } from './DeliveryLog';
import { NewSubscriptionForm } from './NewSubscriptionForm';
import { SecretNotice } from './SecretNotice';
import { WEBHOOK_MESSAGES } from './messages';
import { ConfirmDialog } from '../workflows/ConfirmDialog';
import type { Subscription } from './types';
import './webhooks.css';

/**
 * 集成 · Webhooks: subscribe an endpoint (an ERP) to record changes, see its secret once, pause it, and
 * read each delivery with its result. Capture, signing, retries and order are the engine's.
 */
export function WebhooksPage() {
  const t = useMessages(WEBHOOK_MESSAGES);
  const { lang } = useStudioLang();
  const { published } = useDraft();
  const list = usePolled<{ data: Subscription[] }>('/api/v1/admin/webhooks', () => false);
  const [secret, setSecret] = useState<string>();
  const [open, setOpen] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [removing, setRemoving] = useState<Subscription>();
  const entityTitle = (id: string) => {
    const entity = published.entities.find((e) => e.$id === id);
    return entity ? titleOf(entity, lang, id) : id;
  };
  const act = async (run: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await run();
      list.reload();
    } catch (error) {
      setProblem(error instanceof ApiError || error instanceof Error ? error.message : String(error));
    }
  };
  const path = (s: Subscription) => `/api/v1/admin/webhooks/${s.id}`;
  const subscriptions = list.data?.data;
  const opened = subscriptions?.find((s) => s.id === open);
  return (
    <div className="webhooks-page">
      <TitleRow heading={t.heading} subheading={t.subheading} />
      {problem && (
        <div className="notice notice-error" role="alert">
          {problem}
        </div>
      )}
      {secret && <SecretNotice secret={secret} onDone={() => setSecret(undefined)} />}
      <NewSubscriptionForm
        onCreated={(answer) => {
          setSecret(answer.secret);
          setOpen(answer.subscription.id);
          list.reload();
        }}
      />
      <section className="panel" aria-label={t.listHeading}>
        <div className="panel-head">
          <h2>{t.listHeading}</h2>
        </div>
        {!subscriptions && !list.error && <p className="panel-empty muted">{t.loading}</p>}
        {list.error && (
          <div className="notice notice-error" role="alert">
            <strong>{t.failed}</strong>
            <span className="notice-detail">{list.error.message}</span>
            <button type="button" className="button" onClick={list.reload}>
              {t.retry}
            </button>
          </div>
        )}
        {subscriptions?.length === 0 && <p className="panel-empty muted">{t.none}</p>}
        <ul className="webhook-list">
          {subscriptions?.map((s) => (
            <li key={s.id} className="webhook-item" data-subscription={s.name}>
              <div className="webhook-item-head">
                <strong>{s.name}</strong>
                <span className={`badge ${s.active ? 'webhook-active' : 'webhook-paused'}`}>
                  {s.active ? t.active : t.paused}
                </span>
              </div>
              <code className="webhook-url small">{s.url}</code>
              <span className="small muted">
                {s.entities.map(entityTitle).join('、')} · <code>{s.secretHint}</code>
              </span>
              <div className="webhook-item-actions">
                <button type="button" className="link-button" onClick={() => setOpen(open === s.id ? undefined : s.id)}>
                  {open === s.id ? t.hideLog : t.showLog}
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => act(() => sendJson('PATCH', path(s), { active: !s.active }))}
                >
                  {s.active ? t.pause : t.resume}
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    act(async () => setSecret((await sendJson<{ secret: string }>('POST', `${path(s)}/secret`)).secret))
                  }
                >
                  {t.rotate}
                </button>
                <button type="button" className="link-button danger" onClick={() => setRemoving(s)}>
                  {t.remove}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      {opened && <DeliveryLog key={opened.id} subscription={opened} />}
      {removing && (
        <ConfirmDialog
          title={t.confirmRemove(removing.name)}
          confirmLabel={t.remove}
          onClose={() => setRemoving(undefined)}
          onConfirm={() => {
            setRemoving(undefined);
            void act(() => sendJson('DELETE', path(removing)));
          }}
        />
      )}
    </div>
  );
}
