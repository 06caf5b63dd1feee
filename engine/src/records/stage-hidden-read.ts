import { selectRecord } from './records-repo.js';
import { hiddenSomewhere, stageRulesFor } from './stage-fields.js';
import type { RecordContext } from './types.js';

/**
 * The fields the stage a stored record is in hides (empty when no stage of its entity hides any, at no
 * cost): for reads that do not go through the record itself, such as its audit trail.
 */
export async function hiddenByStage(ctx: RecordContext, id: string): Promise<ReadonlySet<string>> {
  if (!hiddenSomewhere(ctx.model, ctx.entity).size) return new Set();
  const fields = ['id', 'state', ...(ctx.entity.recordTypes.length ? ['record_type'] : [])];
  const row = await selectRecord(ctx.knex, ctx.entity, { id, fields });
  if (!row) return new Set();
  return (
    stageRulesFor(ctx.model, ctx.entity, row.record_type as string | null, row.state as string | null)?.hidden ??
    new Set()
  );
}
