import type { Knex } from 'knex';
import type { CtePart } from '../runtime/cte-parts.js';
import { dateTimerFields, rescheduleDateTimers } from '../runtime/date-timers.js';
import { ConflictError, type Issue, ValidationError, summarize } from '../errors.js';
import { forbidden } from '../permissions/forbidden.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { attributesOf } from './attributes.js';
import { planBlindPatch } from './blind-patch.js';
import { forgetRow, rememberRow } from './row-cache.js';
import { toPayload, toRowValues, type Payload } from './payload.js';
import { isRecordId, recordNotFound } from './read-records.js';
import { fieldWriteIssues, requireAction, requireOwnerInScope, toVisible } from './record-permissions.js';
import { deleteAudited, insertAudited, updateAudited } from './audited-writes.js';
import { auditPart, createdChanges, type AuditWho } from './audit-parts.js';
import { deleteDependents, hasDependents } from './delete-cascade.js';
import { requireReadableLinks } from './link-scope.js';
import { numberedWriteIssues } from './numbering.js';
import { inactiveUserFields, requireActiveUsers } from './user-refs.js';
import {
  blindStageCondition,
  bothConditions,
  stageRulesFor,
  stageRulesTouch,
  stageWriteIssues,
} from './stage-fields.js';
import { replaceLinks, selectRecord, selectVersion, toInsertSql, type Row } from './records-repo.js';
import { recordNames, toRecordJson } from './serialize.js';
import type { RecordContext, RecordJson } from './types.js';
import { validateRecord, withoutNulls } from './validate-record.js';

/** Which record a patch or delete targets, at which version. */
export interface RecordTarget {
  id: string;
  version: number;
}

/** How a new record enters its workflow: the state it is inserted in, and what the start writes beside it. */
export interface RecordStart {
  state: string;
  /** When it entered the state: the start's history time, so stays measure from the same instant. */
  at: Date;
  /** When the state's SLA is due, when known before the insert (a one-statement start); set after it otherwise. */
  slaDueAt?: Date | null;
  /** Runs in the insert's transaction (history, timers, entry actions); may answer an updated record. */
  afterInsert(trx: Knex, record: RecordJson): Promise<RecordJson | void>;
  /**
   * When the start writes only rows of its own (no entry actions), the whole create as one statement
   * around the given INSERT: atomic without a transaction. Answers the (first) inserted row, unless told
   * not to: an import of thousands of rows needs none of them back.
   */
  oneStatement?(
    db: Knex,
    insert: { sql: string; bindings: Knex.RawBinding[] },
    also: (source: string) => CtePart[],
    answer?: boolean,
  ): Promise<Row | undefined>;
}

/** Decides a new record's start from its validated values; undefined when no workflow is bound. */
export type StartRecord = (input: {
  recordType: string | undefined;
  fields: Record<string, unknown>;
}) => RecordStart | undefined;

/** Creates a record: check the payload, validate it for its record type, insert row, links and workflow start in one transaction. */
export async function createRecord(ctx: RecordContext, body: unknown, startRecord?: StartRecord): Promise<RecordJson> {
  const { entity } = ctx;
  const payload = checkCreate(ctx, body);
  if (ctx.access)
    await requireOwnerInScope(ctx.knex, ctx.access.grant(entity.id).create, ctx.access.actor, payload.ownerId ?? null);
  const sight = ctx.access ?? ctx.linkSight;
  if (sight) await requireReadableLinks(ctx.knex, sight, entity, payload.fields);
  requireActiveUsers(await inactiveUserFields(ctx.knex, entity, payload.fields));
  const { values, start } = createRow(ctx, payload, startRecord);
  if (start?.oneStatement && !values.links.size) {
    const columns = {
      ...values.columns,
      ...systemValues(payload),
      ...stamps(ctx, 'create'),
      state: start.state,
      state_entered_at: start.at,
      ...(start.slaDueAt && { sla_due_at: start.slaDueAt }),
    };
    const row = await start.oneStatement(ctx.knex, toInsertSql(entity, columns), (source) => [
      auditPart(source, entity, 'create', who(ctx), createdChanges(source)),
    ]);
    return toVisible(ctx, await remembered(ctx, Promise.resolve(toRecordJson(row!, recordNames(entity)))));
  }
  return toVisible(
    ctx,
    await remembered(
      ctx,
      inTransactionIf(values.links.size > 0 || start !== undefined, ctx.knex, async (trx) => {
        const workflowColumns = start && { state: start.state, state_entered_at: start.at };
        const row = await insertAudited(
          trx,
          entity,
          { ...values.columns, ...systemValues(payload), ...stamps(ctx, 'create'), ...workflowColumns },
          who(ctx),
        );
        for (const [field, targetIds] of values.links) {
          await replaceLinks(trx, attributesOf(entity).byName.get(field)!.junction!, {
            sourceId: row.id as string,
            targetIds,
            replace: false,
            rows: values.linkRows.get(field),
          });
        }
        const record = toRecordJson(
          { ...emptyLinks(entity), ...row, ...Object.fromEntries(values.linkAnswers) },
          recordNames(entity),
        );
        return (start && (await start.afterInsert(trx, record))) || record;
      }),
    ),
  );
}

/**
 * What a create is judged by before the database is asked (the action, the payload, field grants, numbered
 * fields, the record type's schema and rules): the payload, its owner defaulted to the creator. Throws the 403/422.
 */
export function checkCreate(ctx: RecordContext, body: unknown): Payload {
  const { entity } = ctx;
  requireAction(ctx, 'create');
  const { payload, issues } = toPayload(entity, body, 'create');
  issues.push(...fieldWriteIssues(ctx.access?.grant(entity.id), entity, payload.fields));
  issues.push(...numberedWriteIssues(entity, payload.fields));
  issues.push(...validateFor(entity, payload.recordType ?? undefined, payload.fields));
  throwIfInvalid(issues);
  // A record belongs to whoever creates it unless the body names another owner the actor may choose.
  if (payload.ownerId === undefined && ctx.userId && isRecordId(ctx.userId)) payload.ownerId = ctx.userId;
  return payload;
}

/**
 * The row a checked create inserts (its columns with system values and stamps; the workflow's columns are
 * the caller's), its links and its workflow start, once the stage it starts in has judged its fields.
 */
export function createRow(
  ctx: RecordContext,
  payload: Payload,
  startRecord?: StartRecord,
): { columns: Row; values: ReturnType<typeof toRowValues>; start: RecordStart | undefined } {
  const { entity } = ctx;
  const fields = withoutNulls(payload.fields);
  const values = toRowValues(entity, fields);
  const start = startRecord?.({ recordType: payload.recordType ?? undefined, fields });
  // The stage the record starts in judges the fields it is created with (see stage-fields.ts).
  if (start && !ctx.byWorkflow)
    throwIfInvalid(
      stageWriteIssues(entity, stageRulesFor(ctx.model, entity, payload.recordType, start.state), payload.fields, true),
    );
  return { columns: { ...values.columns, ...systemValues(payload), ...stamps(ctx, 'create') }, values, start };
}

/** Who the audit trail names for a write in this context. */
export function auditWho(ctx: RecordContext): AuditWho {
  return who(ctx);
}

/**
 * Applies a JSON merge patch at the expected version. A patch whose validity does not depend on the
 * stored record (see planBlindPatch) is one conditional UPDATE. Otherwise: read the row, check the
 * version, validate the merged record for its (possibly new) record type, then update WHERE version =
 * expected. The conditional update is the lock: a concurrent writer in between makes it match no row
 * (409), so no update is lost without holding a row lock across round trips. Links add a transaction.
 */
export async function patchRecord(ctx: RecordContext, target: RecordTarget, body: unknown): Promise<RecordJson> {
  const { entity, access } = ctx;
  if (!isRecordId(target.id)) throw recordNotFound(entity, target.id);
  requireAction(ctx, 'update');
  const { payload, issues } = toPayload(entity, body, 'patch');
  issues.push(...fieldWriteIssues(access?.grant(entity.id), entity, payload.fields));
  issues.push(...numberedWriteIssues(entity, payload.fields));
  if (access && payload.ownerId !== undefined && !issues.length)
    await requireOwnerInScope(ctx.knex, access.grant(entity.id).update, access.actor, payload.ownerId);
  const condition = access?.condition(entity.id, 'update');
  const values = toRowValues(entity, payload.fields);
  // New links are judged against the stored ones (see link-scope.ts), so such a patch reads the record.
  const sight = access ?? ctx.linkSight;
  const links = sight !== undefined && linksIn(entity, payload.fields);
  // A patch a stage may refuse is one statement only on records of the stages that allow it (see stage-fields.ts).
  const staged = stageRulesTouch(ctx.model, entity, Object.keys(payload.fields));
  const stageCondition = staged ? blindStageCondition(ctx.model, entity, payload.fields) : undefined;
  // A user no longer active is kept if the record already holds it, so such a patch reads the record (user-refs.ts).
  const inactive = issues.length
    ? new Map<string, string>()
    : await inactiveUserFields(ctx.knex, entity, payload.fields);
  const blind =
    issues.length || links || inactive.size || stageCondition === 'read'
      ? undefined
      : planBlindPatch(entity, payload, values);
  // Timers counting from a date this patch changes move with it, in the same transaction (runtime/date-timers.ts).
  const changed = Object.keys(payload.fields);
  const dated = changed.some((field) => dateTimerFields(ctx.model, entity).has(field));
  if (blind) {
    const row = await inTransactionIf(dated, ctx.knex, async (db) => {
      const written = await updateAudited(
        db,
        entity,
        {
          ...target,
          columns: { ...values.columns, ...systemValues(payload), ...stamps(ctx, 'update') },
          ...blind,
          condition: bothConditions(condition, stageCondition === 'read' ? undefined : stageCondition),
        },
        who(ctx),
      );
      if (written && dated) await rescheduleDateTimers(db, ctx.model, entity, written, changed);
      return written;
    });
    if (row) return toVisible(ctx, await remembered(ctx, Promise.resolve(toRecordJson(row, recordNames(entity)))));
    // No row matched: gone, stale, out of scope, or of a type that hides a patched field; the full path says which.
  }
  return toVisible(
    ctx,
    await remembered(
      ctx,
      inTransactionIf(values.links.size > 0 || dated, ctx.knex, async (trx) => {
        const stored = await selectRecord(trx, entity, {
          id: target.id,
          condition: access?.condition(entity.id, 'read'),
        });
        if (!stored) throw recordNotFound(entity, target.id);
        if (stored.version !== target.version) throw staleVersion(stored.version as number, target.version);
        const before = toRecordJson(stored, recordNames(entity));
        const recordType =
          payload.recordType === undefined ? (before.record_type as string | null) : payload.recordType;
        issues.push(
          ...validateFor(entity, recordType ?? undefined, { ...fieldsOf(entity, before), ...payload.fields }),
        );
        if (staged)
          issues.push(
            ...stageWriteIssues(
              entity,
              stageRulesFor(ctx.model, entity, recordType, before.state as string | null),
              payload.fields,
              false,
            ),
          );
        throwIfInvalid(issues);
        requireActiveUsers(inactive, before);
        if (links) await requireReadableLinks(trx, sight, entity, payload.fields, before);
        const linkChanges = Object.fromEntries(
          [...values.linkAnswers]
            .filter(([field, ids]) => JSON.stringify(before[field] ?? []) !== JSON.stringify(ids))
            .map(([field, ids]) => [field, [before[field] ?? [], ids]]),
        ) as Record<string, [unknown, unknown]>;
        const row = await updateAudited(
          trx,
          entity,
          { ...target, columns: { ...values.columns, ...systemValues(payload), ...stamps(ctx, 'update') }, condition },
          who(ctx),
          linkChanges,
        );
        if (!row) throw await notWritten(ctx, trx, target, 'update');
        if (dated) await rescheduleDateTimers(trx, ctx.model, entity, row, changed);
        for (const [field, targetIds] of values.links) {
          await replaceLinks(trx, attributesOf(entity).byName.get(field)!.junction!, {
            sourceId: target.id,
            targetIds,
            replace: true,
            rows: values.linkRows.get(field),
          });
        }
        return toRecordJson({ ...stored, ...row, ...Object.fromEntries(values.linkAnswers) }, recordNames(entity));
      }),
    ),
  );
}

/** Why a conditional write of a readable record matched nothing: a newer version (409), or a scope that does not reach it (403). */
async function notWritten(
  ctx: RecordContext,
  db: Knex,
  target: RecordTarget,
  action: 'update' | 'delete',
): Promise<Error> {
  const current = await selectVersion(db, ctx.entity, target.id);
  if (current === undefined) return recordNotFound(ctx.entity, target.id);
  if (current !== target.version) return staleVersion(current, target.version);
  return forbidden(ctx.entity, action, true);
}

/**
 * Remembers a written record for the next workflow event on it once the write has committed (see
 * row-cache.ts); inside a caller's transaction nothing is remembered, as it could still roll back.
 */
async function remembered(ctx: RecordContext, written: Promise<RecordJson>): Promise<RecordJson> {
  const record = await written;
  if (!ctx.knex.isTransaction) rememberRow(ctx.entity, record);
  return record;
}

/** Runs `work` in a transaction when it writes more than one statement; a single statement is atomic alone. */
function inTransactionIf<T>(needed: boolean, knex: Knex, work: (db: Knex) => Promise<T>): Promise<T> {
  return needed ? knex.transaction((trx) => work(trx)) : work(knex);
}

/** Deletes a record at the expected version: 404 when it does not exist, 409 when the version is stale. */
export async function deleteRecord(ctx: RecordContext, target: RecordTarget): Promise<void> {
  if (!isRecordId(target.id)) throw recordNotFound(ctx.entity, target.id);
  requireAction(ctx, 'delete');
  forgetRow(ctx.entity, target.id);
  const condition = ctx.access?.condition(ctx.entity.id, 'delete');
  if (hasDependents(ctx.model, ctx.entity.id)) {
    // What refers to the record changes with it, audited, in one transaction (see delete-cascade.ts).
    const deleted = await ctx.knex.transaction(async (trx) => {
      const row = await selectRecord(trx, ctx.entity, {
        id: target.id,
        fields: ['id', 'version'],
        forUpdate: true,
        condition,
      });
      if (row?.version !== target.version) return false;
      await deleteDependents(trx, ctx.model, ctx.entity, [target.id], { who: who(ctx), access: ctx.access });
      return Boolean(await deleteAudited(trx, ctx.entity, { ...target, condition }, who(ctx)));
    });
    if (deleted) return;
  } else if (await deleteAudited(ctx.knex, ctx.entity, { ...target, condition }, who(ctx))) return;
  // A record the actor cannot even read does not exist for them.
  if (
    ctx.access &&
    !(await selectRecord(ctx.knex, ctx.entity, {
      id: target.id,
      fields: ['id'],
      condition: ctx.access.condition(ctx.entity.id, 'read'),
    }))
  ) {
    throw recordNotFound(ctx.entity, target.id);
  }
  throw await notWritten(ctx, ctx.knex, target, 'delete');
}

function validateFor(entity: CompiledEntity, recordType: string | undefined, fields: Record<string, unknown>): Issue[] {
  // An unknown record type already has its issue; there is no validator to pick for it.
  const validator = entity.validators.get(entity.recordTypes.length ? (recordType ?? '\0') : '');
  return validator ? validateRecord(validator, fields) : [];
}

function throwIfInvalid(issues: Issue[]): void {
  if (issues.length) throw new ValidationError(summarize(issues), { issues });
}

function staleVersion(current: number, expected: number): ConflictError {
  return new ConflictError(
    {
      en: `the record is at version ${current}, not ${expected}; reload and retry`,
      zh: `记录已被他人修改（当前版本 ${current}，您的版本 ${expected}），请刷新后重试`,
    },
    { extra: { currentVersion: current } },
  );
}

/** Who the audit trail names for this write. */
function who(ctx: RecordContext): AuditWho {
  return { actorId: ctx.userId ?? null, requestId: ctx.requestId };
}

/** Who created or last changed the record, when a user (not the engine) writes. */
function stamps(ctx: RecordContext, write: 'create' | 'update'): Row {
  if (!ctx.userId || !isRecordId(ctx.userId)) return {};
  return write === 'create' ? { created_by: ctx.userId, updated_by: ctx.userId } : { updated_by: ctx.userId };
}

function systemValues(payload: Payload): Row {
  return {
    ...(payload.recordType !== undefined && { record_type: payload.recordType }),
    ...(payload.ownerId !== undefined && { owner_id: payload.ownerId }),
  };
}

function fieldsOf(entity: CompiledEntity, record: RecordJson): Record<string, unknown> {
  return Object.fromEntries(
    [...attributesOf(entity).byName.values()]
      // A formula's value is the engine's, never the writer's: the record's rules judge what was written.
      .filter((a) => !a.system && !entity.fields.get(a.name)?.formula)
      .map((a) => [a.name, record[a.name]]),
  );
}

/** Whether a payload sets any relation field. */
function linksIn(entity: CompiledEntity, fields: Record<string, unknown>): boolean {
  const { byName } = attributesOf(entity);
  return Object.keys(fields).some((name) => byName.get(name)?.target !== undefined);
}

function emptyLinks(entity: CompiledEntity): Row {
  return Object.fromEntries(attributesOf(entity).junctions.map((a) => [a.name, []]));
}
