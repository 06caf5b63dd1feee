import type { ApprovalInboxItem } from '@lodestar/core';
import type { Knex } from 'knex';
import type { Actor } from '../actor.js';
import type { EntityDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { recordReadOptions } from '../db/type-parsers.js';
import { checkRecordExpression, recordExpressionSql } from '../formula/record-expression.js';
import { reportIds, userManagerRows } from '../identity/users-repo.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import type { ModelAccess } from '../permissions/model-access.js';
import type { SqlCondition } from '../permissions/scope-condition.js';
import { isRecordId } from '../records/read-records.js';
import { quoteIdent } from '../records/quote-ident.js';
import { recordNames, toRecordJson } from '../records/serialize.js';
import { toSelectSql } from '../records/to-sql.js';
import { delegatorsOf } from '../runtime/approval-facts.js';
import { boundWorkflow } from '../runtime/compiled-workflows.js';
import { approvalsOfRecords } from '../runtime/history-repo.js';
import { approvalDecidedSql } from '../runtime/history-sql.js';
import { judgeApproval } from '../workflow/approval-decide.js';
import {
  approvalPlanOf,
  stepTitle,
  type ApprovalPlan,
  type ApprovalStep,
  type Principal,
} from '../workflow/approval-plan.js';

/** Items the inbox answers, and candidates read per approval state (oldest waiting first; the SQL is near exact). */
export const INBOX_LIMIT = 50;
const CANDIDATES = 2 * INBOX_LIMIT;

interface Who extends Principal {
  onBehalfOf?: string;
}

/**
 * Every approval the actor may decide now, as themselves or for a user who delegated to them. Per approval
 * state, one statement on the state index reads the records with a step open to the actor (a role they hold,
 * within their event scope; a user field naming them; an owner reporting to them; its `when`, its decisions
 * and, in a sequence, the earlier steps' approvals as EXISTS on the history's record index); then decide's own
 * judgement keeps exactly those the actor may approve now, so the inbox and the APPROVE button cannot disagree.
 */
export async function readApprovalInbox(
  knex: Knex,
  request: { model: Model; actor: Actor; access: ModelAccess | undefined; now: Date },
): Promise<ApprovalInboxItem[]> {
  const { model, actor, now } = request;
  if (!isRecordId(actor.id)) return [];
  const delegators = await delegatorsOf(knex, actor, now);
  const principals: Who[] = [actor, ...delegators.map((d) => ({ ...d, onBehalfOf: d.id }))];
  const states = approvalStates(model);
  if (!states.length) return [];
  const needsReports = states.some(({ plan }) => plan.steps.some((s) => 'ownerManager' in s.approver));
  const reports = needsReports
    ? await reportIds(
        knex,
        principals.map((p) => p.id),
      )
    : [];
  const items: ApprovalInboxItem[] = [];
  for (const at of states) {
    const condition = candidateCondition(model, at, principals, reports, request.access);
    if (!condition) continue;
    const rows = (await knex
      .from({ t: at.entity.table.name })
      .select(knex.raw(toSelectSql(at.entity)))
      .where('t.state', at.state)
      .whereRaw(condition.sql, condition.bindings as Knex.RawBinding[])
      .orderByRaw('t.state_entered_at asc, t.id asc')
      .limit(CANDIDATES)
      .options(recordReadOptions(knex))) as Record<string, unknown>[];
    items.push(...(await judged(knex, { model, actor, now }, at, rows, delegators)));
  }
  return items.sort(bySince).slice(0, INBOX_LIMIT);
}

interface ApprovalState {
  entity: CompiledEntity;
  workflow: WorkflowDefinition;
  state: string;
  plan: ApprovalPlan;
}

/** Every state with an approval, of every workflow bound to an entity of the model. */
function approvalStates(model: Model): ApprovalState[] {
  const found: ApprovalState[] = [];
  for (const workflow of model.workflows.values()) {
    const entity = model.entities.get(workflow.meta.entity);
    if (!entity) continue;
    for (const [state, definition] of Object.entries(workflow.states)) {
      const plan = approvalPlanOf(definition);
      if (plan) found.push({ entity, workflow, state, plan });
    }
  }
  return found;
}

// Records some step of the state could be the actor's: any step's approver matched, with its `when`.
function candidateCondition(
  model: Model,
  at: ApprovalState,
  principals: Who[],
  reports: string[],
  access: ModelAccess | undefined,
): SqlCondition | undefined {
  const ids = principals.map((p) => p.id);
  const parts: SqlCondition[] = [];
  for (const step of at.plan.steps) {
    const approver = step.approver;
    let match: SqlCondition | undefined;
    if ('role' in approver) {
      const holders = principals.filter((p) => p.roles.includes(approver.role));
      if (!holders.length) continue;
      // As themselves, role approvers decide within their roles' event scope; a delegate decides for the user.
      const scope = holders.some((p) => p.onBehalfOf) ? undefined : access?.eventCondition(at.entity.id, 'APPROVE');
      match = scope ?? { sql: 'true', bindings: [] };
    } else if ('userField' in approver) {
      match = { sql: `t.${quoteIdent(approver.userField)} = any(?::uuid[])`, bindings: [ids] };
    } else {
      if (!reports.length) continue;
      match = { sql: 't.owner_id = any(?::uuid[])', bindings: [reports] };
    }
    parts.push(and([match, ...openSql(model, at, step)]));
  }
  if (!parts.length) return undefined;
  const anyStep = { sql: parts.map((p) => `(${p.sql})`).join(' or '), bindings: parts.flatMap((p) => p.bindings) };
  // A workflow bound to one record type reads only its records (the judgement checks the binding of the rest).
  const type = at.workflow.meta.recordType;
  return type ? { sql: `t.record_type = ? and (${anyStep.sql})`, bindings: [type, ...anyStep.bindings] } : anyStep;
}

/**
 * The step is open: it applies, it is not decided, nothing was rejected and, in a sequence, every earlier step
 * that applies is approved (decisions since the record entered the state, on the history's record index).
 */
function openSql(model: Model, at: ApprovalState, step: ApprovalStep): SqlCondition[] {
  const entity = at.entity.id;
  const not = (c: { sql: string; bindings: unknown[] }) => ({ sql: `not ${c.sql}`, bindings: c.bindings });
  const when = whenSql(model, at.entity, step);
  const parts: SqlCondition[] = [
    ...(when ? [{ sql: when, bindings: [] }] : []),
    not(approvalDecidedSql('t', entity, step.id, null)),
    not(approvalDecidedSql('t', entity, null, 'rejected')),
  ];
  if (at.plan.order === 'sequence')
    for (const before of at.plan.steps.slice(0, at.plan.steps.indexOf(step))) {
      const approved = approvalDecidedSql('t', entity, before.id, 'approved');
      const applies = whenSql(model, at.entity, before);
      parts.push(applies ? { sql: `(not ${applies} or ${approved.sql})`, bindings: approved.bindings } : approved);
    }
  return parts;
}

function and(parts: SqlCondition[]): SqlCondition {
  return { sql: parts.map((p) => `(${p.sql})`).join(' and '), bindings: parts.flatMap((p) => p.bindings) };
}

const whenSqls = new WeakMap<ApprovalStep, string | null>();

/** A step's `when` as SQL over `t` (validated at publish; the judgement in JS decides in the end). */
function whenSql(model: Model, entity: CompiledEntity, step: ApprovalStep): string | undefined {
  if (step.when === undefined) return undefined;
  let sql = whenSqls.get(step);
  if (sql === undefined) {
    const entities = new Map<string, EntityDefinition>(model.set.entities.map((e) => [e.$id, e]));
    const { expression } = checkRecordExpression(entities, entity.definition, step.when, '', 'boolean');
    sql = expression ? `coalesce(${recordExpressionSql(model.set.entities, expression, 't')}, false)` : null;
    whenSqls.set(step, sql);
  }
  return sql ?? 'false';
}

async function judged(
  knex: Knex,
  { model, actor, now }: { model: Model; actor: Actor; now: Date },
  at: ApprovalState,
  rows: Record<string, unknown>[],
  delegators: Principal[],
): Promise<ApprovalInboxItem[]> {
  if (!rows.length) return [];
  const records = rows.map((row) => toRecordJson(row, recordNames(at.entity)));
  const oldest = records.reduce(
    (min, r) => (r.state_entered_at && String(r.state_entered_at) < min ? String(r.state_entered_at) : min),
    now.toISOString(),
  );
  const decisions = await approvalsOfRecords(
    knex,
    at.entity.id,
    new Date(oldest),
    records.map((r) => String(r.id)),
  );
  const owners = await userManagerRows(knex, [
    ...new Set(records.map((r) => r.owner_id).filter((id): id is string => typeof id === 'string')),
  ]);
  const users = new Map(owners.map((u) => [u.id, u]));
  const names = await namesOf(knex, delegators);
  const items: ApprovalInboxItem[] = [];
  for (const record of records) {
    const compiled = boundWorkflow(model, at.entity, record.record_type as string | null);
    if (compiled?.definition !== at.workflow) continue;
    const entered = record.state_entered_at ? new Date(String(record.state_entered_at)) : new Date(0);
    const since = (decisions.get(String(record.id)) ?? []).filter((d) => d.atDate >= entered);
    const owner = typeof record.owner_id === 'string' ? users.get(record.owner_id) : undefined;
    const judgement = judgeApproval(at.plan, {
      record,
      actor,
      approvals: since,
      approvers: { ownerManagerId: owner?.manager_id ?? null, delegators },
      decision: 'approved',
      now,
      titles: { state: at.state, roleTitle: compiled.roleTitle, fieldTitle: compiled.fieldTitle },
    });
    if ('reason' in judgement) continue;
    const step = at.plan.steps.find((s) => s.id === (judgement.given.step ?? judgement.given.role))!;
    const amountField = at.workflow.meta.amountField;
    const onBehalfOf = judgement.given.onBehalfOf;
    items.push({
      entity: at.entity.id,
      id: String(record.id),
      title: record[at.entity.definition['x-entity'].titleField] ?? null,
      workflow: at.workflow.id,
      state: at.state,
      step: { id: step.id, title: stepTitle(step) },
      ...(amountField && { amountField, amount: (record[amountField] as number | null | undefined) ?? null }),
      owner: { id: owner?.id ?? null, name: owner ? owner.display_name || owner.email : null },
      ...(onBehalfOf && { onBehalfOf: { id: onBehalfOf, name: names.get(onBehalfOf) ?? '' } }),
      since: record.state_entered_at ? entered.toISOString() : null,
      version: Number(record.version),
    });
  }
  return items;
}

async function namesOf(knex: Knex, delegators: Principal[]): Promise<Map<string, string>> {
  const ids = delegators.map((p) => p.id);
  if (!ids.length) return new Map();
  return new Map((await userManagerRows(knex, ids)).map((u) => [u.id, u.display_name || u.email]));
}

function bySince(a: ApprovalInboxItem, b: ApprovalInboxItem): number {
  return String(a.since).localeCompare(String(b.since)) || a.entity.localeCompare(b.entity) || a.id.localeCompare(b.id);
}
