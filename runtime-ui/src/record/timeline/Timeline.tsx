import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { EntityDefinition, WorkflowDefinition } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { choiceTitle, entityTitle, eventTitle, fieldTitle, recordTitle, stateTitle } from '../../model/labels';
import type { RecordJson } from '../../model/types';
import { UserName } from '../../fields/FieldValue';
import { paths } from '../../app/paths';
import { Spinner } from '../../app/Spinner';
import { ApprovalNote } from '../../myday/ApprovalNote';
import { RECORD_MESSAGES } from '../messages';
import { dateTimeText } from '../time';
import { followUpShapes, type FollowUpShape } from './followUp';
import { FollowUpBox } from './FollowUpBox';
import type { TimelineEntry } from './merge';
import { useTimeline } from './useTimeline';

/** The record's activity timeline with the follow-up box on top: what happened to it, newest first. */
export function Timeline({
  entity,
  record,
  workflow,
  changes,
}: {
  entity: EntityDefinition;
  record: RecordJson;
  workflow: WorkflowDefinition | undefined;
  changes: number;
}) {
  const { entities, kinds, permissions } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const [logged, setLogged] = useState(0);
  const readable = useMemo(
    () =>
      followUpShapes(entities, kinds, entity.$id).filter((s) => (permissions[s.entity.$id]?.read ?? 'none') !== 'none'),
    [entities, kinds, permissions, entity.$id],
  );
  const writable = readable.filter((s) => (permissions[s.entity.$id]?.create ?? 'none') !== 'none');
  const entries = useTimeline(
    entity.$id,
    record.id,
    !!workflow,
    readable,
    `${changes}:${logged}:${String(record.version)}`,
  );
  return (
    <section className="record-timeline" aria-label={t.timeline}>
      {writable[0] && <FollowUpBox shape={writable[0]} recordId={record.id} onLogged={() => setLogged((n) => n + 1)} />}
      <h2 className="record-side-title">{t.timeline}</h2>
      {entries === null ? (
        <Spinner label={t.loading} />
      ) : entries.length === 0 ? (
        <p className="muted">{t.noTimeline}</p>
      ) : (
        <ol className="timeline activity-timeline" data-testid="timeline">
          {entries.map((entry) => (
            <li key={entry.key} className={`timeline-item is-${entry.kind}`} data-kind={entry.kind}>
              <span className="timeline-dot" aria-hidden="true" style={dotStyle(entry, workflow)} />
              <div className="timeline-body">
                <EntryBody entry={entry} entity={entity} workflow={workflow} shapes={readable} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function dotStyle(entry: TimelineEntry, workflow: WorkflowDefinition | undefined) {
  if (entry.kind === 'history') return { background: workflow?.states[entry.row.to]?.meta?.color ?? 'var(--blue)' };
  if (entry.kind === 'activity') return { background: 'var(--green, #1f9d55)' };
  if (entry.kind === 'notification') return { background: '#d98a00' };
  return undefined;
}

function EntryBody({
  entry,
  entity,
  workflow,
  shapes,
}: {
  entry: TimelineEntry;
  entity: EntityDefinition;
  workflow: WorkflowDefinition | undefined;
  shapes: readonly FollowUpShape[];
}) {
  const { lang, entity: entityOf } = useModel();
  const t = useMessages(RECORD_MESSAGES);
  const when = <time dateTime={entry.at}>{dateTimeText(entry.at, lang)}</time>;
  if (entry.kind === 'history') {
    const row = entry.row;
    const titled = row as typeof row & {
      titles?: { to: { en: string; zh: string }; event: { en: string; zh: string } };
    };
    return (
      <>
        <div className="timeline-head">
          <span className="timeline-state is-to">
            {titled.titles?.to[lang] ?? (workflow ? stateTitle(workflow, row.to, lang) : row.to)}
          </span>
          <span className="timeline-event">
            {titled.titles?.event[lang] ??
              (row.event === 'START'
                ? t.start
                : workflow
                  ? eventTitle(workflow, row.from, row.event, lang)
                  : row.event)}
          </span>
        </div>
        <div className="timeline-meta muted">
          {row.actor ? <UserName id={row.actor} /> : t.system}
          {workflow && <ApprovalNote row={row} workflow={workflow} />} · {when}
        </div>
        {row.comment && <p className="timeline-comment">{row.comment}</p>}
      </>
    );
  }
  if (entry.kind === 'notification') {
    return (
      <>
        <div className="timeline-head">
          <span className="badge">{t.notification}</span>
          <span>{entry.item.title[lang]}</span>
        </div>
        {entry.item.body[lang] && <p className="timeline-comment">{entry.item.body[lang]}</p>}
        <div className="timeline-meta muted">{when}</div>
      </>
    );
  }
  if (entry.kind === 'audit') {
    const fields = entry.fields.map((f) => fieldTitle(entity, f, lang)).join(lang === 'zh' ? '、' : ', ');
    return (
      <>
        <div className="timeline-head">
          <span>{entry.row.action === 'create' ? t.createdRecord : t.changedFields(fields)}</span>
        </div>
        <div className="timeline-meta muted">
          {entry.row.actorId ? <UserName id={entry.row.actorId} /> : t.system} · {when}
        </div>
      </>
    );
  }
  const other = entityOf(entry.entity);
  const shape = shapes.find((s) => s.entity.$id === entry.entity);
  if (!other || !shape) return null;
  const r = entry.record;
  const text = (name: string | undefined) => (name && typeof r[name] === 'string' ? (r[name] as string) : '');
  const reminder = text(shape.reminder) || text(shape.due);
  const open = r[shape.open.field] === shape.open.todo;
  return (
    <>
      <div className="timeline-head">
        {shape.type && r[shape.type] != null && (
          <span className="badge" data-testid="timeline-type">
            {choiceTitle(other, shape.type, r[shape.type], lang)}
          </span>
        )}
        <Link to={paths.record(other.$id, r.id)}>{recordTitle(other, r)}</Link>
      </div>
      {text(shape.note) && <p className="timeline-comment">{text(shape.note)}</p>}
      {text(shape.nextStep) && <p className="timeline-next">{t.nextStepIs(text(shape.nextStep))}</p>}
      {open && reminder && (
        <p className="timeline-reminder" data-testid="timeline-reminder">
          {t.remindOn(dateTimeText(reminder, lang))}
        </p>
      )}
      <div className="timeline-meta muted">
        {entityTitle(other, lang)} · {typeof r.created_by === 'string' ? <UserName id={r.created_by} /> : t.system} ·{' '}
        {when}
      </div>
    </>
  );
}
