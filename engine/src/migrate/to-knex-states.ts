import type { Knex } from 'knex';
import { readLatestVersionNumber } from '../db/definitions-repo.js';
import type { Step } from './plan.js';
import { stateCondition } from './state-sql.js';
import { migratedHistorySql } from '../runtime/history-repo.js';
import { cancelStateTimers, renameStateTimers } from '../runtime/timers-repo.js';
import { UUID_RE } from '@lodestar/core';

type Of<K extends Step['kind']> = Extract<Step, { kind: K }>;

/** What the state steps write into history besides the plan: the version being published and who publishes it. */
export interface StepContext {
  /** The model version the publish writes; history rows name it (default: the newest version + 1). */
  version?: number;
  /** The publisher's user id, the actor of history rows; null or a non-uuid when unknown. */
  actorId?: string | null;
}

/**
 * Renames a state in place: the records in it, and the pending timers of the state (timer event ids name
 * the state, `xstate.after.<delay>.<workflow>.<state>`, and an SLA delay is `sla-<state>`, so they follow).
 * No history row: the records did not move.
 */
export async function renameState(trx: Knex.Transaction, step: Of<'renameState'>): Promise<void> {
  const [where, bindings] = stateCondition(step.from, step.scope);
  await trx.raw(`UPDATE ?? SET state = ? WHERE ${where}`, [step.table, step.to, ...bindings]);
  await renameStateTimers(trx, step.workflow, step.from, step.to);
}

/**
 * Moves the records of a removed state to the mapped target (or, confirmed without a mapping, to the
 * initial state): they enter it now with no SLA breach and a new record version, each gets one history
 * row (event MIGRATE), and the removed state's pending timers are cancelled.
 */
export async function moveState(
  trx: Knex.Transaction,
  step: Of<'moveState'>,
  context: StepContext = {},
): Promise<void> {
  const target = step.to ?? step.initial;
  const version = context.version ?? (await nextVersion(trx));
  const actor = context.actorId && UUID_RE.test(context.actorId) ? context.actorId : null;
  const [where, bindings] = stateCondition(step.state, step.scope);
  await trx.raw(
    `WITH moved AS (
       UPDATE ?? SET state = ?, state_entered_at = now(), sla_breached_at = NULL, sla_due_at = NULL, updated_at = now(), version = version + 1
        WHERE ${where}
        RETURNING id, record_type, owner_id
     )
     ${migratedHistorySql('moved')}`,
    [step.table, target, ...bindings, step.table, step.workflow, step.state, target, actor, version],
  );
  await cancelStateTimers(trx, step.workflow, step.state);
}

async function nextVersion(trx: Knex.Transaction): Promise<number> {
  return ((await readLatestVersionNumber(trx)) ?? 0) + 1;
}
