import type { Knex } from 'knex';
import { toText } from '@lodestar/core';
import { type Issue, type Text, TransitionRefused, ValidationError } from '../../errors.js';
import { isActiveUser, nextInRotation } from '../../identity/users-repo.js';
import type { CompiledEntity, Model } from '../../model/compile-model.js';
import type { ModelAccess } from '../../permissions/model-access.js';
import { createLines, type NewLine } from '../../records/create-lines.js';
import { quoteIdent } from '../../records/quote-ident.js';
import { isRecordId } from '../../records/read-records.js';
import type { Row } from '../../records/records-repo.js';
import { recordNames, toRecordJson } from '../../records/serialize.js';
import { toSelectSql } from '../../records/to-sql.js';
import type { RecordContext, RecordJson } from '../../records/types.js';
import { createRecord } from '../../records/write-record.js';
import { lineItemsOf } from '../../schema/line-items.js';
import type { CreateRecordEffect, LineCopyPlan, OwnerPlan } from '../../workflow/actions/create-record.js';
import { type EffectsInput, toStoredValue } from './effects-input.js';

/**
 * Runs a createRecord effect on the transition's transaction: the owner drawn (a user field of the
 * source, the actor, the next user of a role), the record created through the ordinary create (its
 * validation, rules, numbering, keys, audit, workflow start), its line items copied from the source's in
 * one INSERT per list. Answers the fields the source gets in its own update (`storeIdIn`).
 */
export async function runCreateRecord(
  trx: Knex,
  effect: CreateRecordEffect,
  input: EffectsInput,
  sight: ModelAccess | undefined,
): Promise<Record<string, unknown>> {
  const target = input.model.entities.get(effect.entity)!;
  const owner = await ownerOf(trx, effect.owner, input, target);
  const spec = { entity: target, values: effect.values, runAs: effect.runAs, ...(owner && { owner }) };
  const created = await createTarget(trx, input, sight, spec);
  const id = created.id as string;
  for (const lines of effect.lines ?? []) await copyLines(trx, input, sight, lines, { ...spec, id });
  return effect.storeIdIn ? { [effect.storeIdIn]: id } : {};
}

/** One record an action creates: entity, values (as planned), owner (drawn) and whose rights create it. */
export interface CreateSpec {
  entity: CompiledEntity;
  values: Record<string, unknown>;
  owner?: string;
  runAs?: 'actor' | undefined;
}

/**
 * Creates one record as an action does: with the engine's rights (or the actor's, `runAs: "actor"`),
 * linking only what the event's sender may see. A refusal names the entity and the fields in both
 * languages, and refuses the whole transition (its transaction rolls back everything created before).
 */
export async function createTarget(
  trx: Knex,
  input: EffectsInput,
  sight: ModelAccess | undefined,
  spec: CreateSpec,
): Promise<RecordJson> {
  const { entity } = spec;
  const values = Object.fromEntries(
    Object.entries(spec.values).map(([field, value]) => [field, toStoredValue(entity, field, value)]),
  );
  if (spec.owner) values.owner_id = spec.owner;
  try {
    return await createRecord(actionContext(trx, input, sight, spec), values, input.startFor(entity));
  } catch (error) {
    throw refusedIn(input.model, entity, error);
  }
}

function actionContext(
  trx: Knex,
  input: EffectsInput,
  sight: ModelAccess | undefined,
  spec: { entity: CompiledEntity; runAs?: 'actor' | undefined },
): RecordContext {
  return {
    knex: trx,
    model: input.model,
    entity: spec.entity,
    userId: input.actor.id,
    byWorkflow: true,
    ...(input.requestId && { requestId: input.requestId }),
    ...(sight && { linkSight: sight }),
    ...(sight && spec.runAs === 'actor' && { access: sight }),
  };
}

/**
 * The owner an OwnerPlan names, an active user; a blank user field, a deactivated user or a role with
 * nobody in it refuses the transition rather than leaving the new record owned by no one (or the actor).
 */
export async function ownerOf(
  trx: Knex,
  plan: OwnerPlan | undefined,
  input: EffectsInput,
  target: CompiledEntity,
): Promise<string | undefined> {
  if (!plan) return undefined;
  const what = entityText(target);
  if ('roundRobinRole' in plan) {
    const next = await nextInRotation(trx, plan.roundRobinRole);
    if (next) return next;
    return refuse({
      en: `no active user has the role "${plan.roundRobinRole}" to own the new ${what.en}`,
      zh: `没有拥有角色“${plan.roundRobinRole}”的在职用户，无法为新建的${what.zh}分配负责人`,
    });
  }
  const source = sourceFieldText(input.entity, plan.field);
  if (plan.userId === null)
    return refuse({
      en: `the new ${what.en} would have no owner: ${source.en} is empty`,
      zh: `${source.zh}为空，新建的${what.zh}没有负责人`,
    });
  if (isRecordId(plan.userId) && (await isActiveUser(trx, plan.userId))) return plan.userId;
  return refuse({
    en: `the new ${what.en} cannot be owned by ${source.en}: that user does not exist or is deactivated`,
    zh: `${source.zh}指向的用户不存在或已停用，不能作为新建${what.zh}的负责人`,
  });
}

/**
 * Copies the source's lines of one list into the new record's list: read in their order, each mapped
 * field copied (blank stays blank), owned by the new record's owner, created with createLines (one
 * INSERT for the list, so the new record's roll-ups are computed once).
 */
async function copyLines(
  trx: Knex,
  input: EffectsInput,
  sight: ModelAccess | undefined,
  plan: LineCopyPlan,
  parent: CreateSpec & { id: string },
): Promise<void> {
  const from = lineItemsOf(input.model, input.entity).find((items) => items.name === plan.from)!;
  const to = lineItemsOf(input.model, parent.entity).find((items) => items.name === plan.to)!;
  const order = from.order ? `t.${quoteIdent(from.order)} nulls last, ` : '';
  const sql = `select ${toSelectSql(from.child)} from ${quoteIdent(from.child.table.name)} as t where t.${quoteIdent(from.via)} = ? order by ${order}t.created_at, t.id`;
  const { rows } = (await trx.raw(sql, [input.record.id as string])) as { rows: Row[] };
  const owner = parent.owner ?? (await ownerOfRecord(trx, parent.entity, parent.id));
  const lines: NewLine[] = rows.map((row, i) => {
    const line = toRecordJson(row, recordNames(from.child));
    const body: Record<string, unknown> = {};
    for (const [field, sourceField] of Object.entries(plan.fields)) {
      const value = line[sourceField];
      if (value !== null && value !== undefined) body[field] = toStoredValue(to.child, field, value);
    }
    body[to.via] = parent.id;
    if (to.order) body[to.order] = i + 1;
    if (owner) body.owner_id = owner;
    return { at: `/${plan.to}/${i}`, body };
  });
  const ctx = actionContext(trx, input, sight, { entity: to.child, runAs: parent.runAs });
  const issues = await createLines(ctx, lines, input.startFor(to.child));
  if (issues.length) throw refusedIn(input.model, parent.entity, new ValidationError(entityText(to.child), { issues }));
}

async function ownerOfRecord(trx: Knex, entity: CompiledEntity, id: string): Promise<string | undefined> {
  const { rows } = (await trx.raw(`select owner_id from ${quoteIdent(entity.table.name)} where id = ?`, [id])) as {
    rows: { owner_id: string | null }[];
  };
  return rows[0]?.owner_id ?? undefined;
}

/**
 * A create the record writes refused (422), worded for the transition: which entity could not be
 * created and why, field by field by title (`/lines/2/quantity` → 订单明细第 3 行的“数量”). Other errors
 * (a unique key's 409, a permission's 403) already say what they mean.
 */
export function refusedIn(model: Model, entity: CompiledEntity, error: unknown): unknown {
  if (!(error instanceof ValidationError) || !error.issues?.length) return error;
  const what = entityText(entity);
  const issues: Issue[] = error.issues.map((issue) => ({ ...issue, pointer: `/${entity.id}${issue.pointer}` }));
  const lines = error.issues.map((issue) => ({
    where: whereText(model, entity, issue.pointer),
    text: issue.i18n ?? { en: issue.message, zh: issue.message },
  }));
  const detail: Text = {
    en: `the workflow could not create the ${what.en}: ${lines.map((l) => `${l.where.en}: ${l.text.en}`).join('; ')}`,
    zh: `流程无法创建${what.zh}：${lines.map((l) => `${l.where.zh}：${l.text.zh}`).join('；')}`,
  };
  return new ValidationError(detail, { issues, extra: { entity: entity.id }, cause: error });
}

/** Where an issue sits, by titles: a field, or a line's field (`/lines/2/quantity`: line 3's Quantity). */
function whereText(model: Model, entity: CompiledEntity, pointer: string): Text {
  const [first = '', index, field = ''] = pointer.split('/').slice(1);
  const items = lineItemsOf(model, entity).find((list) => list.name === first);
  if (items && index !== undefined && /^\d+$/.test(index)) {
    const n = Number(index) + 1;
    const child = fieldText(items.child, field);
    return field
      ? { en: `line ${n} ${child.en}`, zh: `第 ${n} 行明细的“${child.zh}”` }
      : { en: `line ${n}`, zh: `第 ${n} 行明细` };
  }
  if (!first) return { en: 'the record', zh: '记录' };
  const title = fieldText(entity, first);
  return { en: title.en, zh: `“${title.zh}”` };
}

function fieldText(entity: CompiledEntity | undefined, name: string): Text {
  const field = entity?.fields.get(name)?.definition;
  return toText(field?.['x-i18n']?.title, field?.title, name);
}

function sourceFieldText(entity: CompiledEntity, field: string): Text {
  if (field === 'actor') return { en: 'the user who sent the event', zh: '触发操作的用户' };
  if (field === 'owner_id') {
    const e = entityText(entity);
    return { en: `the ${e.en}'s owner`, zh: `${e.zh}的负责人` };
  }
  const e = entityText(entity);
  const f = fieldText(entity, field);
  return { en: `${e.en} ${f.en}`, zh: `${e.zh}的“${f.zh}”` };
}

export function entityText(entity: CompiledEntity): Text {
  const definition = entity.definition;
  return toText(definition['x-i18n']?.title, definition.title, entity.id);
}

function refuse(reason: Text): never {
  throw new TransitionRefused(reason, { extra: { reason } });
}
