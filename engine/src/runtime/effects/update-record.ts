import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import {
  LodestarError,
  NotFoundError,
  ForbiddenError,
  TransitionRefused,
  type Issue,
  type Text,
} from '../../errors.js';
import type { CompiledEntity, Model } from '../../model/compile-model.js';
import { accessFor } from '../../permissions/model-access.js';
import { companyTimeZone } from '../../records/company-time-zone.js';
import { fieldTitleZh } from '../../records/query-params.js';
import { quoteIdent } from '../../records/quote-ident.js';
import { isRecordId } from '../../records/record-id.js';
import { selectRecord } from '../../records/records-repo.js';
import { forgetRow } from '../../records/row-cache.js';
import type { RecordJson } from '../../records/types.js';
import { patchRecord } from '../../records/write-record.js';
import type { Effect } from '../../workflow/actions/index.js';
import { titleOf, withTarget } from '../../workflow/actions/related.js';
import { expressionSql } from './expression-sql.js';
import { followRelation } from './relation-path.js';

/** The transition an action across records belongs to. */
export interface CrossRecordInput {
  model: Model;
  entity: CompiledEntity;
  record: RecordJson;
  actor: Actor;
  requestId?: string | undefined;
  /** The records whose transitions are in progress around this one (sendEvent), outermost first. */
  chain?: readonly string[] | undefined;
}

/**
 * Runs an updateRecord on the transition's transaction. The target row is locked FOR UPDATE first, so
 * the next statement (a new READ COMMITTED snapshot) computes the values from the row as its last writer
 * committed it: concurrent `paidTotal + amount` add up. Roll-up triggers lock parents FOR NO KEY UPDATE
 * after the child's row, as here (source locked, then target), so the two do not deadlock. The values are
 * written by the records' own patch at the locked version: validation, rules, stage rules, unique keys,
 * permissions (unless runAs engine), audit and version + 1, as a user's PATCH. Any refusal refuses the
 * transition, and the caller's transaction takes everything back. A blank path writes nothing.
 */
export async function applyUpdateRecord(
  trx: Knex,
  effect: Extract<Effect, { kind: 'updateRecord' }>,
  input: CrossRecordInput,
): Promise<void> {
  const { model, entity, record, actor } = input;
  const found = await followRelation(trx, model, entity, record, effect.path);
  if (!found) return;
  const target = found.entity;
  if (inFlight(input, target, found.id)) throw busy(target);
  const titleField = target.definition['x-entity'].titleField;
  const locked = await selectRecord(trx, target, {
    id: found.id,
    fields: ['id', 'version', titleField],
    forUpdate: true,
  });
  if (!locked) return;
  const body = await computeValues(trx, input, effect.set, target, found.id);
  const user = isRecordId(actor.id) ? actor.id : undefined;
  const access = effect.runAs === 'actor' && user ? accessFor(model, actor) : undefined;
  // A remembered row of the target is about to be stale (writes inside a transaction are not remembered).
  forgetRow(target, found.id);
  try {
    await patchRecord(
      {
        knex: trx,
        model,
        entity: target,
        ...(user && { userId: user }),
        ...(access && { access }),
        ...(input.requestId && { requestId: input.requestId }),
      },
      { id: found.id, version: locked.version as number },
      body,
    );
  } catch (error) {
    if (!(error instanceof LodestarError)) throw error;
    throw refusal(error, target, found.id, locked[titleField]);
  }
}

/**
 * Whether the target is a record whose own transition is still being decided: the source itself, or one
 * that sent the event this transition runs (sendEvent). Its transition writes at the version it read,
 * so a write under it would break that transition.
 */
function inFlight(input: CrossRecordInput, target: CompiledEntity, id: string): boolean {
  if (target.id === input.entity.id && id === input.record.id) return true;
  return input.chain?.includes(`${target.id}:${id}`) ?? false;
}

function busy(target: CompiledEntity): TransitionRefused {
  const reason = {
    en: `the workflow cannot update this ${target.definition.title ?? target.id}: its own transition is in progress (it sent the event, or it is the record itself)`,
    zh: `流程无法更新该${titleOf(target.definition)}：它自身的流转正在进行中（事件正是由它发出，或者它就是当前记录）`,
  };
  return new TransitionRefused(reason, { extra: { reason } });
}

/** The new values, computed in one statement over the source row (and `target`, the locked row). */
async function computeValues(
  trx: Knex,
  input: CrossRecordInput,
  set: Record<string, string>,
  target: CompiledEntity,
  targetId: string,
): Promise<Record<string, unknown>> {
  const seen = withTarget(input.entity.definition, target.definition);
  const variant = `${input.entity.id}>${target.id}`;
  const names = Object.keys(set);
  const bindings: Knex.RawBinding[] = [];
  const columns = names.map((name, i) => {
    const { sql, type } = expressionSql(input.model, seen, variant, set[name]!);
    if (target.fields.get(name)?.kind !== 'date' || type !== 'dateTime') return `${sql} as "v${i}"`;
    // A moment into a date field: the calendar day it falls on in the company's time zone.
    bindings.push(companyTimeZone());
    return `((${sql}) at time zone ?)::date as "v${i}"`;
  });
  const withTargetColumn = seen !== input.entity.definition;
  if (withTargetColumn) bindings.push(targetId);
  bindings.push(input.record.id as string);
  const source = quoteIdent(input.entity.table.name);
  const sql =
    `select ${columns.join(', ')} from (select s.*${withTargetColumn ? ', ?::uuid as "target"' : ''} ` +
    `from ${source} as s where s.id = ?) as t`;
  const row = ((await trx.raw(sql, bindings)) as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  return Object.fromEntries(names.map((name, i) => [name, toJson(row[`v${i}`])]));
}

function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return value instanceof Date ? value.toISOString() : value;
}

/** Why the related record could not be written, naming it and its fields in both languages. */
function refusal(error: LodestarError, target: CompiledEntity, id: string, title: unknown): TransitionRefused {
  const entityEn = target.definition.title ?? target.id;
  const entityZh = titleOf(target.definition);
  const named = title === null || title === undefined || title === '' ? '' : String(title);
  let reason: Text;
  if (error instanceof NotFoundError) {
    // The actor cannot read it: neither its title nor its fields are theirs to learn.
    reason = {
      en: `the workflow cannot update the related ${entityEn}: you cannot see it`,
      zh: `流程无法更新关联的${entityZh}：您无权查看该记录`,
    };
  } else if (error instanceof ForbiddenError) {
    reason = {
      en: `the workflow cannot update ${entityEn} "${named}": your roles may not change it`,
      zh: `流程无法更新${entityZh}“${named}”：您的角色无权修改该记录`,
    };
  } else if (error.issues?.length) {
    const en = error.issues.map((i) => `${fieldEn(target, i)}: ${i.message}`).join('; ');
    const zh = error.issues.map((i) => `“${fieldZh(target, i)}”${i.i18n?.zh ?? i.message}`).join('；');
    reason = {
      en: `the workflow cannot update ${entityEn} "${named}": ${en}`,
      zh: `流程无法更新${entityZh}“${named}”：${zh}`,
    };
  } else {
    reason = {
      en: `the workflow cannot update ${entityEn} "${named}": ${error.text.en}`,
      zh: `流程无法更新${entityZh}“${named}”：${error.text.zh}`,
    };
  }
  const issues = error instanceof NotFoundError ? undefined : error.issues;
  return new TransitionRefused(reason, {
    extra: { reason, target: { entity: target.id, id, ...(issues && { issues }) } },
    cause: error,
  });
}

const fieldOf = (issue: Issue) => issue.pointer.split('/')[1] ?? '';

function fieldEn(entity: CompiledEntity, issue: Issue): string {
  const name = fieldOf(issue);
  return entity.definition.properties[name]?.title ?? name;
}

function fieldZh(entity: CompiledEntity, issue: Issue): string {
  return fieldTitleZh(entity, fieldOf(issue));
}
