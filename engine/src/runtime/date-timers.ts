import type { Knex } from 'knex';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import type { Row } from '../records/records-repo.js';
import { dateKeyDueAt, dateKeysOf, dateTimerEvent as eventOf, parseDateKey } from '../workflow/date-timers.js';
import { boundWorkflow } from './compiled-workflows.js';
import { timerClockFor } from './date-timer-clock.js';
import { cancelTwinTimers, rearmTimer, replacePendingTimers, type DueTimer, type TimerRow } from './timers-repo.js';

const fieldsOf = new WeakMap<CompiledEntity, WeakMap<Model, ReadonlySet<string>>>();

/** The fields some date-relative timer of a workflow bound to the entity reads (empty: writes need no hook). */
export function dateTimerFields(model: Model, entity: CompiledEntity): ReadonlySet<string> {
  let byModel = fieldsOf.get(entity);
  if (!byModel) fieldsOf.set(entity, (byModel = new WeakMap()));
  let fields = byModel.get(model);
  if (!fields) {
    const found = new Set<string>();
    for (const type of [undefined, ...entity.recordTypes]) {
      const compiled = boundWorkflow(model, entity, type);
      for (const state of Object.values(compiled?.definition.states ?? {}))
        for (const { parsed } of dateKeysOf(state.after)) found.add(parsed.field);
    }
    byModel.set(model, (fields = found));
  }
  return fields;
}

/**
 * After a write changed `changed` fields of a record (its row as written, still locked by the write's
 * transaction): the pending timers of its state that read one of them move to the new due time, a
 * cleared date cancels its timer, a date set from blank starts one, and a time already past is due now.
 */
export async function rescheduleDateTimers(
  trx: Knex,
  model: Model,
  entity: CompiledEntity,
  row: Row,
  changed: readonly string[],
): Promise<void> {
  const state = row.state as string | null;
  const compiled = state ? boundWorkflow(model, entity, row.record_type as string | null) : undefined;
  if (!state || !compiled) return;
  const keys = dateKeysOf(compiled.definition.states[state]?.after).filter(({ parsed }) =>
    changed.includes(parsed.field),
  );
  if (!keys.length) return;
  const clock = (await timerClockFor(trx, compiled))!;
  const workflow = compiled.definition.id;
  const base = { entity: entity.id, recordId: row.id as string, workflow, state, kind: 'after' as const };
  const timers = keys.flatMap(({ key, parsed }): TimerRow[] => {
    const dueAt = dateKeyDueAt(parsed, row, clock);
    return dueAt ? [{ ...base, event: eventOf(workflow, state, key), dueAt }] : [];
  });
  await replacePendingTimers(
    trx,
    {
      entity: entity.id,
      recordId: row.id as string,
      state,
      events: keys.map(({ key }) => eventOf(workflow, state, key)),
    },
    timers,
  );
}

/**
 * A claimed date-relative timer, judged again on the locked record before it fires: its date may have
 * moved by a write that did not reschedule it. Blank now: cancelled. Later now: re-armed at the new
 * time. Either way, or when it fires, no other pending timer of the record sends the same event.
 */
export async function recheckDateTimer(
  trx: Knex,
  model: Model,
  input: { entity: CompiledEntity; timer: DueTimer; row: Row; now: Date },
): Promise<'fire' | 'cancelled' | 'rearmed'> {
  const { entity, timer, row, now } = input;
  const key = timer.event && timer.kind === 'after' ? parseDateKey(delayOf(timer.event)) : undefined;
  const compiled = key && boundWorkflow(model, entity, row.record_type as string | null);
  if (!key || !compiled) return 'fire';
  await cancelTwinTimers(trx, timer);
  const dueAt = dateKeyDueAt(key, row, (await timerClockFor(trx, compiled)) ?? { timeZone: 'Asia/Shanghai' });
  if (!dueAt) return 'cancelled';
  if (dueAt.getTime() <= now.getTime()) return 'fire';
  await rearmTimer(trx, timer.id, dueAt);
  return 'rearmed';
}

// Timer events read `xstate.after.<delay>.<workflow id>.<state>`; ids and state names have no dots.
function delayOf(event: string): string {
  return event.split('.').slice(2, -2).join('.');
}
