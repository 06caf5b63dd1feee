import type { Knex } from 'knex';
import type { CtePart } from './cte-parts.js';

/** The one module whose SQL names `lodestar_timers` (engine/test/table-owners.test.ts). */
const TIMERS = 'lodestar_timers';
const CANCEL = `update ${TIMERS} set status = 'cancelled', done_at = now()`;

/** A pending timer as written: which record, in which state, what it sends back, and when. */
export interface TimerRow {
  entity: string;
  recordId: string;
  workflow: string;
  state: string;
  /** slaWarn: the owner's warning before the SLA breaks (no event; fire-timer.ts notifies). */
  kind: 'after' | 'sla' | 'slaWarn';
  /** The XState event it sends back through the workflow; null for an SLA that only marks the breach. */
  event: string | null;
  dueAt: Date;
}

/** A timer claimed for firing. */
export interface DueTimer extends TimerRow {
  id: number;
  attempts: number;
}

/**
 * Claims the next due timer for this transaction. SKIP LOCKED lets every engine process poll the
 * same table: each row is locked by exactly one of them until its transaction commits or rolls back.
 */
export async function claimDueTimer(trx: Knex, now: Date): Promise<DueTimer | undefined> {
  const result = (await trx.raw(
    `select id, entity, record_id, workflow, state, kind, event, due_at, attempts from ${TIMERS}
     where status = 'pending' and due_at <= ? order by due_at, id limit 1 for update skip locked`,
    [now],
  )) as { rows: Record<string, unknown>[] };
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    id: Number(row.id),
    entity: row.entity as string,
    recordId: row.record_id as string,
    workflow: row.workflow as string,
    state: row.state as string,
    kind: row.kind as TimerRow['kind'],
    event: (row.event as string | null) ?? null,
    dueAt: row.due_at as Date,
    attempts: Number(row.attempts),
  };
}

/** Marks a claimed timer done: fired, or cancelled because its record is gone or left the state. */
export async function finishTimer(trx: Knex, id: number, status: 'fired' | 'cancelled'): Promise<void> {
  await trx(TIMERS).where({ id }).update({ status, done_at: trx.fn.now() });
}

/** Records a failed firing (outside the rolled-back transaction): retry later, or give up after `maxAttempts`. */
export async function failTimer(
  knex: Knex,
  id: number,
  error: string,
  options: { retryAt: Date; maxAttempts: number },
): Promise<void> {
  await knex.raw(
    `update ${TIMERS} set attempts = attempts + 1, last_error = ?,
       status = case when attempts + 1 >= ? then 'failed' else status end,
       due_at = case when attempts + 1 >= ? then due_at else ? end
     where id = ?`,
    [error.slice(0, 2000), options.maxAttempts, options.maxAttempts, options.retryAt, id],
  );
}

/**
 * Cancels the record's pending timers as the CTE `c`, only when the CTE `source` wrote the record. A timer
 * another engine has claimed is skipped, not waited for: that engine holds the timer and waits for the
 * record this statement holds (a deadlock), and it cancels the timer itself once it sees the record left.
 */
export function cancelTimersPart(source: string, entity: string, recordId: string): CtePart {
  return {
    sql: `c as (${CANCEL} where id in (select id from ${TIMERS} where entity = ? and record_id = ? and status = 'pending' for update skip locked) and exists (select 1 from ${source}))`,
    bindings: [entity, recordId],
  };
}

/**
 * Cancels the record's pending timers sending `events` in `state` as the CTE `dt`, only when the CTE
 * `source` wrote the record: a transition that stays put moved the dates they count from. A timer another
 * engine has claimed is skipped, not waited for (it re-checks its date when it fires).
 */
export function cancelEventTimersPart(
  source: string,
  at: { entity: string; recordId: string; state: string; events: string[] },
): CtePart {
  return {
    sql: `dt as (${CANCEL} where id in (select id from ${TIMERS} where entity = ? and record_id = ? and state = ? and status = 'pending' and event = any(?::text[]) for update skip locked) and exists (select 1 from ${source}))`,
    bindings: [at.entity, at.recordId, at.state, at.events],
  };
}

/** New timers of the record written by `source` (none when it wrote nothing). */
export function timersPart(source: string, timers: TimerRow[]): CtePart {
  const rows = timers.map(() => '(?, ?, ?, ?, ?, ?::timestamptz)').join(', ');
  return {
    sql: `t as (insert into ${TIMERS} (entity, record_id, workflow, state, kind, event, due_at) select v.entity, ${source}.id, v.workflow, v.state, v.kind, v.event, v.due_at from (values ${rows}) as v(entity, workflow, state, kind, event, due_at), ${source})`,
    bindings: timers.flatMap((t) => [t.entity, t.workflow, t.state, t.kind, t.event, t.dueAt]),
  };
}

/** A publish removed the state: its pending timers end (the records moved to another state). */
export async function cancelStateTimers(trx: Knex, workflow: string, state: string): Promise<void> {
  await trx.raw(`${CANCEL} where workflow = ? and state = ? and status = 'pending'`, [workflow, state]);
}

/**
 * A publish renamed the state: its pending timers follow (timer event ids name the state,
 * `xstate.after.<delay>.<workflow>.<state>`, and an SLA delay is `sla-<state>`).
 */
export async function renameStateTimers(trx: Knex, workflow: string, from: string, to: string): Promise<void> {
  const suffix = (state: string) => `.${workflow}.${state}`;
  const sla = (state: string) => `xstate.after.sla-${state}${suffix(state)}`;
  await trx.raw(
    `UPDATE ${TIMERS}
        SET state = ?::text,
            event = CASE WHEN event = ?::text THEN ?::text
                         WHEN right(event, ?::int) = ?::text THEN left(event, length(event) - ?::int) || ?::text
                         ELSE event END
      WHERE workflow = ? AND state = ? AND status = 'pending'`,
    [to, sla(from), sla(to), suffix(from).length, suffix(from), suffix(from).length, suffix(to), workflow, from],
  );
}

/**
 * Moves a record's pending date-relative timers (date-timers.ts): cancels those sending `events` in
 * `state`, then inserts `timers`. The caller holds the record's row lock; a timer another engine has
 * claimed is skipped rather than waited for (that engine waits for the record, and re-checks the date).
 */
export async function replacePendingTimers(
  trx: Knex,
  at: { entity: string; recordId: string; state: string; events: string[] },
  timers: TimerRow[],
): Promise<void> {
  await trx.raw(
    `${CANCEL} where id in (select id from ${TIMERS} where entity = ? and record_id = ? and state = ?
       and status = 'pending' and event = any(?::text[]) for update skip locked)`,
    [at.entity, at.recordId, at.state, at.events],
  );
  if (timers.length)
    await trx(TIMERS).insert(
      timers.map((t) => ({
        entity: t.entity,
        record_id: t.recordId,
        workflow: t.workflow,
        state: t.state,
        kind: t.kind,
        event: t.event,
        due_at: t.dueAt,
      })),
    );
}

/** Re-arms a claimed timer at a later due time (its date moved while it waited). */
export async function rearmTimer(trx: Knex, id: number, dueAt: Date): Promise<void> {
  await trx(TIMERS).where({ id }).update({ due_at: dueAt });
}

/** Other pending timers of the record sending the same event (a date timer fired: they are spent too). */
export async function cancelTwinTimers(trx: Knex, timer: DueTimer): Promise<void> {
  await trx.raw(
    `${CANCEL} where id in (select id from ${TIMERS} where entity = ? and record_id = ? and state = ?
       and status = 'pending' and event = ? and id <> ? for update skip locked)`,
    [timer.entity, timer.recordId, timer.state, timer.event, timer.id],
  );
}

/** The pending timers of some workflows (a calendar edit re-checks the business-day ones among them). */
export async function pendingTimersOf(db: Knex, workflows: string[]): Promise<DueTimer[]> {
  if (!workflows.length) return [];
  const rows = (await db(TIMERS)
    .where({ status: 'pending' })
    .whereIn('workflow', workflows)
    .orderBy('id')
    .select('id', 'entity', 'record_id', 'workflow', 'state', 'kind', 'event', 'due_at', 'attempts')) as Record<
    string,
    unknown
  >[];
  return rows.map((row) => ({
    id: Number(row.id),
    entity: row.entity as string,
    recordId: row.record_id as string,
    workflow: row.workflow as string,
    state: row.state as string,
    kind: row.kind as TimerRow['kind'],
    event: (row.event as string | null) ?? null,
    dueAt: row.due_at as Date,
    attempts: Number(row.attempts),
  }));
}

/** Moves a timer that is still pending to a new due time. */
export async function movePendingTimer(db: Knex, id: number, dueAt: Date): Promise<boolean> {
  return (await db(TIMERS).where({ id, status: 'pending' }).update({ due_at: dueAt })) > 0;
}

/** Pending timers due now and due longer than `lateSeconds` (metrics/backlog.ts composes it into one statement). */
export const timersBacklogSql = (lateSeconds: number): string =>
  `(select count(*) from ${TIMERS} where status = 'pending' and due_at <= now()) as timers_due,
    (select count(*) from ${TIMERS} where status = 'pending'
       and due_at <= now() - interval '${Math.trunc(lateSeconds)} seconds') as timers_late`;
