import { useState } from 'react';
import { TitleRow, useApi, useApiGet, useMessages, type ResponseOf } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { DiffSections } from '../versions/VersionDiff';
import '../publish/publish.css';
import '../versions/versions.css';
import { REVIEW_MESSAGES } from './messages';
import { ApproveDialog, ReturnDialog } from './ReviewDialogs';
import { ReviewReasons, type Review } from './ReviewReasons';
import './reviews.css';

/** Pending submissions: who, when, why; each opens its diff and plan, to approve and publish or return. */
export function ReviewsPage() {
  const t = useMessages(REVIEW_MESSAGES);
  const draft = useDraft();
  const [done, setDone] = useState<string>();
  const [me] = useApiGet('/auth/me');
  const myId = me.status === 'ready' ? me.data.id : undefined;
  const [reviews, reload] = useApi<ResponseOf<'/meta/reviews', 'get'>>(
    `/api/v1/meta/reviews?status=pending&v=${draft.publishedVersion}`,
  );
  const finished = (message: string) => {
    setDone(message);
    reload();
    draft.reload();
  };
  return (
    <>
      <TitleRow heading={t.heading} subheading={t.subheading} />
      {done && (
        <div className="notice notice-success" role="status" data-testid="review-done">
          {done}
        </div>
      )}
      {reviews.status === 'loading' && (
        <p className="muted" role="status">
          {t.loading}
        </p>
      )}
      {reviews.status === 'error' && (
        <div className="notice notice-error" role="alert">
          <strong>{t.failed}</strong>
          <span className="notice-detail">{reviews.error.message}</span>
          <button type="button" className="button" onClick={reload}>
            {t.retry}
          </button>
        </div>
      )}
      {reviews.status === 'ready' &&
        (reviews.data.data.length === 0 ? (
          <div className="notice">{t.none}</div>
        ) : (
          <div className="review-list">
            {reviews.data.data.map((review) => (
              <ReviewCard key={review.id} review={review} myId={myId} onDone={finished} />
            ))}
          </div>
        ))}
    </>
  );
}

function ReviewCard({ review, myId, onDone }: { review: Review; myId?: string; onDone(message: string): void }) {
  const t = useMessages(REVIEW_MESSAGES);
  const { lang } = useStudioLang();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<'approve' | 'return'>();
  const format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const own = myId !== undefined && review.submittedBy?.id === myId;
  const name = review.submittedBy?.name ?? t.unknownUser;
  return (
    <article className="panel review-card" data-review={review.id} aria-label={t.submitted(name, '')}>
      <header className="review-head">
        <h2>{t.submitted(name, format.format(new Date(review.submittedAt)))}</h2>
        <span className="badge">{t.basedOn(review.baseVersion)}</span>
      </header>
      <p className="review-note">{review.note ?? <span className="muted">{t.noNote}</span>}</p>
      <h3 className="visually-hidden">{t.reasons}</h3>
      <ReviewReasons reasons={review.reasons} />
      {review.stale && (
        <div className="notice notice-error" role="alert">
          <strong>{t.stale}</strong> {review.stale[lang]}
        </div>
      )}
      {own && <p className="muted">{t.own}</p>}
      <div className="review-actions">
        <button type="button" className="button button-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t.close : t.open}
        </button>
        <button
          type="button"
          className="button"
          disabled={own || review.stale !== null}
          onClick={() => setDialog('approve')}
        >
          {t.approve}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setDialog('return')}>
          {t.return}
        </button>
      </div>
      {open && <ReviewDetail id={review.id} />}
      {dialog === 'approve' && <ApproveDialog id={review.id} onClose={() => setDialog(undefined)} onDone={onDone} />}
      {dialog === 'return' && <ReturnDialog id={review.id} onClose={() => setDialog(undefined)} onDone={onDone} />}
    </article>
  );
}

/** The diff against the base version and the plan exactly as submitted (the versions page's components). */
function ReviewDetail({ id }: { id: string }) {
  const t = useMessages(REVIEW_MESSAGES);
  const [detail] = useApiGet('/meta/reviews/{id}', { id });
  return (
    <div className="review-detail" data-testid="review-detail">
      {detail.status === 'loading' && (
        <p className="muted" role="status">
          {t.detailLoading}
        </p>
      )}
      {detail.status === 'error' && (
        <div className="notice notice-error" role="alert">
          <strong>{t.detailFailed}</strong>
          <span className="notice-detail">{detail.error.message}</span>
        </div>
      )}
      {detail.status === 'ready' && <DiffSections diff={detail.data.diff} />}
    </div>
  );
}
