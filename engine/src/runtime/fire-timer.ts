import type { Knex } from 'knex';
import type { Model } from '../model/compile-model.js';
import { updateAudited } from '../records/audited-writes.js';
import { selectRecord } from '../records/records-repo.js';
import type { Actor } from '../actor.js';
import { TransitionRefused } from '../errors.js';
import { appendHistory } from './history-repo.js';
import { claimDueTimer, finishTimer, type DueTimer } from './timers-repo.js';
import { recheckDateTimer } from './date-timers.js';
import { applyEvent } from './transition.js';
import { notifySla } from '../notifications/notify-sla.js';

/** Timers act as the engine itself: no user, and the `system` role for guards that ask. */
export const SYSTEM_ACTOR: Actor = { id: 'system', roles: ['system'] };

/** The event an SLA breach is recorded under in history (from and to are the state it broke). */
export const SLA_BREACHED = 'SLA_BREACHED';

export type FireOutcome = { kind: 'none' } | { kind: 'fired' | 'cancelled' | 'refused' | 'rearmed'; timer: DueTimer };

/**
 * Claims one due timer and fires it in the same transaction: the timer row's lock, the record's
 * lock, the transition and the timer's status commit together, so a timer fires exactly once
 * however many engines poll, and a crash before commit leaves it due for the next poll.
 */
export async function fireNextTimer(
  knex: Knex,
  model: Model,
  now: Date,
  onClaim?: (timer: DueTimer) => void,
): Promise<FireOutcome> {
  return knex.transaction(async (trx) => {
    const timer = await claimDueTimer(trx, now);
    if (!timer) return { kind: 'none' } as const;
    onClaim?.(timer);
    const entity = model.entities.get(timer.entity);
    const row = entity && (await selectRecord(trx, entity, { id: timer.recordId, forUpdate: true }));
    if (!entity || !row || row.state !== timer.state) {
      await finishTimer(trx, timer.id, 'cancelled');
      return { kind: 'cancelled', timer } as const;
    }
    // A date-relative timer follows its date as it is now (a write may have moved or cleared it).
    const recheck = await recheckDateTimer(trx, model, { entity, timer, row, now });
    if (recheck === 'cancelled') await finishTimer(trx, timer.id, 'cancelled');
    if (recheck !== 'fire') return { kind: recheck, timer } as const;
    if (timer.kind === 'sla') await markBreach(trx, { model, timer, row, now });
    // The warning before the breach; none once the SLA broke or is due (a worker that was down fires both late).
    if (
      timer.kind === 'slaWarn' &&
      !row.sla_breached_at &&
      !(row.sla_due_at && new Date(row.sla_due_at as string) <= now)
    )
      await notifySla(trx, { model, entity, row, kind: 'warning' });
    let kind: 'fired' | 'refused' = 'fired';
    if (timer.event) {
      try {
        const historyEvent = `after.${timer.kind === 'sla' ? 'sla' : delayOf(timer.event)}`;
        await applyEvent(
          trx,
          {
            model,
            entity,
            id: timer.recordId,
            event: { type: timer.event },
            actor: SYSTEM_ACTOR,
            fromTimer: true,
            historyEvent,
          },
          now,
        );
      } catch (error) {
        // A guard may refuse the timer's transition; the timer is spent either way.
        if (!(error instanceof TransitionRefused)) throw error;
        kind = 'refused';
      }
    }
    await finishTimer(trx, timer.id, 'fired');
    return { kind, timer } as const;
  });
}

async function markBreach(
  trx: Knex,
  input: { model: Model; timer: DueTimer; row: Record<string, unknown>; now: Date },
): Promise<void> {
  const { model, timer, row, now } = input;
  const entity = model.entities.get(timer.entity)!;
  // The engine itself (no actor) marks the breach; the audit row says when the SLA ran out. The owner hears of
  // it once, unless the state's own `after.sla` transition (the timer's event) decides who is told.
  if (!row.sla_breached_at) {
    await updateAudited(
      trx,
      entity,
      { id: timer.recordId, version: row.version as number, columns: { sla_breached_at: now } },
      { actorId: null },
    );
    if (!timer.event) await notifySla(trx, { model, entity, row, kind: 'breach' });
  }
  await appendHistory(trx, {
    entity: timer.entity,
    recordId: timer.recordId,
    recordType: (row.record_type as string | null) ?? null,
    workflow: timer.workflow,
    from: timer.state,
    to: timer.state,
    event: SLA_BREACHED,
    actorId: null,
    ownerId: (row.owner_id as string | null) ?? null,
    modelVersion: model.version,
    at: now,
  });
}

// Timer events read `xstate.after.<delay>.<workflow id>.<state>`; ids and state names have no dots.
function delayOf(event: string): string {
  return event.split('.').slice(2, -2).join('.');
}
