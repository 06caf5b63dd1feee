import { useState } from 'react';
import { Link } from 'react-router';
import type { ApprovalInboxItem } from '@lodestar/core';
import { ApiError, sendJson, useMessages } from '@lodestar/ui-shared';
import { paths } from '../app/paths';
import { FieldValue } from '../fields/FieldValue';
import { useModel } from '../model/ModelContext';
import { entityTitle } from '../model/labels';
import type { RecordJson } from '../model/types';
import { APPROVAL_MESSAGES } from './approval-messages';
import './approval-inbox.css';

/** "Awaiting my approval": each approval the user may decide now, with Approve and Reject in place. */
export function ApprovalInbox({ items }: { items: ApprovalInboxItem[] }) {
  const t = useMessages(APPROVAL_MESSAGES);
  return (
    <section
      className="myday-section approval-inbox"
      data-testid="myday-approvals"
      data-count={items.length}
      aria-labelledby="myday-heading-approvals"
    >
      <header className="myday-section-header">
        <h2 id="myday-heading-approvals">{t.heading}</h2>
        <span className="myday-count has-items">{items.length}</span>
      </header>
      <ul className="myday-items">
        {items.map((item) => (
          <ApprovalRow key={`${item.entity}:${item.id}:${item.step.id}`} item={item} />
        ))}
      </ul>
    </section>
  );
}

type Decision = 'APPROVE' | 'REJECT';

function ApprovalRow({ item }: { item: ApprovalInboxItem }) {
  const { lang, entity: entityById } = useModel();
  const t = useMessages(APPROVAL_MESSAGES);
  const entity = entityById(item.entity);
  const [open, setOpen] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Decision | null>(null);
  const title = (typeof item.title === 'string' && item.title) || item.id;
  const needsReason = open === 'REJECT' && comment.trim() === '';
  const waited = item.since ? Math.floor((Date.now() - new Date(item.since).getTime()) / 86_400_000) : null;

  const decide = async () => {
    if (!open || needsReason) return;
    setSending(true);
    setError(null);
    try {
      const path = `/api/v1/records/${encodeURIComponent(item.entity)}/${encodeURIComponent(item.id)}/events`;
      await sendJson('POST', path, { type: open, ...(comment.trim() && { comment: comment.trim() }) });
      setDone(open);
      setOpen(null);
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : {};
      setError(problem.reason?.[lang] ?? (e as Error).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <li
      className="myday-item approval-item"
      data-record-id={item.id}
      data-entity={item.entity}
      data-step={item.step.id}
    >
      <div className="approval-item-head">
        <div className="myday-item-main">
          <Link className="myday-item-title" to={paths.record(item.entity, item.id)}>
            {title}
          </Link>
          <span className="myday-item-entity">{entity ? entityTitle(entity, lang) : item.entity}</span>
        </div>
        {entity && item.amountField && item.amount != null && (
          <span className="approval-amount">
            <FieldValue
              entity={entity}
              field={item.amountField}
              record={{ id: item.id, [item.amountField]: item.amount } as RecordJson}
            />
          </span>
        )}
      </div>
      <div className="approval-facts">
        <span className="approval-step">{t.step(item.step.title[lang])}</span>
        {item.owner.name && <span>{t.owner(item.owner.name)}</span>}
        {item.onBehalfOf && <span className="approval-behalf">{t.onBehalfOf(item.onBehalfOf.name)}</span>}
        {waited !== null && <span>{t.waitingSince(waited)}</span>}
      </div>
      {done ? (
        <p className={`approval-done approval-done-${done === 'APPROVE' ? 'approved' : 'rejected'}`} role="status">
          {done === 'APPROVE' ? t.approved : t.rejected}
        </p>
      ) : open ? (
        <div className="approval-form">
          <textarea
            className="ls-input approval-comment"
            aria-label={open === 'APPROVE' ? t.approveComment : t.rejectComment}
            placeholder={open === 'APPROVE' ? t.approveComment : t.rejectComment}
            value={comment}
            maxLength={2000}
            rows={2}
            onChange={(e) => setComment(e.target.value)}
            autoFocus
          />
          {needsReason && <p className="approval-hint">{t.rejectNeedsReason}</p>}
          <div className="approval-buttons">
            <button
              type="button"
              className={`button ${open === 'APPROVE' ? 'approval-approve' : 'approval-confirm-reject'}`}
              data-confirm={open}
              disabled={sending || needsReason}
              aria-busy={sending}
              onClick={decide}
            >
              {sending && <span className="spinner spinner-small" aria-hidden="true" />}
              {open === 'APPROVE' ? t.confirmApprove : t.confirmReject}
            </button>
            <button type="button" className="button approval-cancel" disabled={sending} onClick={() => setOpen(null)}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div className="approval-buttons">
          <button
            type="button"
            className="button approval-approve"
            data-decision="APPROVE"
            onClick={() => setOpen('APPROVE')}
          >
            {t.approve}
          </button>
          <button
            type="button"
            className="button approval-reject"
            data-decision="REJECT"
            onClick={() => setOpen('REJECT')}
          >
            {t.reject}
          </button>
        </div>
      )}
      {error && (
        <div className="notice notice-error approval-error" role="alert">
          <strong>{t.failed}</strong>
          <span className="notice-detail">{error}</span>
        </div>
      )}
    </li>
  );
}
