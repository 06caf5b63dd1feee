import type { GroupsAnswer } from '@lodestar/core';
import { toGroupQuery, toGroupRows } from './group-query.js';
import type { QueryParams } from './query-params.js';
import { requireAction, viewOf } from './record-permissions.js';
import { throwIfIssues } from './query-params.js';
import { stageHiddenGroupIssue, stageHiddenQueryIssues } from './stage-fields.js';
import { toGroupSql } from './to-sql.js';
import type { RecordContext } from './types.js';

/** Counts (and sums) of the records a list with the same filters would show, per value of `by`: one query. */
export async function readGroups(ctx: RecordContext, params: QueryParams): Promise<GroupsAnswer> {
  requireAction(ctx, 'read');
  const entity = viewOf(ctx);
  const entities = ctx.access?.views ?? ctx.model.entities;
  const group = toGroupQuery(params, { entity, entities, me: ctx.userId });
  throwIfIssues([
    ...stageHiddenQueryIssues(ctx.model, ctx.entity, group.list),
    ...stageHiddenGroupIssue(ctx.model, ctx.entity, 'by', group.by.name),
    ...(group.sum ? stageHiddenGroupIssue(ctx.model, ctx.entity, 'sum', group.sum.name) : []),
  ]);
  const rows = (await toGroupSql(ctx.knex, entity, group, ctx.access)) as Record<string, unknown>[];
  return { by: group.by.name, sum: group.sum?.name ?? null, data: toGroupRows(rows, !!group.sum) };
}
