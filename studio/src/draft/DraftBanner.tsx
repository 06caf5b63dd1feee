import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ConfirmDialog } from '../workflows/ConfirmDialog';
import { ViewAsButton } from '../preview/ViewAs';
import { useDraft } from './DraftContext';
import { DRAFT_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

/** Above every screen while a draft exists: that it is unpublished, whether it is saved, its problems. */
export function DraftBanner() {
  const draft = useDraft();
  const t = useMessages(DRAFT_MESSAGES);
  const onPublishPage = useLocation().pathname === '/publish';
  const [asking, setAsking] = useState(false);
  if (!draft.hasDraft) return null;
  const discard = () => setAsking(true);
  return (
    <div className="draft-banner" role="region" aria-label={t.unpublished} data-save-state={draft.saveState}>
      <span className="draft-dot" aria-hidden="true" />
      <strong>{t.unpublished}</strong>
      {draft.saveState !== 'idle' && (
        <span className={`save-state save-${draft.saveState}`} role="status" title={draft.saveError}>
          {t.saveState[draft.saveState]}
        </span>
      )}
      {draft.issues.length > 0 && <span className="issue-count">{t.issues(draft.issues.length)}</span>}
      {draft.baseVersion !== draft.publishedVersion && (
        <span className="issue-count">{t.stale(draft.baseVersion, draft.publishedVersion)}</span>
      )}
      <span className="spacer" />
      <ViewAsButton />
      {!onPublishPage && (
        <Link className="button" to="/publish">
          {t.review}
        </Link>
      )}
      <button type="button" className="button button-quiet" onClick={discard}>
        {t.discard}
      </button>
      {asking && (
        <ConfirmDialog
          title={t.confirmDiscard}
          body={t.confirmDiscardBody}
          confirmLabel={t.discard}
          onClose={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void draft.discard();
          }}
        />
      )}
    </div>
  );
}
