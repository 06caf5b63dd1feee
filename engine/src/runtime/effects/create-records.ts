import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { insertAudit } from '../../audit/audit-repo.js';
import { TransitionRefused, type Text } from '../../errors.js';
import type { CompiledEntity } from '../../model/compile-model.js';
import type { ModelAccess } from '../../permissions/model-access.js';
import { auditPart, createdChanges } from '../../records/audit-parts.js';
import { companyTimeZone } from '../../records/company-time-zone.js';
import { quoteIdent } from '../../records/quote-ident.js';
import { requireOwnerInScope } from '../../records/record-permissions.js';
import { toInsertManySql, type Row } from '../../records/records-repo.js';
import type { RecordContext } from '../../records/types.js';
import { auditWho, checkCreate, createRow, type RecordStart } from '../../records/write-record.js';
import { isRecordId } from '../../records/record-id.js';
import {
  MAX_FAN_OUT,
  TRIGGER_NAME,
  withTrigger,
  type CreateRecordsEffect,
} from '../../workflow/actions/create-records.js';
import { createTarget, entityText, refusedIn } from './create-record.js';
import { type EffectsInput, toStoredValue } from './effects-input.js';
import { expressionSql } from './expression-sql.js';

/** Rows per INSERT: a numbered row binds about ten values, and PostgreSQL takes at most 65,535 per statement. */
const CHUNK = 1000;

/**
 * Runs a createRecords effect (workflow/actions/create-records.ts) on the transition's transaction, set-based:
 * ONE query reads the source rows the sender may read that `where` holds for and that have no record yet
 * (the triggering record is locked by its transition, so two sends cannot both miss the same row), computing
 * every `set` formula in SQL; each row is judged by the ordinary create's checks (payload, schema, rules of
 * its record type); then one INSERT per thousand rows writes them with their audit rows and workflow start
 * (history, timers) as CTEs of the same statement, as bulk writes and imports do. A target whose start runs
 * entry actions is created one by one through the ordinary create. Answers how many were created.
 */
export async function runCreateRecords(
  trx: Knex,
  effect: CreateRecordsEffect,
  input: EffectsInput,
  sight: ModelAccess | undefined,
): Promise<number> {
  const { model } = input;
  const target = model.entities.get(effect.entity)!;
  const rows = await sourceRows(trx, effect, input, sight);
  if (rows.length > effect.limit) throw tooMany(effect, target, input);
  const ctx: RecordContext = {
    knex: trx,
    model,
    entity: target,
    userId: input.actor.id,
    byWorkflow: true,
    ...(input.requestId && { requestId: input.requestId }),
    ...(sight && { linkSight: sight }),
    ...(sight && effect.runAs === 'actor' && { access: sight }),
  };
  const names = Object.keys(effect.set);
  const startOf = input.startFor(target);
  const planned: { columns: Row; start: RecordStart | undefined }[] = [];
  const owners = new Set<string>();
  for (const row of rows) {
    const body: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const value = row[`v${i}`];
      if (value !== null && value !== undefined) body[name] = toStoredValue(target, name, toJson(value));
    });
    body[effect.linkBack] = input.record.id;
    body[effect.linkSource] = row.source_id;
    if (effect.recordType !== undefined) body.record_type = effect.recordType;
    const owner = ownerOf(effect, input, row);
    if (owner) body.owner_id = owner;
    try {
      const payload = checkCreate(ctx, body);
      const { columns, values, start } = createRow(ctx, payload, startOf);
      if (values.links.size || (start && !start.oneStatement)) {
        await createTarget(trx, input, sight, { entity: target, values: body, runAs: ctxRunAs(effect) });
        continue;
      }
      if (payload.ownerId) owners.add(payload.ownerId);
      planned.push({ columns: { ...columns, id: randomUUID() }, start });
    } catch (error) {
      throw refusedIn(model, target, error);
    }
  }
  if (ctx.access)
    for (const owner of owners)
      await requireOwnerInScope(trx, ctx.access.grant(target.id).create, ctx.access.actor, owner);
  await insertPlanned(trx, ctx, target, planned);
  await insertAudit(trx, [
    {
      actorId: input.actor.id,
      entity: input.entity.id,
      recordId: String(input.record.id),
      action: 'transition',
      changes: {},
      detail: { createRecords: { entity: target.id, created: rows.length } },
      requestId: input.requestId ?? null,
    },
  ]);
  return rows.length;
}

const ctxRunAs = (effect: CreateRecordsEffect) => (effect.runAs === 'actor' ? ('actor' as const) : undefined);

/**
 * The source rows that get a record, at most limit + 1 (one more tells the limit is passed), in id order:
 * `where` holds, the sender may read them, and no record of the target links this record and them yet.
 */
async function sourceRows(
  trx: Knex,
  effect: CreateRecordsEffect,
  input: EffectsInput,
  sight: ModelAccess | undefined,
): Promise<Row[]> {
  const { model } = input;
  const source = model.entities.get(effect.forEach.entity)!;
  const target = model.entities.get(effect.entity)!;
  const seen = withTrigger(source.definition, input.entity.definition);
  const variant = `${source.id}<${input.entity.id}`;
  const bindings: Knex.RawBinding[] = [];
  const columns = Object.values(effect.set).map((formula, i) => {
    const { sql, type } = expressionSql(model, seen, variant, formula);
    const name = Object.keys(effect.set)[i]!;
    if (target.fields.get(name)?.kind !== 'date' || type !== 'dateTime') return `${sql} as "v${i}"`;
    // A moment into a date field: the calendar day it falls on in the company's time zone.
    bindings.push(companyTimeZone());
    return `((${sql}) at time zone ?)::date as "v${i}"`;
  });
  const record = input.record.id as string;
  const triggerColumn = Object.hasOwn(source.definition.properties, TRIGGER_NAME) ? '' : `, ?::uuid as "trigger"`;
  const from = `(select s.*${triggerColumn} from ${quoteIdent(source.table.name)} as s) as t`;
  const fromBindings = triggerColumn ? [record] : [];
  const where: string[] = [];
  const whereBindings: Knex.RawBinding[] = [];
  if (effect.forEach.where) where.push(`(${expressionSql(model, seen, variant, effect.forEach.where).sql}) is true`);
  const scope = sight?.condition(source.id, 'read', 't');
  if (scope) {
    where.push(`(${scope.sql})`);
    whereBindings.push(...(scope.bindings as Knex.RawBinding[]));
  }
  where.push(
    `not exists (select 1 from ${quoteIdent(target.table.name)} as x where x.${quoteIdent(effect.linkBack)} = ? and x.${quoteIdent(effect.linkSource)} = t.id)`,
  );
  whereBindings.push(record);
  const sql =
    `select t.id as source_id, t.owner_id as source_owner${columns.map((c) => `, ${c}`).join('')} ` +
    `from ${from} where ${where.join(' and ')} order by t.id limit ?`;
  const all = [...bindings, ...fromBindings, ...whereBindings, effect.limit + 1];
  return ((await trx.raw(sql, all)) as { rows: Row[] }).rows;
}

function ownerOf(effect: CreateRecordsEffect, input: EffectsInput, row: Row): string | undefined {
  const owner =
    effect.owner === 'record' ? input.record.owner_id : effect.owner === 'source' ? row.source_owner : undefined;
  // Nobody there: the new record is the sender's, as a create by them would be (checkCreate's default).
  return typeof owner === 'string' && isRecordId(owner) ? owner : undefined;
}

/** One INSERT per record type, start state and thousand rows, each with its audit and workflow start rows. */
async function insertPlanned(
  trx: Knex,
  ctx: RecordContext,
  entity: CompiledEntity,
  planned: { columns: Row; start: RecordStart | undefined }[],
): Promise<void> {
  const groups = new Map<string, typeof planned>();
  for (const item of planned) {
    const key = `${String(item.columns.record_type ?? '')}\u0000${item.start?.state ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const who = auditWho(ctx);
  const audit = (source: string) => [auditPart(source, entity, 'create', who, createdChanges(source))];
  for (const group of groups.values())
    for (let i = 0; i < group.length; i += CHUNK) {
      const chunk = group.slice(i, i + CHUNK);
      const start = chunk[0]!.start;
      const rows = chunk.map(({ columns }) => ({
        ...columns,
        ...(start && { state: start.state, state_entered_at: start.at }),
        ...(start?.slaDueAt && { sla_due_at: start.slaDueAt }),
      }));
      const insert = toInsertManySql(entity, rows);
      if (start?.oneStatement) await start.oneStatement(trx, insert, audit);
      else {
        const parts = [{ sql: `r as (${insert.sql})`, bindings: insert.bindings }, ...audit('r')];
        await trx.raw(
          `with ${parts.map((p) => p.sql).join(', ')} select 1`,
          parts.flatMap((p) => p.bindings),
        );
      }
    }
}

function toJson(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** More source rows than the action's limit: refused, naming the limit, before anything is written. */
function tooMany(effect: CreateRecordsEffect, target: CompiledEntity, input: EffectsInput): TransitionRefused {
  const what = entityText(target);
  const from = entityText(input.model.entities.get(effect.forEach.entity)!);
  const limit = effect.limit.toLocaleString('en-US');
  const reason: Text = {
    en: `this would create more than ${limit} ${what.en} records (one per matching ${from.en}); the workflow allows at most ${limit}${effect.limit === MAX_FAN_OUT ? ', the most one transition may create' : ''}. Narrow the selection and try again`,
    zh: `此操作将为超过 ${limit} 条${from.zh}各创建一条${what.zh}，流程一次最多只能创建 ${limit} 条${effect.limit === MAX_FAN_OUT ? '（单次流转的上限）' : ''}。请缩小范围后重试`,
  };
  return new TransitionRefused(reason, { extra: { reason, limit: effect.limit, entity: target.id } });
}
