import type { Knex } from 'knex';
import { historyValues, HISTORY_COLUMNS, type HistoryEntry } from './history-repo.js';
import type { TimerRow } from './timers-repo.js';

/** One `name as (…)` part of a WITH statement and its bindings, in text order. */
export interface CtePart {
  sql: string;
  bindings: Knex.RawBinding[];
}

/**
 * The history row of a change, inserted from the CTE `source` that wrote the record (its id and its
 * owner after the write come from there); answers its id as `h`.
 */
export function historyPart(source: string, entry: Omit<HistoryEntry, 'ownerId' | 'recordId'>): CtePart {
  const values = historyValues({ ...entry, recordId: '', ownerId: null });
  return { sql: historySql(source), bindings: values.filter((_value, i) => i !== RECORD_ID && i !== OWNER_ID) };
}

const RECORD_ID = HISTORY_COLUMNS.indexOf('record_id');
const OWNER_ID = HISTORY_COLUMNS.indexOf('owner_id');
const historySqls = new Map<string, string>();

// The same text for every row of a source: built once (it is on every transition and create).
function historySql(source: string): string {
  let sql = historySqls.get(source);
  if (sql === undefined) {
    const selects = HISTORY_COLUMNS.map((_c, i) => (i === RECORD_ID ? `${source}.id` : i === OWNER_ID ? `${source}.owner_id` : '?'));
    historySqls.set(source, (sql = `h as (insert into lodestar_history (${HISTORY_COLUMNS.join(', ')}) select ${selects.join(', ')} from ${source} returning id)`));
  }
  return sql;
}

/** New timers of the record written by `source` (none when it wrote nothing). */
export function timersPart(source: string, timers: TimerRow[]): CtePart {
  const rows = timers.map(() => '(?, ?, ?, ?, ?, ?::timestamptz)').join(', ');
  return {
    sql: `t as (insert into lodestar_timers (entity, record_id, workflow, state, kind, event, due_at) select v.entity, ${source}.id, v.workflow, v.state, v.kind, v.event, v.due_at from (values ${rows}) as v(entity, workflow, state, kind, event, due_at), ${source})`,
    bindings: timers.flatMap((t) => [t.entity, t.workflow, t.state, t.kind, t.event, t.dueAt]),
  };
}
