import { useState } from 'react';
import { api, useApi, useMessages, type ResponseOf } from '@lodestar/ui-shared';
import type { WordedStep as PlanStep } from '@lodestar/core';
import { useStudioLang } from '../app/lang';
import { DRAFT } from '../draft/load-draft';
import { ReviewReasons } from '../reviews/ReviewReasons';
import '../reviews/reviews.css';
import { PUBLISH_MESSAGES } from './messages';
import { PublishForm } from './PublishForm';

type DraftReview = ResponseOf<'/meta/drafts/{id}/review', 'get'>;

interface PublishActionProps {
  steps: PlanStep[];
  stateMapping: Record<string, Record<string, string>>;
  /** Changes when something the engine judges by changed (a re-plan, the setting). */
  refreshKey: string;
  onPublish(note: string, confirmDestructive: boolean): Promise<void>;
}

/**
 * Publish directly, or, when the installation requires review and the draft loses data or changes
 * permissions, submit it for a second administrator: the engine says which and why. The draft's latest
 * submission shows above (waiting, or returned with the reviewer's comment).
 */
export function PublishAction({ steps, stateMapping, refreshKey, onPublish }: PublishActionProps) {
  const t = useMessages(PUBLISH_MESSAGES);
  const { lang } = useStudioLang();
  const [submitted, setSubmitted] = useState(0);
  const [error, setError] = useState<string>();
  const [status] = useApi<DraftReview>(
    `/api/v1/meta/drafts/${DRAFT.id}/review?k=${encodeURIComponent(`${refreshKey}-${submitted}`)}`,
  );
  if (status.status === 'loading') return <PublishForm steps={steps} onPublish={onPublish} busy />;
  // Without the review status (an old engine, a failed read) publishing stays as it was: the engine still judges.
  if (status.status === 'error') return <PublishForm steps={steps} onPublish={onPublish} />;
  const { required, reasons, latest } = status.data;
  const format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const submit = async (note: string) => {
    setError(undefined);
    try {
      await api('post', '/meta/drafts/{id}/review', { params: DRAFT, body: { stateMapping, ...(note && { note }) } });
      setSubmitted((n) => n + 1);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <>
      {latest?.status === 'pending' && (
        <div className="notice" role="status" data-testid="review-pending">
          <strong>
            {t.reviewPending(latest.submittedBy?.name ?? '—', format.format(new Date(latest.submittedAt)))}
          </strong>
          {latest.stale && <span className="notice-detail">{latest.stale[lang]}</span>}
        </div>
      )}
      {latest?.status === 'returned' && (
        <div className="notice notice-error" role="status" data-testid="review-returned">
          <strong>{t.reviewReturned(latest.reviewedBy?.name ?? '—')}</strong>
          <span className="notice-detail review-comment">{latest.reviewNote}</span>
        </div>
      )}
      {required && (
        <div className="notice review-required" data-testid="review-required">
          <strong>{t.reviewRequired}</strong>
          <ReviewReasons reasons={reasons} />
        </div>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          <strong>{t.submitFailed}</strong>
          <span className="notice-detail">{error}</span>
        </div>
      )}
      {required ? (
        <PublishForm
          steps={steps}
          onPublish={submit}
          action={{ label: t.submitForReview, busyLabel: t.submitting, withNote: true }}
        />
      ) : (
        <PublishForm steps={steps} onPublish={onPublish} />
      )}
    </>
  );
}
