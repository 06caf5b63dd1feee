import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { descriptionOf, pick, useDocumentTitle, useMessages } from '@lodestar/ui-shared';
import { paths } from '../app/paths';
import { Spinner } from '../app/Spinner';
import { useModel } from '../model/ModelContext';
import { recordTitle, stateTitle, workflowTitle } from '../model/labels';
import { boardAnnouncements } from './announcements';
import type { RecordJson } from '../model/types';
import { BoardWorkflowContext } from './BoardContext';
import { boardColumns, eventsBetween, firstRelationField, movesFrom, type Move } from './board-model';
import { BoardToolbar, type OwnerFilter } from './BoardToolbar';
import { EventChooser, type PendingChoice } from './EventChooser';
import { KanbanCard } from './KanbanCard';
import { KanbanColumn } from './KanbanColumn';
import { useBoard } from './useBoard';
import { useMoveCard } from './useMoveCard';
import { KANBAN_MESSAGES } from './messages';
import './kanban.css';

/** `/kanban/:workflow`: one column per stage of the workflow, cards moved by dragging or by menu. */
export function KanbanPage() {
  const { workflow: workflowId = '' } = useParams();
  const model = useModel();
  const t = useMessages(KANBAN_MESSAGES);
  const workflow = model.workflows.find((w) => w.id === workflowId);
  const entity = workflow ? model.entity(workflow.meta.entity) : undefined;
  useDocumentTitle(workflow ? workflowTitle(workflow, model.lang) : t.unknownWorkflow);
  if (!workflow || !entity) {
    return (
      <div className="empty-state">
        <h2>{t.unknownWorkflow}</h2>
        <p>{t.unknownWorkflowHint}</p>
        <Link className="button" to={paths.home()}>
          {t.backHome}
        </Link>
      </div>
    );
  }
  // Keyed by workflow: switching boards starts from a clean state (filters, notices, drag).
  return (
    <BoardWorkflowContext.Provider value={workflow}>
      <Board key={workflow.id} workflowId={workflow.id} />
    </BoardWorkflowContext.Provider>
  );
}

function Board({ workflowId }: { workflowId: string }) {
  const model = useModel();
  const { lang, me, kinds, permissions } = model;
  const t = useMessages(KANBAN_MESSAGES);
  const workflow = model.workflows.find((w) => w.id === workflowId)!;
  const entity = model.entity(workflow.meta.entity)!;
  const [owner, setOwner] = useState<OwnerFilter>('all');
  const [search, setSearch] = useState('');

  const columns = useMemo(() => boardColumns(workflow), [workflow]);
  const moves = useMemo(
    () => Object.fromEntries(columns.map((c) => [c.state, movesFrom(workflow, c.state)])),
    [columns, workflow],
  );
  const amountField =
    workflow.meta.amountField && kinds[entity.$id]?.[workflow.meta.amountField] ? workflow.meta.amountField : undefined;
  const relation = firstRelationField(entity, kinds[entity.$id]);
  const fields = useMemo(() => ({ amount: amountField, relation }), [amountField, relation]);
  const filters = useMemo(() => {
    const f: Record<string, string> = {};
    if (workflow.meta.recordType) f['filter[record_type]'] = workflow.meta.recordType;
    if (owner === 'me') f['filter[owner_id]'] = me.id;
    if (search.trim()) f.q = search.trim();
    return f;
  }, [workflow.meta.recordType, owner, me.id, search]);

  const board = useBoard({
    entity: entity.$id,
    states: columns.map((c) => c.state),
    filters,
    expand: relation,
    sum: amountField,
  });
  const { notice, busy, move } = useMoveCard(entity, workflow, board);
  const [choice, setChoice] = useState<PendingChoice | null>(null);
  const [dragging, setDragging] = useState<{ record: RecordJson; from: string } | null>(null);

  // A few pixels of travel before a drag starts, so a click still opens the record.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  const onDragStart = (event: DragStartEvent) => {
    const from = String(event.active.data.current?.from ?? '');
    const record = board.columns[from]?.records.find((r) => r.id === event.active.id);
    if (record) setDragging({ record, from });
  };

  const onDragEnd = (event: DragEndEvent) => {
    const from = dragging?.from;
    const record = dragging?.record;
    setDragging(null);
    const to = event.over ? String(event.over.id) : undefined;
    if (!from || !record || !to || to === from) return;
    const events = eventsBetween(workflow, from, to);
    if (events.length === 0) {
      move.refuse(t.noDirectMove(stateTitle(workflow, from, lang), stateTitle(workflow, to, lang)));
    } else if (events.length === 1) {
      void move.run(record, from, { event: events[0]!, target: to });
    } else {
      setChoice({ record, from, to, events });
    }
  };

  const accessibility = useMemo(() => {
    const names = new Map<string, string>(columns.map((c) => [c.state, stateTitle(workflow, c.state, lang)]));
    for (const column of Object.values(board.columns))
      for (const r of column.records) names.set(r.id, recordTitle(entity, r));
    return boardAnnouncements(t, (id) => names.get(String(id)) ?? String(id));
  }, [columns, workflow, lang, board.columns, entity, t]);

  const onMenuMove = useCallback(
    (record: RecordJson, chosen: Move) => void move.run(record, String(record.state), chosen),
    [move],
  );

  const currency = amountField ? entity.properties[amountField]?.['x-currency'] : undefined;
  const canCreate = (permissions[entity.$id]?.create ?? 'none') !== 'none';
  const description = pick(workflow.meta.description, lang) ?? descriptionOf(entity, lang) ?? '';

  return (
    <div className="kanban-page">
      <div className="title-row kanban-title-row">
        <div>
          <h1>{workflowTitle(workflow, lang)}</h1>
          <p className="subtitle">{description}</p>
        </div>
        <div className="kanban-actions">
          <Link className="kanban-link" to={paths.list(entity.$id)}>
            {t.listView}
          </Link>
          {canCreate && (
            <Link className="button" to={paths.newRecord(entity.$id, workflow.meta.recordType)}>
              {t.newRecord}
            </Link>
          )}
        </div>
      </div>
      <BoardToolbar owner={owner} onOwner={setOwner} search={search} onSearch={setSearch} busy={busy} />
      {notice}
      {board.status.status === 'error' && (
        <div className="notice notice-error" role="alert">
          <strong>{t.loadFailed}</strong>
          <span className="notice-detail">{board.status.error.message}</span>
          <button type="button" className="button" onClick={board.reload}>
            {t.retry}
          </button>
        </div>
      )}
      {board.status.status === 'loading' && Object.keys(board.columns).length === 0 && <Spinner label={t.loading} />}
      {Object.keys(board.columns).length > 0 && (
        <DndContext
          sensors={sensors}
          accessibility={accessibility}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(null)}
        >
          <div
            className={`kanban-board${board.status.status === 'loading' ? ' is-refreshing' : ''}`}
            aria-busy={board.status.status === 'loading'}
          >
            {columns.map((column) => (
              <KanbanColumn
                key={column.state}
                entity={entity}
                column={column}
                cards={board.columns[column.state]}
                totals={board.groups[column.state]}
                fields={fields}
                currency={currency}
                moves={moves[column.state] ?? []}
                canMove
                onMove={onMenuMove}
                onMore={() => board.loadMore(column.state)}
              />
            ))}
          </div>
          <DragOverlay dropAnimation={null}>
            {dragging && (
              <KanbanCard
                entity={entity}
                record={dragging.record}
                state={dragging.from}
                stateMeta={workflow.states[dragging.from]?.meta}
                fields={fields}
                moves={[]}
                canMove
                onMove={onMenuMove}
                overlay
              />
            )}
          </DragOverlay>
        </DndContext>
      )}
      <p className="kanban-hint muted">{t.dragHint}</p>
      {choice && (
        <EventChooser
          choice={choice}
          onChoose={(event) => {
            setChoice(null);
            void move.run(choice.record, choice.from, { event, target: choice.to });
          }}
          onCancel={() => setChoice(null)}
        />
      )}
    </div>
  );
}
