import { memo, type MouseEvent } from 'react';
import { useNavigate, Link } from 'react-router';
import { useDraggable } from '@dnd-kit/core';
import { paths } from '../app/paths';
import { FieldValue } from '../fields/FieldValue';
import { recordTitle } from '../model/labels';
import type { EntityDefinition, StateMeta } from '@lodestar/core';
import type { RecordJson } from '../model/types';
import { daysSince, isStuck, type Move } from './board-model';
import { MoveMenu } from './MoveMenu';
import { KANBAN_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { SlaCountdown } from '../record/stage/SlaCountdown';

export interface CardFields {
  amount?: string | undefined;
  relation?: string | undefined;
}

interface KanbanCardProps {
  entity: EntityDefinition;
  record: RecordJson;
  state: string;
  stateMeta: StateMeta | undefined;
  fields: CardFields;
  moves: Move[];
  canMove: boolean;
  onMove(record: RecordJson, move: Move): void;
  /** Drawn in the drag overlay: no drag handle, no menu. */
  overlay?: boolean;
}

/** One record on the board: draggable, opens the record on click, and moves by menu for keyboard users. */
export const KanbanCard = memo(function KanbanCard({
  entity,
  record,
  state,
  stateMeta,
  fields,
  moves,
  canMove,
  onMove,
  overlay = false,
}: KanbanCardProps) {
  const t = useMessages(KANBAN_MESSAGES);
  const navigate = useNavigate();
  const { setNodeRef, listeners, isDragging } = useDraggable({
    id: record.id,
    data: { from: state },
    disabled: overlay || !canMove,
  });
  const title = recordTitle(entity, record);
  const days = daysSince(record.state_entered_at);
  const stuck = isStuck(stateMeta, record.state_entered_at);
  const breached = !!record.sla_breached_at;
  const { workflowOf } = useModel();

  // Links and buttons inside the card do their own thing; a click anywhere else opens the record.
  const open = (event: MouseEvent) => {
    if ((event.target as Element).closest('a, button, [role="menu"]')) return;
    navigate(paths.record(entity.$id, record.id));
  };

  return (
    <article
      ref={overlay ? undefined : setNodeRef}
      {...(overlay ? {} : listeners)}
      className={`kanban-card${isDragging ? ' is-dragging' : ''}${overlay ? ' is-overlay' : ''}`}
      data-record-id={record.id}
      aria-label={title}
      onClick={overlay ? undefined : open}
    >
      <div className="kanban-card-top">
        <Link className="kanban-card-title" to={paths.record(entity.$id, record.id)} draggable={false}>
          {title}
        </Link>
        {!overlay && canMove && (
          <MoveMenu title={title} from={state} moves={moves} onChoose={(move) => onMove(record, move)} />
        )}
      </div>
      {fields.relation && record[fields.relation] != null && (
        <div className="kanban-card-related">
          <FieldValue entity={entity} field={fields.relation} record={record} />
        </div>
      )}
      {fields.amount && (
        <div className="kanban-card-amount">
          <FieldValue entity={entity} field={fields.amount} record={record} />
        </div>
      )}
      <div className="kanban-card-meta">
        <span className="kanban-card-owner">
          {record.owner_id ? (
            <FieldValue entity={entity} field="owner_id" record={record} />
          ) : (
            <span className="muted">{t.unowned}</span>
          )}
        </span>
        <span className="kanban-card-age" title={t.daysInStage(days)} aria-label={t.daysInStage(days)}>
          {t.daysShort(days)}
        </span>
        {stuck && (
          <span className="kanban-flag kanban-flag-stuck" title={t.stuckTitle} data-testid="card-stuck">
            {t.stuck}
          </span>
        )}
        {/* Before the breach: the time left of the stage's SLA. */}
        {!breached && <SlaCountdown workflow={workflowOf(entity.$id, record.record_type)} record={record} compact />}
        {breached && (
          <span className="kanban-flag kanban-flag-sla" title={t.slaTitle} data-testid="card-sla">
            {t.slaBreached}
          </span>
        )}
      </div>
    </article>
  );
});
