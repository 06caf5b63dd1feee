import type { Knex } from 'knex';
import { toMilliseconds } from '@lodestar/core';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { selectRecord } from '../records/records-repo.js';
import type { CompiledWorkflow } from '../workflow/compile-machine.js';
import { dateKeyDueAt, isBusinessDuration, parseDateKey, slaWarnAt, timerDueAt } from '../workflow/date-timers.js';
import { quoteIdent } from '../records/quote-ident.js';
import { boundWorkflow } from './compiled-workflows.js';
import { clockNeeds, timerClockFor } from './date-timer-clock.js';
import { movePendingTimer, pendingTimersOf, type DueTimer } from './timers-repo.js';

/**
 * After the business calendar changed: every pending timer counted in business days is computed again
 * from what it counts from (entering the state, or its date field) on the new calendar, and moved when
 * that differs. Timers another engine is firing right now are waited for, then left as they ended.
 * Answers how many moved.
 */
export async function rescheduleBusinessTimers(knex: Knex, model: Model): Promise<number> {
  const workflows = new Map<string, CompiledWorkflow>();
  for (const entity of model.entities.values())
    for (const type of [undefined, ...entity.recordTypes]) {
      const compiled = boundWorkflow(model, entity, type);
      if (compiled && clockNeeds(compiled).business) workflows.set(compiled.definition.id, compiled);
    }
  let moved = 0;
  for (const timer of await pendingTimersOf(knex, [...workflows.keys()])) {
    const compiled = workflows.get(timer.workflow)!;
    const dueAt = await businessDueAt(knex, model, compiled, timer);
    if (
      dueAt &&
      dueAt.getTime() !== new Date(timer.dueAt).getTime() &&
      (await movePendingTimer(knex, timer.id, dueAt))
    ) {
      moved++;
      // The record shows the SLA's due time: it moves with the timer.
      const entity = model.entities.get(timer.entity);
      if (timer.kind === 'sla' && entity) await setSlaDue(knex, entity, timer, dueAt);
    }
  }
  return moved;
}

async function setSlaDue(knex: Knex, entity: CompiledEntity, timer: DueTimer, dueAt: Date): Promise<void> {
  await knex.raw(`update ${quoteIdent(entity.table.name)} set sla_due_at = ? where id = ? and state = ?`, [
    dueAt,
    timer.recordId,
    timer.state,
  ]);
}

/** The timer's due time on the current calendar; undefined when it does not count business days. */
async function businessDueAt(
  knex: Knex,
  model: Model,
  compiled: CompiledWorkflow,
  timer: DueTimer,
): Promise<Date | undefined> {
  const state = compiled.definition.states[timer.state];
  const key = timer.kind !== 'after' ? 'sla' : timer.event ? timer.event.split('.').slice(2, -2).join('.') : undefined;
  if (!state || !key) return undefined;
  const slaText = state.meta?.sla;
  const warnText = timer.kind === 'slaWarn' ? state.meta?.slaWarnAt : undefined;
  const dateKey = parseDateKey(key);
  const business =
    (dateKey?.duration !== undefined && dateKey.duration.kind !== 'iso') ||
    isBusinessDuration(key) ||
    (key === 'sla' && (isBusinessDuration(slaText) || isBusinessDuration(warnText)));
  const entity = model.entities.get(timer.entity);
  if (!business || !entity) return undefined;
  const row = await selectRecord(knex, entity, { id: timer.recordId });
  if (!row || row.state !== timer.state) return undefined;
  const clock = (await timerClockFor(knex, compiled))!;
  if (dateKey) return dateKeyDueAt(dateKey, row, clock) ?? undefined;
  const entered = row.state_entered_at ? new Date(row.state_entered_at as string) : undefined;
  const due =
    entered &&
    (timerDueAt(
      key,
      { now: entered, delayMs: key === 'sla' ? (toMilliseconds(String(slaText)) ?? 0) : 0, slaText },
      clock,
    ) ??
      undefined);
  if (timer.kind !== 'slaWarn' || !entered || !due) return due;
  return slaWarnAt({ enteredAt: entered, dueAt: due, slaText, warnText }, clock) ?? undefined;
}
