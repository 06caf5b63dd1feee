import type { CSSProperties } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { useModel } from '../model/ModelContext';
import { stateTitle } from '../model/labels';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../model/types';
import { formatAmount, formatPercent } from '../dashboard/format';
import { useBoardWorkflow } from './BoardContext';
import type { BoardColumn, Move } from './board-model';
import { KanbanCard, type CardFields } from './KanbanCard';
import type { ColumnCards, GroupTotals } from './useBoard';
import { KANBAN_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

interface KanbanColumnProps {
  entity: EntityDefinition;
  column: BoardColumn;
  cards: ColumnCards | undefined;
  totals: GroupTotals | undefined;
  fields: CardFields;
  currency?: string | undefined;
  moves: Move[];
  canMove: boolean;
  onMove(record: RecordJson, move: Move): void;
  onMore(): void;
}

/** One stage: its header (title, color, probability, count, total) and its cards; a drop target. */
export function KanbanColumn({
  entity,
  column,
  cards,
  totals,
  fields,
  currency,
  moves,
  canMove,
  onMove,
  onMore,
}: KanbanColumnProps) {
  const { lang } = useModel();
  const workflow = useBoardWorkflow();
  const t = useMessages(KANBAN_MESSAGES);
  const { setNodeRef, isOver } = useDroppable({ id: column.state });
  const title = stateTitle(workflow, column.state, lang);
  const count = totals?.count ?? 0;
  const sum = totals?.sum ?? 0;
  const headingId = `kanban-heading-${column.state}`;
  const style = { '--stage': column.meta.color ?? 'var(--ink-3)' } as CSSProperties;

  return (
    <section
      ref={setNodeRef}
      className={`kanban-column${isOver ? ' is-over' : ''}${column.final ? ' is-final' : ''}`}
      style={style}
      data-testid={`kanban-column-${column.state}`}
      data-count={count}
      data-amount={fields.amount ? sum : undefined}
      aria-labelledby={headingId}
    >
      <header className="kanban-column-header">
        <div className="kanban-column-title-row">
          <h2 id={headingId} className="kanban-column-title">
            {title}
          </h2>
          <span className="kanban-count" aria-label={t.cardCount(count)}>
            {count}
          </span>
        </div>
        <div className="kanban-column-figures">
          {fields.amount && <span className="kanban-total">{formatAmount(sum, lang, currency)}</span>}
          {column.meta.probability !== undefined && (
            <span className="kanban-probability">{t.probability(formatPercent(column.meta.probability, lang))}</span>
          )}
        </div>
      </header>
      <div className="kanban-cards">
        {cards?.records.length === 0 && <p className="kanban-empty">{t.emptyColumn}</p>}
        {cards?.records.map((record) => (
          <KanbanCard
            key={record.id}
            entity={entity}
            record={record}
            state={column.state}
            stateMeta={column.meta}
            fields={fields}
            moves={moves}
            canMove={canMove}
            onMove={onMove}
          />
        ))}
        {cards?.nextCursor && (
          <button type="button" className="button kanban-more" onClick={onMore} disabled={cards.loadingMore}>
            {cards.loadingMore ? t.loadingMore : t.more}
          </button>
        )}
      </div>
    </section>
  );
}
