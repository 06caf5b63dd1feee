import { useApi, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { eventTitle, stateTitle } from '../../model/labels';
// A row of `GET /records/{entity}/{id}/history`, as the engine builds it.
import type { EntityDefinition, TitledHistoryRow as HistoryRow, WorkflowDefinition } from '@lodestar/core';
import type { RecordJson } from '../../model/types';
import { UserName } from '../../fields/FieldValue';
import { Spinner } from '../../app/Spinner';
import { RECORD_MESSAGES } from '../messages';
import { dateTimeText } from '../time';
import { ApprovalNote } from '../../myday/ApprovalNote';

/** The record's stage changes, newest first: from → to, the event, who, their comment, when. */
export function HistoryTab({
  entity,
  record,
  workflow,
  changes,
}: {
  entity: EntityDefinition;
  record: RecordJson;
  workflow: WorkflowDefinition;
  changes: number;
}) {
  const { lang } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const [state, reload] = useApi<{ data: HistoryRow[] }>(
    `/api/v1/records/${encodeURIComponent(entity.$id)}/${encodeURIComponent(record.id)}/history?v=${changes}`,
  );
  if (state.status === 'loading') return <Spinner label={t.loading} />;
  if (state.status === 'error') return <TabError message={state.error.message} onRetry={reload} />;
  const rows = [...state.data.data].reverse();
  const stage = (row: HistoryRow, side: 'from' | 'to') =>
    (row.titles?.[side]?.[lang] ?? stateTitle(workflow, row[side], lang)) +
    (row.removed?.includes(side) ? t.removedStage : '');
  if (!rows.length) return <p className="empty-state muted">{t.noHistory}</p>;
  return (
    <ol className="timeline" data-testid="history">
      {rows.map((row) => (
        <li key={row.id} className="timeline-item">
          <span
            className="timeline-dot"
            style={{ background: workflow.states[row.to]?.meta?.color ?? 'var(--blue)' }}
            aria-hidden="true"
          />
          <div className="timeline-body">
            <div className="timeline-head">
              {row.from && <span className="timeline-state">{stage(row, 'from')}</span>}
              {row.from && (
                <span className="muted" aria-hidden="true">
                  {' '}
                  →{' '}
                </span>
              )}
              <span className="timeline-state is-to">{stage(row, 'to')}</span>
              <span className="timeline-event">
                {row.titles?.event[lang] ??
                  (row.event === 'START' ? t.start : eventTitle(workflow, row.from, row.event, lang))}
              </span>
            </div>
            <div className="timeline-meta muted">
              {row.actor ? <UserName id={row.actor} /> : t.system}
              <ApprovalNote row={row} workflow={workflow} /> ·{' '}
              <time dateTime={row.at}>{dateTimeText(row.at, lang)}</time>
            </div>
            {row.comment && <p className="timeline-comment">{row.comment}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function TabError({ message, onRetry }: { message: string; onRetry(): void }) {
  const t = useMessages(RECORD_MESSAGES);
  return (
    <div className="notice notice-error" role="alert">
      <strong>{t.loadFailed}</strong>
      <span className="notice-detail">{message}</span>
      <button type="button" className="button" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}
