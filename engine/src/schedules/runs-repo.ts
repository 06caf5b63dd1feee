import type { Knex } from 'knex';
import type { Text } from '@lodestar/core';

/** The owner of lodestar_schedules and lodestar_schedule_runs (engine migration 010_schedules). */

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** One failure or refusal a run keeps to show (at most SAMPLE_LIMIT per run). */
export interface RunSample {
  recordId: string;
  reason: Text;
}

export interface RunRow {
  id: number;
  scheduleKey: string;
  trigger: 'cron' | 'manual';
  dueAt: Date;
  status: RunStatus;
  requestedBy: string | null;
  claim: string | null;
  attempts: number;
  modelVersion: number | null;
  total: number | null;
  processed: number;
  changed: number;
  failed: number;
  refusals: number;
  cursor: string | null;
  samples: RunSample[];
  error: Text | null;
  createdAt: Date;
  startedAt: Date | null;
  heartbeatAt: Date | null;
  finishedAt: Date | null;
}

export const SAMPLE_LIMIT = 20;

const COLUMNS = `id, schedule_key, trigger, due_at, status, requested_by, claim, attempts, model_version, total,
  processed, changed, failed, refusals, cursor, samples, error, created_at, started_at, heartbeat_at, finished_at`;

function toRun(row: Record<string, unknown>): RunRow {
  return {
    id: Number(row.id),
    scheduleKey: row.schedule_key as string,
    trigger: row.trigger as RunRow['trigger'],
    dueAt: row.due_at as Date,
    status: row.status as RunStatus,
    requestedBy: (row.requested_by as string | null) ?? null,
    claim: (row.claim as string | null) ?? null,
    attempts: row.attempts as number,
    modelVersion: (row.model_version as number | null) ?? null,
    total: (row.total as number | null) ?? null,
    processed: row.processed as number,
    changed: row.changed as number,
    failed: row.failed as number,
    refusals: row.refusals as number,
    cursor: (row.cursor as string | null) ?? null,
    samples: (row.samples as RunSample[] | null) ?? [],
    error: (row.error as Text | null) ?? null,
    createdAt: row.created_at as Date,
    startedAt: (row.started_at as Date | null) ?? null,
    heartbeatAt: (row.heartbeat_at as Date | null) ?? null,
    finishedAt: (row.finished_at as Date | null) ?? null,
  };
}

/** When each schedule was first seen, noting the ones seen now for the first time. */
export async function schedulesSince(knex: Knex, keys: readonly string[], now: Date): Promise<Map<string, Date>> {
  if (!keys.length) return new Map();
  await knex.raw(
    `insert into lodestar_schedules (schedule_key, since) select k, ? from unnest(?::text[]) as k on conflict do nothing`,
    [now, `{${keys.map((k) => `"${k}"`).join(',')}}`],
  );
  const rows = await knex('lodestar_schedules').whereIn('schedule_key', keys).select('schedule_key', 'since');
  return new Map(rows.map((r: { schedule_key: string; since: Date }) => [r.schedule_key, r.since]));
}

/** The latest due time claimed per schedule (cron runs only). */
export async function lastCronDue(knex: Knex, keys: readonly string[]): Promise<Map<string, Date>> {
  if (!keys.length) return new Map();
  const rows = await knex('lodestar_schedule_runs')
    .where('trigger', 'cron')
    .whereIn('schedule_key', keys)
    .groupBy('schedule_key')
    .select('schedule_key', knex.raw('max(due_at) as due_at'));
  return new Map(rows.map((r: { schedule_key: string; due_at: Date }) => [r.schedule_key, r.due_at]));
}

/**
 * Claims a (schedule, due time): the unique index lets exactly one engine insert it, which then runs it.
 * Undefined when another engine (or an earlier start of this one) already has it.
 */
export async function claimCronRun(
  knex: Knex,
  key: string,
  dueAt: Date,
  modelVersion: number,
  now: Date,
): Promise<RunRow | undefined> {
  const result = await knex.raw(
    `insert into lodestar_schedule_runs (schedule_key, trigger, due_at, status, claim, attempts, model_version, started_at, heartbeat_at)
     values (?, 'cron', ?, 'running', gen_random_uuid(), 1, ?, ?, ?)
     on conflict (schedule_key, due_at) where trigger = 'cron' do nothing
     returning ${COLUMNS}`,
    [key, dueAt, modelVersion, now, now],
  );
  const row = (result.rows as Record<string, unknown>[])[0];
  return row && toRun(row);
}

/** Queues a run now ("run now"); any engine's worker takes it. */
export async function queueManualRun(knex: Knex, key: string, requestedBy: string | null, now: Date): Promise<RunRow> {
  const [row] = await knex('lodestar_schedule_runs')
    .insert({ schedule_key: key, trigger: 'manual', due_at: now, status: 'queued', requested_by: requestedBy })
    .returning(COLUMNS.split(',').map((c) => c.trim()));
  return toRun(row as Record<string, unknown>);
}

/**
 * Takes one queued run, or one running run whose engine stopped beating since `staleBefore` (it resumes
 * after its cursor): a new claim token, so the engine that lost it can no longer write progress.
 */
export async function takeOpenRun(knex: Knex, staleBefore: Date, now: Date): Promise<RunRow | undefined> {
  const result = await knex.raw(
    `update lodestar_schedule_runs as r set status = 'running', claim = gen_random_uuid(), attempts = r.attempts + 1,
       started_at = coalesce(r.started_at, ?), heartbeat_at = ?
     where r.id = (select id from lodestar_schedule_runs
                   where status = 'queued' or (status = 'running' and heartbeat_at < ?)
                   order by id limit 1 for update skip locked)
     returning ${COLUMNS}`,
    [now, now, staleBefore],
  );
  const row = (result.rows as Record<string, unknown>[])[0];
  return row && toRun(row);
}

/** What one batch did, added to the run's counts with its cursor; false when the run was taken over. */
export async function recordProgress(
  knex: Knex,
  run: { id: number; claim: string },
  delta: { processed: number; changed: number; failed: number; refusals: number; cursor: string | null },
  samples: RunSample[],
  now: Date,
): Promise<boolean> {
  const updated = await knex.raw(
    `update lodestar_schedule_runs set processed = processed + ?, changed = changed + ?, failed = failed + ?,
       refusals = refusals + ?, cursor = ?::uuid, heartbeat_at = ?,
       samples = case when jsonb_array_length(samples) >= ? then samples
                      else (samples || ?::jsonb) end
     where id = ? and claim = ?::uuid and status = 'running' returning id`,
    [
      delta.processed,
      delta.changed,
      delta.failed,
      delta.refusals,
      delta.cursor,
      now,
      SAMPLE_LIMIT,
      JSON.stringify(samples.slice(0, SAMPLE_LIMIT)),
      run.id,
      run.claim,
    ],
  );
  return (updated.rows as unknown[]).length === 1;
}

/** Sets how many records the run will go through (once, when it starts). */
export async function setTotal(knex: Knex, run: { id: number; claim: string }, total: number, modelVersion: number) {
  await knex('lodestar_schedule_runs')
    .where({ id: run.id, claim: run.claim })
    .whereNull('total')
    .update({ total, model_version: modelVersion });
}

/** Ends a run (if this engine still holds it). */
export async function finishRun(
  knex: Knex,
  run: { id: number; claim: string },
  outcome: { status: 'succeeded' | 'failed'; error?: Text },
  now: Date,
): Promise<void> {
  await knex('lodestar_schedule_runs')
    .where({ id: run.id, claim: run.claim, status: 'running' })
    .update({ status: outcome.status, error: outcome.error ? JSON.stringify(outcome.error) : null, finished_at: now });
}

export async function findRun(knex: Knex, id: number): Promise<RunRow | undefined> {
  const row = await knex('lodestar_schedule_runs').where({ id }).first();
  return row && toRun(row);
}

/** The newest runs of one schedule (or of all), newest first. */
export async function listRuns(knex: Knex, options: { key?: string; limit: number }): Promise<RunRow[]> {
  const query = knex('lodestar_schedule_runs').orderBy('id', 'desc').limit(options.limit);
  if (options.key) query.where('schedule_key', options.key);
  return (await query).map(toRun);
}

/** The newest run of each schedule. */
export async function latestRuns(knex: Knex, keys: readonly string[]): Promise<Map<string, RunRow>> {
  if (!keys.length) return new Map();
  const result = await knex.raw(
    `select distinct on (schedule_key) ${COLUMNS} from lodestar_schedule_runs
     where schedule_key = any(?::text[]) order by schedule_key, id desc`,
    [`{${keys.map((k) => `"${k}"`).join(',')}}`],
  );
  return new Map((result.rows as Record<string, unknown>[]).map((r) => [r.schedule_key as string, toRun(r)]));
}
