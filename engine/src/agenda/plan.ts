import type { CompiledEntity, Model } from '../model/compile-model.js';
import { workflowOf } from '../model/workflow-binding.js';
import { bothConditions, type SqlCondition } from '../permissions/scope-condition.js';
import { attributesOf } from '../records/attributes.js';
import { quoteIdent } from '../records/quote-ident.js';
import { toMilliseconds, type MyDayList } from '@lodestar/core';
import type { Day } from './day.js';

/** The lists of "My day", in answer order. */
export const MY_DAY_LISTS = [
  'due',
  'overdue',
  'reminders',
  'slaBreached',
  'stuck',
] as const satisfies readonly MyDayList[];
export type { MyDayList };

/** Items per list. */
export const MY_DAY_LIMIT = 50;

/** One query of "My day": the rows of one entity (aliased `t`) that belong to one list, ordered by `at`. */
export interface AgendaQuery {
  list: MyDayList;
  /** The entity as the caller sees it (hidden fields removed). */
  entity: CompiledEntity;
  /** The column whose value is the item's `at` and the order. */
  at: string;
  /** Every condition: owner, read scope and the list's own. */
  condition: SqlCondition;
  /** Whether items carry the record's state and workflow. */
  workflow: boolean;
}

/** What planning needs besides the model: the caller, the entities they read, and their read scopes. */
export interface PlanInput {
  model: Model;
  ownerId: string;
  readable: ReadonlyMap<string, CompiledEntity>;
  /** The caller's read scope on an entity (undefined: every row). */
  scope(entityId: string): SqlCondition | undefined;
  day: Day;
  now: Date;
}

/**
 * Which queries "My day" runs, from definitions alone: agenda entities (`x-entity.agenda`) give due,
 * overdue and reminder queries; entities with a workflow give SLA-breach and stuck queries. Every
 * query is limited to records the caller owns and may read; a list field hidden from the caller
 * drops that list for the entity (its values would otherwise leak through the lists).
 */
export function planMyDay(input: PlanInput): AgendaQuery[] {
  const queries: AgendaQuery[] = [];
  for (const view of input.readable.values()) {
    const base = bothConditions({ sql: 't.owner_id = ?', bindings: [input.ownerId] }, input.scope(view.id))!;
    const add = (list: MyDayList, at: string, condition: SqlCondition | undefined, workflow = false) => {
      if (condition) queries.push({ list, entity: view, at, condition: bothConditions(base, condition)!, workflow });
    };
    for (const [list, at, condition] of agendaConditions(view, input.day)) add(list, at, condition);
    const entity = input.model.entities.get(view.id) ?? view;
    if (!has(view, 'state')) continue;
    if (has(view, 'sla_breached_at')) add('slaBreached', 'sla_breached_at', slaCondition(input.model, entity), true);
    if (has(view, 'state_entered_at'))
      add('stuck', 'state_entered_at', stuckCondition(input.model, entity, input.now), true);
  }
  return queries;
}

function has(entity: CompiledEntity, name: string): boolean {
  return attributesOf(entity).byName.has(name);
}

/** Due today, overdue and reminders today of an agenda entity, each only while the open field says "not done". */
export function agendaConditions(entity: CompiledEntity, day: Day): [MyDayList, string, SqlCondition][] {
  const agenda = entity.definition['x-entity'].agenda;
  if (!agenda || !has(entity, agenda.due) || !has(entity, agenda.open.field)) return [];
  const open = inList(agenda.open.field, agenda.open.values);
  const due = `t.${quoteIdent(agenda.due)}`;
  const isDate = attributesOf(entity).byName.get(agenda.due)!.kind === 'date';
  const conditions: [MyDayList, string, SqlCondition][] = [
    ['due', agenda.due, and(isDate ? { sql: `${due} = ?`, bindings: [day.today] } : within(due, day), open)],
    ['overdue', agenda.due, and({ sql: `${due} < ?`, bindings: [isDate ? day.today : day.start] }, open)],
  ];
  if (agenda.reminder && has(entity, agenda.reminder))
    conditions.push(['reminders', agenda.reminder, and(within(`t.${quoteIdent(agenda.reminder)}`, day), open)]);
  return conditions;
}

/** Breached and not yet in a final state of the workflow the record follows. */
export function slaCondition(model: Model, entity: CompiledEntity): SqlCondition {
  const finals = new Set<string>();
  for (const { workflow } of workflowsOf(model, entity))
    for (const [name, state] of Object.entries(workflow.states)) if (state.type === 'final') finals.add(name);
  const breached = { sql: 't.sla_breached_at is not null', bindings: [] };
  if (!finals.size) return breached;
  const closed = inList('state', [...finals].sort());
  return and(breached, { sql: `not (${closed.sql})`, bindings: closed.bindings });
}

/**
 * In a non-final state with `meta.stuckAfter` for longer than that: per workflow (record types may
 * follow different ones), `state = s and state_entered_at < now - stuckAfter(s)`; undefined when no
 * state of any workflow of the entity declares a limit.
 */
export function stuckCondition(model: Model, entity: CompiledEntity, now: Date): SqlCondition | undefined {
  const parts: SqlCondition[] = [];
  for (const { workflow, recordTypes } of workflowsOf(model, entity)) {
    const states: SqlCondition[] = [];
    for (const [name, state] of Object.entries(workflow.states)) {
      const limit =
        state.type === 'final' || !state.meta?.stuckAfter ? undefined : toMilliseconds(state.meta.stuckAfter);
      if (limit === undefined) continue;
      states.push({
        sql: '(t.state = ? and t.state_entered_at < ?)',
        bindings: [name, new Date(now.getTime() - limit).toISOString()],
      });
    }
    if (!states.length) continue;
    const anyState = { sql: `(${states.map((s) => s.sql).join(' or ')})`, bindings: states.flatMap((s) => s.bindings) };
    parts.push(recordTypes ? and(inList('record_type', recordTypes), anyState) : anyState);
  }
  if (!parts.length) return undefined;
  return { sql: `(${parts.map((p) => p.sql).join(' or ')})`, bindings: parts.flatMap((p) => p.bindings) };
}

/** The workflows records of the entity follow, each with the record types following it (undefined: the entity has none). */
function workflowsOf(model: Model, entity: CompiledEntity) {
  const byId = new Map<string, { workflow: NonNullable<ReturnType<typeof workflowOf>>; recordTypes?: string[] }>();
  for (const type of entity.recordTypes.length ? entity.recordTypes : [null]) {
    const workflow = workflowOf(model, entity, type);
    if (!workflow) continue;
    const entry = byId.get(workflow.id) ?? { workflow, ...(type !== null && { recordTypes: [] as string[] }) };
    if (type !== null) entry.recordTypes!.push(type);
    byId.set(workflow.id, entry);
  }
  return [...byId.values()];
}

function within(column: string, day: Day): SqlCondition {
  return { sql: `${column} >= ? and ${column} < ?`, bindings: [day.start, day.end] };
}

function inList(field: string, values: readonly unknown[]): SqlCondition {
  return { sql: `t.${quoteIdent(field)} in (${values.map(() => '?').join(', ')})`, bindings: [...values] };
}

function and(a: SqlCondition, b: SqlCondition): SqlCondition {
  return bothConditions(a, b)!;
}
