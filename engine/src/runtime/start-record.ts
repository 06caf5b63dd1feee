import type { Knex } from 'knex';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { runPrepared } from '../db/prepared.js';
import { updateRow, type Row } from '../records/records-repo.js';
import { recordNames, toRecordJson } from '../records/serialize.js';
import type { RecordJson } from '../records/types.js';
import type { RecordStart, StartRecord } from '../records/write-record.js';
import type { CompiledWorkflow } from '../workflow/compile-machine.js';
import { decideStart } from '../workflow/decide.js';
import type { Actor } from '../actor.js';
import { applyEffects } from './apply-effects.js';
import { boundWorkflow } from './compiled-workflows.js';
import { workflowParts, writeStart } from './write-transition.js';
import { START_EVENT, toStartWrite } from './workflow-write.js';
import { clockNeeds, timerClockFor } from './date-timer-clock.js';
import { slaDueOf } from './timer-rows.js';

export { START_EVENT };

const plainStarts = new WeakMap<CompiledWorkflow, ReturnType<typeof decideStart>>();

/**
 * decideStart, remembered per workflow when its initial state has no `always` and no entry actions:
 * then the start depends on nothing in the record (timers keep relative delays), and creates skip
 * building an XState actor each time.
 */
function startOf(
  compiled: CompiledWorkflow,
  record: Record<string, unknown>,
  actor: Actor,
  now: Date,
): ReturnType<typeof decideStart> {
  const initial = compiled.definition.states[compiled.definition.initial];
  if (initial?.always !== undefined || initial?.entry?.length)
    return decideStart(compiled, { record, actor, now: now.toISOString() });
  let start = plainStarts.get(compiled);
  if (!start) plainStarts.set(compiled, (start = decideStart(compiled, { record: {}, actor, now: now.toISOString() })));
  return start;
}

/**
 * How new records of an entity enter their workflow: the initial state (after any `always`) goes
 * into the insert; history, timers and entry effects are written in the same transaction.
 */
export function startFor(model: Model, actor: Actor, now: Date): (entity: CompiledEntity) => StartRecord {
  return (entity) => (input) => {
    const compiled = boundWorkflow(model, entity, input.recordType);
    if (!compiled) return undefined;
    const start = startOf(compiled, input.fields, actor, now);
    const workflow = compiled.definition.id;
    const begin: RecordStart = {
      state: start.to,
      at: now,
      async afterInsert(trx: Knex, record: RecordJson) {
        const id = record.id as string;
        const facts = { workflow, from: null, to: start.to, event: START_EVENT, at: now };
        const outcome = await applyEffects(trx, start.effects, {
          model,
          entity,
          record,
          actor,
          transition: facts,
          startFor: startFor(model, actor, now),
        });
        const changed = Object.keys(outcome.columns).length
          ? await updateRow(trx, entity, { id, version: record.version as number, columns: outcome.columns })
          : undefined;
        const after = changed ? toRecordJson(changed, recordNames(entity)) : record;
        const recordType = (record.record_type as string | null) ?? null;
        const write = toStartWrite({
          compiled,
          entity: entity.id,
          recordId: id,
          recordType,
          start,
          outbox: outcome.outbox,
          notifications: outcome.notifications,
          actorId: actor.id,
          modelVersion: model.version,
          now,
          record: after,
          timerClock: await timerClockFor(trx, compiled),
        });
        const slaDueAt = slaDueOf(write.timers);
        await writeStart(trx, entity, id, write, slaDueAt);
        return slaDueAt ? { ...after, sla_due_at: slaDueAt.toISOString() } : after;
      },
    };
    // Date-relative timers are due by the inserted record's values, which only the insert's transaction has.
    if (start.effects.length || clockNeeds(compiled).dates || clockNeeds(compiled).business) return begin;
    const write = toStartWrite({
      compiled,
      entity: entity.id,
      recordId: '',
      recordType: input.recordType ?? null,
      start,
      outbox: [],
      actorId: actor.id,
      modelVersion: model.version,
      now,
    });
    begin.slaDueAt = slaDueOf(write.timers);
    begin.oneStatement = async (db, insert, also, answer = true) => {
      const [history, ...rest] = workflowParts('r', entity.id, '', write);
      const parts = [{ sql: `r as (${insert.sql})`, bindings: insert.bindings }, history!, ...also('r'), ...rest];
      // A data-modifying CTE runs whether or not the outer query reads it.
      return (
        await runPrepared<Row>(
          db,
          `with ${parts.map((p) => p.sql).join(', ')} ${answer ? 'select r.* from r' : 'select 1'}`,
          parts.flatMap((p) => p.bindings),
        )
      )[0];
    };
    return begin;
  };
}
