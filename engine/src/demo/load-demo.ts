import { SYSTEM_COLUMNS } from '@lodestar/core';
import type { Knex } from 'knex';
import type { Actor } from '../actor.js';
import { ConflictError, LodestarError, ValidationError, type Issue } from '../errors.js';
import { createOrgUnit } from '../identity/org-units.js';
import { createUser } from '../identity/users.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { writeBulk } from '../records/bulk-write.js';
import { selectVersion } from '../records/records-repo.js';
import { patchRecord } from '../records/write-record.js';
import { SYSTEM_ACTOR } from '../runtime/fire-timer.js';
import { firstHistoryAt } from '../runtime/history-repo.js';
import { queueManualRun } from '../schedules/runs-repo.js';
import { scheduleSpecsOf } from '../schedules/schedule-specs.js';
import { startFor } from '../runtime/start-record.js';
import { sendEvent } from '../runtime/transition.js';
import { checkDemoNames } from './check-specs.js';
import type { DemoFile, EntitySpec, OrgSpec, WalkSpec } from './demo-spec.js';
import {
  backdateRecords,
  countDemo,
  DEMO_ORG_UNIT,
  DEMO_USER,
  demoRowsBesides,
  markCreatedByActions,
  markDemo,
  markReferencedByDemo,
} from './demo-repo.js';
import { generateRecords, planWalks, type DemoUser, type GenerateContext, type PoolRecord } from './generate.js';
import { createRandom } from './prng.js';

const SYSTEM = new Set<string>(SYSTEM_COLUMNS);

export interface DemoOptions {
  seed: number;
  /** "Today" for the data: history lies in the year before it. */
  now: Date;
  /** The password every demo user signs in with. */
  password: string;
  /** Called as work advances: what is being done, and how far. */
  progress?: (stage: string, done: number, total: number) => void;
  /** Called before each demo file: its index among the files, how many there are, and its path. */
  onFile?: (index: number, total: number, file: string) => void;
}

export interface DemoSummary {
  /** Demo rows per entity, users and org units included. */
  counts: Record<string, number>;
  /** Workflow events sent, and how many the workflow or permissions refused (with the first few distinct reasons). */
  events: number;
  refusedCount: number;
  refused: { entity: string; event: string; reason: string }[];
  users: { email: string; name: string; roles: string[] }[];
  seconds: number;
  /** How long each demo file took, in seconds. */
  files: { file: string; seconds: number }[];
}

let breathed = Date.now();
/**
 * Lets the server answer other requests now and then: on the embedded database every query resolves without
 * waiting on I/O, so a load that only awaits queries would keep the event loop to itself for minutes (the
 * first-run page could not even read its progress). At most every 50 ms, or when asked.
 */
async function breathe(now = false): Promise<void> {
  if (!now && Date.now() - breathed < 50) return;
  await new Promise((resolve) => setImmediate(resolve));
  breathed = Date.now();
}

/**
 * Loads the demo company in one transaction: org units and users, then each entity's records through the
 * bulk write (validation, numbering, workflow start, audit) with their creation put back in time, then the
 * walks through sendEvent at past instants (guards, actions, history, timers). Every row is marked.
 */
export async function loadDemo(
  knex: Knex,
  model: Model,
  files: DemoFile[],
  options: DemoOptions,
): Promise<DemoSummary> {
  const issues = checkDemoNames(files, model);
  if (issues.length)
    throw new ValidationError({ en: 'the demo data definitions have problems', zh: '示例数据定义有问题' }, { issues });
  const started = Date.now();
  const since = new Date();
  return knex.transaction(async (trx) => {
    if ((await countDemo(trx)).size)
      throw new ConflictError({
        en: 'demo data is loaded already; remove it first (lodestar demo --remove)',
        zh: '示例数据已经加载过了；如需重新加载，请先删除（lodestar demo --remove）',
      });
    const ctx: GenerateContext = {
      random: createRandom(options.seed),
      now: chinaMidnight(options.now),
      users: [],
      pools: new Map(),
      byId: new Map(),
      names: new Set(),
    };
    const summary: DemoSummary = {
      counts: {},
      events: 0,
      refusedCount: 0,
      refused: [],
      users: [],
      seconds: 0,
      files: [],
    };
    const actors = new Map<string, Actor>();
    const units = new Map<string, string>();
    // Workflow actions make records only when events are sent: what a walk made joins the pools after it.
    let walked = false;
    for (const [index, { file, spec }] of files.entries()) {
      const begun = Date.now();
      options.onFile?.(index, files.length, file);
      await breathe(true);
      if ('org' in spec) await loadOrg(trx, spec, options, ctx, { actors, units }, summary);
      else {
        if (walked) await adopt(trx, model, ctx, since);
        if ('entity' in spec) await loadRecords(trx, model, file, spec, ctx, options);
        else await walk(trx, model, spec, ctx, actors, options, summary);
        walked = 'walk' in spec;
      }
      summary.files.push({ file, seconds: (Date.now() - begun) / 1000 });
    }
    await markActionRecords(trx, model, since);
    await queueComputations(trx, model, options.now);
    summary.counts = Object.fromEntries(await countDemo(trx));
    summary.seconds = Math.round((Date.now() - started) / 100) / 10;
    return summary;
  });
}

async function loadOrg(
  trx: Knex,
  spec: OrgSpec,
  options: DemoOptions,
  ctx: GenerateContext,
  /** Demo users as actors by id, and the org units of all org files so far by key. */
  { actors, units }: { actors: Map<string, Actor>; units: Map<string, string> },
  summary: DemoSummary,
): Promise<void> {
  const created: string[] = [];
  for (const unit of spec.org.units) {
    const parentId = unit.parent === undefined ? null : units.get(unit.parent);
    const { id } = await createOrgUnit(trx, { name: unit.name, parentId });
    units.set(unit.key, id);
    created.push(id);
  }
  await markDemo(trx, DEMO_ORG_UNIT, created);
  const byKey = new Map(ctx.users.map((user) => [user.key, user]));
  for (const [i, user] of spec.org.users.entries()) {
    options.progress?.('users', i, spec.org.users.length);
    await breathe();
    const orgUnitId = user.unit === undefined ? null : (units.get(user.unit) ?? null);
    const made = await createUser(trx, {
      email: user.email,
      displayName: user.name,
      password: options.password,
      roles: user.roles,
      orgUnitId,
      managerId: user.manager === undefined ? null : (byKey.get(user.manager)?.id ?? null),
    });
    const demo: DemoUser = { key: user.key, id: made.id, roles: user.roles, managerId: made.managerId ?? null };
    ctx.users.push(demo);
    byKey.set(user.key, demo);
    actors.set(made.id, { id: made.id, roles: user.roles, orgUnitId });
    summary.users.push({ email: made.email, name: user.name, roles: user.roles });
    await markDemo(trx, DEMO_USER, [made.id]);
  }
}

async function loadRecords(
  trx: Knex,
  model: Model,
  file: string,
  spec: EntitySpec,
  ctx: GenerateContext,
  options: DemoOptions,
): Promise<void> {
  const entity = model.entities.get(spec.entity)!;
  const planned = generateRecords(spec, ctx);
  // Records created on one day enter their workflow at that day: one bulk write per day.
  const days = new Map<string, typeof planned>();
  for (const record of planned) {
    const day = record.created.toISOString().slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), record]);
  }
  const pool = ctx.pools.get(spec.entity) ?? [];
  ctx.pools.set(spec.entity, pool);
  let done = 0;
  for (const group of [...days.values()]) {
    const records = group.map((r) => ({
      ...r.values,
      ...(r.recordType && { record_type: r.recordType }),
      ...(r.ownerId && { owner_id: r.ownerId }),
    }));
    const answer = await writeBulk(
      trx,
      { knex: trx, model, entity },
      { mode: 'insert', allOrNothing: true, records },
      startFor(model, SYSTEM_ACTOR, group[0]!.created),
    );
    if (answer.failed) {
      const failed = answer.results.filter((r) => r.status === 'failed').slice(0, 5);
      throw new ValidationError(
        {
          en: `demo records of ${spec.entity} were refused`,
          zh: `生成的“${spec.entity}”示例记录被拒绝`,
        },
        {
          issues: failed.flatMap((r) =>
            (r.errors ?? []).map((issue): Issue => ({
              ...issue,
              file,
              pointer: issue.pointer.replace(/^\/records\/\d+/, `/fields`),
            })),
          ),
        },
      );
    }
    const written = answer.results.map((result, i) => {
      const record: PoolRecord = {
        id: result.id!,
        values: group[i]!.values,
        ownerId: group[i]!.ownerId,
        created: group[i]!.created,
      };
      return record;
    });
    await backdateRecords(
      trx,
      entity,
      written.map((r) => ({ id: r.id, at: r.created })),
    );
    await markDemo(
      trx,
      spec.entity,
      written.map((r) => r.id),
    );
    for (const record of written) {
      pool.push(record);
      ctx.byId.set(record.id, record);
    }
    done += group.length;
    options.progress?.(spec.entity, done, planned.length);
    await breathe();
  }
  if (entity.table.columns.some((c) => c.name === 'state')) await readStates(trx, entity.table.name, pool);
}

/** The state each record started in (its workflow's start decided it). */
async function readStates(trx: Knex, table: string, pool: PoolRecord[]): Promise<void> {
  const states = new Map<string, string>();
  for (let i = 0; i < pool.length; i += 5000) {
    const ids = pool.slice(i, i + 5000).map((r) => r.id);
    const rows = (await trx(table).whereIn('id', ids).select('id', 'state')) as { id: string; state: string | null }[];
    for (const row of rows) if (row.state) states.set(row.id, row.state);
  }
  for (const record of pool) record.state = states.get(record.id) ?? record.state;
}

async function walk(
  trx: Knex,
  model: Model,
  spec: WalkSpec,
  ctx: GenerateContext,
  actors: Map<string, Actor>,
  options: DemoOptions,
  summary: DemoSummary,
): Promise<void> {
  const entity = model.entities.get(spec.walk)!;
  const walks = planWalks(spec, ctx);
  const byRole = (role: string) => [...actors.values()].find((actor) => actor.roles.includes(role));
  for (const [i, { record, steps }] of walks.entries()) {
    options.progress?.(`${spec.walk} →`, i, walks.length);
    await breathe();
    for (const step of steps) {
      if (step.from && !step.from.includes(record.state ?? '')) continue;
      const owner = record.ownerId ? actors.get(record.ownerId) : undefined;
      const manager = ctx.users.find((u) => u.id === record.ownerId)?.managerId;
      const actor =
        (step.as === 'manager'
          ? manager
            ? actors.get(manager)
            : undefined
          : typeof step.as === 'object'
            ? byRole(step.as.role)
            : owner) ?? SYSTEM_ACTOR;
      try {
        if (step.set) {
          const version = (await selectVersion(trx, entity, record.id)) ?? 1;
          await patchRecord({ knex: trx, model, entity, userId: actor.id }, { id: record.id, version }, step.set);
          Object.assign(record.values, step.set);
        }
        const result = await sendEvent(
          trx,
          { model, entity, id: record.id, event: { type: step.event }, actor },
          step.at,
        );
        record.state = result.record.state as string;
        // An action may hand the record to someone else (a lead assigned to a salesperson): they send what follows.
        if (typeof result.record.owner_id === 'string') record.ownerId = result.record.owner_id;
        summary.events++;
      } catch (error) {
        if (!(error instanceof LodestarError)) throw error;
        summary.refusedCount++;
        // The first few distinct refusals: one kind repeated hundreds of times would hide the others.
        const refusal = { entity: spec.walk, event: step.event, reason: error.text.en };
        const known = summary.refused.some((r) => JSON.stringify(r) === JSON.stringify(refusal));
        if (!known && summary.refused.length < 5) summary.refused.push(refusal);
        break;
      }
    }
  }
  options.progress?.(`${spec.walk} →`, walks.length, walks.length);
  await refreshValues(
    trx,
    entity,
    walks.map((w) => w.record),
  );
}

/**
 * What the walk's actions wrote into the records (a quote's sales order, stored by the action that made it),
 * so later files can copy it (`quote.salesOrder`).
 */
async function refreshValues(trx: Knex, entity: CompiledEntity, records: PoolRecord[]): Promise<void> {
  const fields = entity.table.columns.filter((c) => !SYSTEM.has(c.name)).map((c) => c.name);
  for (let i = 0; i < records.length; i += 5000) {
    const part = records.slice(i, i + 5000);
    const rows = (await trx(entity.table.name)
      .whereIn(
        'id',
        part.map((r) => r.id),
      )
      .select('id', ...fields)) as Record<string, unknown>[];
    const byId = new Map(rows.map((row) => [row.id as string, row]));
    for (const record of part)
      for (const field of fields) {
        const value = byId.get(record.id)?.[field];
        if (value !== null && value !== undefined && record.values[field] === undefined) record.values[field] = value;
      }
  }
}

/**
 * Rows workflow actions created during the load are demo rows too: those referring to a demo row (a
 * commission for a payment received) and those a demo row refers to (the customer a lead was converted into),
 * until a round finds none (a converted opportunity's activities).
 */
async function markActionRecords(trx: Knex, model: Model, since: Date): Promise<void> {
  for (let round = 0; round < 5; round++) {
    let found = 0;
    const marked = await countDemo(trx);
    for (const entity of model.entities.values())
      for (const column of entity.table.columns) {
        if (!column.references) continue;
        const target = model.entities.get(column.references.table);
        if (marked.has(column.references.table))
          found += await markCreatedByActions(trx, entity, column.name, column.references.table, since);
        if (target && marked.has(entity.id))
          found += await markReferencedByDemo(trx, entity, column.name, target, since);
      }
    if (!found) return;
  }
}

/**
 * Makes the records workflow actions created so far (the return visit a resolved complaint got) part of their
 * entity's pool, so later files can walk them, refer to them or add records per them: created when their
 * workflow started (the past instant of the step that made them), and backdated to it.
 */
async function adopt(trx: Knex, model: Model, ctx: GenerateContext, since: Date): Promise<void> {
  await markActionRecords(trx, model, since);
  const marked = await countDemo(trx);
  for (const entity of model.entities.values()) {
    const pool = ctx.pools.get(entity.id) ?? [];
    if (!marked.has(entity.id) || (marked.get(entity.id) ?? 0) <= pool.length) continue;
    ctx.pools.set(entity.id, pool);
    const rows = await demoRowsBesides(
      trx,
      entity,
      pool.map((r) => r.id),
    );
    if (!rows.length) continue;
    const started = await firstHistoryAt(
      trx,
      entity.id,
      rows.map((row) => row.id as string),
    );
    const adopted = rows.map((row): PoolRecord => {
      const values = Object.fromEntries(
        Object.entries(row).filter(([field, value]) => !SYSTEM.has(field) && value !== null && value !== undefined),
      );
      return {
        id: row.id as string,
        values,
        ownerId: (row.owner_id as string | null) ?? null,
        created: started.get(row.id as string) ?? new Date(row.created_at as string),
        ...(typeof row.state === 'string' && { state: row.state }),
      };
    });
    // In the order they were made, so a seed still gives the same data.
    adopted.sort((a, b) => a.created.getTime() - b.created.getTime() || a.id.localeCompare(b.id));
    await backdateRecords(
      trx,
      entity,
      adopted.map((r) => ({ id: r.id, at: r.created })),
    );
    for (const record of adopted) {
      pool.push(record);
      ctx.byId.set(record.id, record);
    }
  }
}

/**
 * Values schedules compute from the records (RFM segments, ABC classes) would wait for their first night:
 * each `set` schedule of an entity with demo rows is queued to run once, so the first start shows them.
 */
async function queueComputations(trx: Knex, model: Model, now: Date): Promise<void> {
  const marked = await countDemo(trx);
  for (const spec of scheduleSpecsOf(model.set.workflows))
    if (spec.enabled && spec.action.kind === 'set' && marked.has(spec.entity))
      await queueManualRun(trx, spec.key, null, now);
}

/**
 * Today's start in China (UTC+8): the data's "now". Every date is drawn relative to it, so two loads with one
 * seed on the same day give the same records whatever the hour.
 */
function chinaMidnight(now: Date): Date {
  const offset = 8 * 3_600_000;
  return new Date(Math.floor((now.getTime() + offset) / 86_400_000) * 86_400_000 - offset);
}
