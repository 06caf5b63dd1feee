import type { Knex } from 'knex';
import { LodestarError, TransitionRefused, type Text } from '../errors.js';
import type { Logger } from '../log.js';
import type { Model } from '../model/compile-model.js';
import { SYSTEM_ACTOR } from '../runtime/fire-timer.js';
import { applyEvent } from '../runtime/transition.js';
import { finishRun, recordProgress, setTotal, type RunRow, type RunSample } from './runs-repo.js';
import { batchIdsSql, countSql, matchSql, setBatchSql, type ScheduleQuery } from './schedule-sql.js';
import { scheduleSpecsOf, type ScheduleSpec } from './schedule-specs.js';
import { sendReport } from './send-report.js';

export interface RunDeps {
  knex: Knex;
  log: Logger;
  clock: () => Date;
  /** Records per batch (one transaction each, so no lock is held longer than a batch). */
  batchSize: number;
  /** Called after events or mails were committed (they may have queued outbox rows). */
  afterCommit?: () => void;
}

/** The claim of a run by this engine; a run taken over by another engine stops at its next batch. */
class RunLost extends Error {}

const NOT_FITTING: Text = {
  en: 'a new value does not fit the field (a choice outside its values, too long, out of range, or blank where required)',
  zh: '新值不符合字段要求（不在选项内、过长、超出范围或必填项为空）',
};

/**
 * Runs one claimed run to its end: `set` and `event` schedules go through the matching records in keyset
 * batches of ids, each batch committing its work with the run's progress (done, changed, failed, refused,
 * cursor), so a run another engine resumes starts after the last committed batch.
 */
export async function executeRun(deps: RunDeps, model: Model, run: RunRow): Promise<RunRow['status']> {
  const claim = { id: run.id, claim: run.claim! };
  const spec = scheduleSpecsOf(model.set.workflows).find((s) => s.key === run.scheduleKey);
  try {
    if (!spec) throw new ScheduleGone(run.scheduleKey);
    if (run.attempts > MAX_ATTEMPTS) throw new GivenUp();
    if (spec.action.kind === 'notify') {
      const sent = await sendReport(
        deps.knex,
        model,
        spec as ScheduleSpec & { action: { kind: 'notify' } },
        deps.clock(),
      );
      await recordProgress(
        deps.knex,
        claim,
        { ...sent, changed: sent.processed, failed: 0, refusals: 0, cursor: null },
        [],
        deps.clock(),
      );
      deps.afterCommit?.();
    } else await runBatches(deps, model, spec, run);
    await finishRun(deps.knex, claim, { status: 'succeeded' }, deps.clock());
    return 'succeeded';
  } catch (error) {
    if (error instanceof RunLost) return 'running';
    deps.log.error({ err: error, run: run.id, schedule: run.scheduleKey }, 'schedule run failed');
    await finishRun(deps.knex, claim, { status: 'failed', error: errorText(error) }, deps.clock());
    return 'failed';
  }
}

async function runBatches(deps: RunDeps, model: Model, spec: ScheduleSpec, run: RunRow): Promise<void> {
  const claim = { id: run.id, claim: run.claim! };
  const entity = model.entities.get(spec.entity)!;
  const workflow = model.workflows.get(spec.workflow)!;
  const query = matchSql(spec, entity, model.set.entities, workflow);
  if (run.total === null) {
    const counted = await deps.knex.raw(countSql(query).sql, countSql(query).bindings);
    await setTotal(deps.knex, claim, (counted.rows as { n: number }[])[0]!.n, model.version);
  }
  let cursor = run.cursor;
  const detail = { schedule: spec.key, run: run.id };
  for (;;) {
    if (spec.action.kind === 'set') {
      const set = spec as ScheduleSpec & { action: { kind: 'set' } };
      // The batch is chosen, locked, written and audited by one statement; its progress commits with it.
      const last = await deps.knex.transaction(async (trx) => {
        const statement = setBatchSql(
          set,
          entity,
          model.set.entities,
          query,
          { after: cursor, size: deps.batchSize },
          detail,
        );
        const result = await trx.raw(statement.sql, statement.bindings);
        const row = (
          result.rows as {
            changed: number;
            failed: number;
            matched: number;
            last_id: string | null;
            failed_ids: string[] | null;
          }[]
        )[0]!;
        if (!row.matched) return null;
        const samples = (row.failed_ids ?? []).map((recordId) => ({ recordId, reason: NOT_FITTING }));
        const kept = await recordProgress(
          trx,
          claim,
          { processed: row.matched, changed: row.changed, failed: row.failed, refusals: 0, cursor: row.last_id },
          samples,
          deps.clock(),
        );
        if (!kept) throw new RunLost();
        return row.last_id;
      });
      if (!last) return;
      cursor = last;
      continue;
    }
    const ids = await nextIds(deps.knex, query, cursor, deps.batchSize);
    if (!ids.length) return;
    const last = ids[ids.length - 1]!;
    const outcome = await sendEvents(deps, model, spec as ScheduleSpec & { action: { kind: 'event' } }, ids);
    const kept = await recordProgress(
      deps.knex,
      claim,
      { processed: ids.length, ...outcome.counts, cursor: last },
      outcome.samples,
      deps.clock(),
    );
    if (outcome.counts.changed) deps.afterCommit?.();
    if (!kept) throw new RunLost();
    cursor = last;
  }
}

async function nextIds(knex: Knex, query: ScheduleQuery, after: string | null, size: number): Promise<string[]> {
  const statement = batchIdsSql(query, after, size);
  const result = await knex.raw(statement.sql, statement.bindings);
  return (result.rows as { id: string }[]).map((r) => r.id);
}

/**
 * Each record's event in its own transaction, as the engine (the timer runner's path: the record locked,
 * decided, written with history, audit and outbox). A refusal is counted, never fatal; a record that
 * cannot take the event for another reason the engine words (deleted meanwhile, invalid effect) is a failure.
 */
async function sendEvents(
  deps: RunDeps,
  model: Model,
  spec: ScheduleSpec & { action: { kind: 'event' } },
  ids: readonly string[],
): Promise<{ counts: { changed: number; failed: number; refusals: number }; samples: RunSample[] }> {
  const entity = model.entities.get(spec.entity)!;
  const counts = { changed: 0, failed: 0, refusals: 0 };
  const samples: RunSample[] = [];
  for (const id of ids) {
    try {
      await deps.knex.transaction((trx) =>
        applyEvent(trx, { model, entity, id, event: { type: spec.action.event }, actor: SYSTEM_ACTOR }, deps.clock()),
      );
      counts.changed++;
    } catch (error) {
      if (!(error instanceof LodestarError)) throw error;
      if (error instanceof TransitionRefused) counts.refusals++;
      else counts.failed++;
      samples.push({ recordId: id, reason: reasonOf(error) });
    }
  }
  return { counts, samples };
}

function reasonOf(error: LodestarError): Text {
  const reason = error.extra?.reason as Text | undefined;
  return reason?.en && reason.zh ? reason : error.text;
}

/** A run whose engine stopped this many times (resumed each time) is given up: it may be what stops them. */
const MAX_ATTEMPTS = 3;

class GivenUp extends LodestarError {
  readonly status = 500;
  readonly type = 'schedule-given-up';
  readonly title = 'Run given up';
  constructor() {
    super({
      en: `the run was interrupted ${MAX_ATTEMPTS} times (its engine stopped); it is given up`,
      zh: `该运行已中断 ${MAX_ATTEMPTS} 次（运行它的引擎停止了），不再继续`,
    });
  }
}

class ScheduleGone extends LodestarError {
  readonly status = 404;
  readonly type = 'not-found';
  readonly title = 'Not found';
  constructor(key: string) {
    super({
      en: `the schedule ${key} is no longer in the published definitions`,
      zh: `定时任务 ${key} 已不在当前发布的定义中`,
    });
  }
}

function errorText(error: unknown): Text {
  if (error instanceof LodestarError) return error.text;
  const message = error instanceof Error ? error.message : String(error);
  return { en: message, zh: `运行出错：${message}` };
}
