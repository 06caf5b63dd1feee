import type { RecordPage } from '@lodestar/core';
import { runBuilderPrepared } from '../db/prepared.js';
import { recordReadOptions } from '../db/type-parsers.js';
import { expandRecords } from './expand.js';
import { encodeCursor } from './keyset.js';
import type { ReadQuery } from './query-params.js';
import { isRecordId, recordNotFound } from './record-id.js';
import { requireAction, viewOf } from './record-permissions.js';
import { selectRecord } from './records-repo.js';
import { rememberRow } from './row-cache.js';
import { recordNames, toCursorValues, toRecordJson } from './serialize.js';
import { withoutStageHidden, withStageColumns } from './stage-fields.js';
import { toListSql } from './to-sql.js';
import type { ListQuery, RecordContext, RecordJson } from './types.js';

/** One page of a list and the cursor of the next page (null on the last): core's RecordPage. */
export type ListPage = RecordPage;

// In their own module so record-permissions can use them without importing this one (no cycle).
export { isRecordId, recordNotFound };

/**
 * One record with `fields` and `expand` applied: one query, plus one per expanded relation. A record
 * outside the actor's read scope is not found, exactly like one that does not exist.
 */
export async function readRecord(ctx: RecordContext, id: string, query: ReadQuery): Promise<RecordJson> {
  if (!isRecordId(id)) throw recordNotFound(ctx.entity, id);
  requireAction(ctx, 'read');
  const entity = viewOf(ctx);
  const condition = ctx.access?.condition(entity.id, 'read');
  const fields = withStageColumns(ctx.model, entity, query.fields);
  const row = await selectRecord(ctx.knex, entity, { id, condition, ...(fields && { fields }) });
  if (!row) throw recordNotFound(ctx.entity, id);
  // Only whole rows are remembered for the next write (an actor's view may lack hidden fields).
  if (!query.fields && entity === ctx.entity) rememberRow(ctx.entity, row);
  const record = withoutStageHidden(ctx.model, entity, toRecordJson(row, query.fields ?? recordNames(entity)), row);
  if (query.expand.length) await expandRecords(ctx, [record], query.expand);
  return record;
}

/** One page of records: one query (a row more than the page tells whether another follows), plus one per expansion. */
export async function readList(ctx: RecordContext, query: ListQuery): Promise<ListPage> {
  requireAction(ctx, 'read');
  const entity = viewOf(ctx);
  const fields = withStageColumns(ctx.model, entity, query.fields);
  const sql = fields === query.fields ? query : { ...query, ...(fields && { fields }) };
  const rows = await runBuilderPrepared<Record<string, unknown>>(
    toListSql(ctx.knex, entity, sql, ctx.access),
    ctx.knex,
    recordReadOptions(ctx.knex),
  );
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const names = query.fields ?? recordNames(entity);
  const data = page.map((row) => withoutStageHidden(ctx.model, entity, toRecordJson(row, names), row));
  if (query.expand.length && data.length) await expandRecords(ctx, data, query.expand);
  const nextCursor = more ? encodeCursor(query.sort, toCursorValues(page.at(-1)!, query.sort)) : null;
  return { data, nextCursor };
}
