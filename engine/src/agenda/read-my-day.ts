import type { MyDay, MyDayItem } from '@lodestar/core';
import type { Knex } from 'knex';
import { recordReadOptions } from '../db/type-parsers.js';
import type { Model } from '../model/compile-model.js';
import { workflowOf } from '../model/workflow-binding.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { isRecordId } from '../records/read-records.js';
import { recordNames, toRecordJson } from '../records/serialize.js';
import { quoteIdent } from '../records/quote-ident.js';
import { toSelectSql } from '../records/to-sql.js';
import type { Actor } from '../actor.js';
import { readApprovalInbox } from './approval-inbox.js';
import { dayIn } from './day.js';
import { MY_DAY_LIMIT, MY_DAY_LISTS, planMyDay, type AgendaQuery } from './plan.js';

/**
 * The caller's day: the planned queries (one per entity and list, each ≤ 50 rows, run together),
 * merged per list by `at` and cut to 50. Records are serialized as the records API does, from the
 * caller's view of the entity, so hidden fields are never selected.
 */
export async function readMyDay(
  knex: Knex,
  request: { model: Model; actor: Actor; access: ModelAccess | undefined; now: Date; timeZone: string },
): Promise<MyDay> {
  const { model, actor, access, now } = request;
  const day = dayIn(now, request.timeZone);
  const answer = {
    today: day.today,
    ...Object.fromEntries([...MY_DAY_LISTS, 'approvals'].map((list) => [list, [] as MyDayItem[]])),
  } as MyDay;
  if (!isRecordId(actor.id)) return answer; // the engine itself, or an anonymous caller, owns nothing
  const approvals = readApprovalInbox(knex, request);
  const queries = planMyDay({
    model,
    ownerId: actor.id,
    readable: access?.views ?? model.entities,
    scope: (id) => access?.condition(id, 'read'),
    day,
    now,
  });
  const results = await Promise.all(queries.map(async (query) => ({ query, rows: await run(knex, query) })));
  for (const { query, rows } of results) answer[query.list].push(...rows.map((row) => toItem(model, query, row)));
  for (const list of MY_DAY_LISTS) answer[list] = answer[list].sort(byAt).slice(0, MY_DAY_LIMIT);
  answer.approvals = await approvals;
  return answer;
}

function run(knex: Knex, query: AgendaQuery): Promise<Record<string, unknown>[]> {
  const at = `t.${quoteIdent(query.at)}`;
  return knex
    .from({ t: query.entity.table.name })
    .select(knex.raw(toSelectSql(query.entity)))
    .whereRaw(query.condition.sql, query.condition.bindings as Knex.RawBinding[])
    .orderByRaw(`${at} asc, t.id asc`)
    .limit(MY_DAY_LIMIT)
    .options(recordReadOptions(knex)) as Promise<Record<string, unknown>[]>;
}

function toItem(model: Model, query: AgendaQuery, row: Record<string, unknown>): MyDayItem {
  const record = toRecordJson(row, recordNames(query.entity));
  const titleField = query.entity.definition['x-entity'].titleField;
  const item: MyDayItem = {
    entity: query.entity.id,
    id: String(record.id),
    title: record[titleField] ?? null,
    at: (record[query.at] as string | null | undefined) ?? null,
    record,
  };
  if (query.workflow) {
    const workflow = workflowOf(
      model,
      model.entities.get(query.entity.id) ?? query.entity,
      record.record_type as string | null,
    );
    item.state = record.state ?? null;
    if (workflow) item.workflow = workflow.id;
  }
  return item;
}

/** By `at` (ISO text sorts in time order; a date sorts before times of that day), then entity and id. */
function byAt(a: MyDayItem, b: MyDayItem): number {
  return String(a.at).localeCompare(String(b.at)) || a.entity.localeCompare(b.entity) || a.id.localeCompare(b.id);
}
