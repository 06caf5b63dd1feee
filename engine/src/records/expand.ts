import type { Knex } from 'knex';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { attributesOf } from './attributes.js';
import type { SqlCondition } from '../permissions/scope-condition.js';
import { selectRecords } from './records-repo.js';
import { recordNames, toRecordJson } from './serialize.js';
import { withoutStageHidden } from './stage-fields.js';
import { expandUsers } from './expand-users.js';
import { linkIds } from './link-attributes.js';
import type { RecordJson } from './types.js';

/**
 * Replaces relation ids in `records` with the related records, in place: a many-to-one id becomes an
 * object (or null), a many-to-many id list an array of objects. One query per expanded field, within
 * the actor's read scope on the related entity and showing only its visible fields; a related record
 * the actor may not read stays a bare `{ id, restricted: true }`, so the link shows but nothing more.
 */
export async function expandRecords(
  ctx: { knex: Knex; model: Model; entity: CompiledEntity; access?: ModelAccess | undefined },
  records: RecordJson[],
  expand: string[],
): Promise<void> {
  const { byName } = attributesOf(ctx.entity);
  for (const name of expand) {
    const attribute = byName.get(name)!;
    if (attribute.kind === 'user') {
      await expandUsers(ctx.knex, records, name);
      continue;
    }
    const target = ctx.access ? ctx.access.views.get(attribute.target!) : ctx.model.entities.get(attribute.target!)!;
    const ids = new Set<string>();
    for (const record of records) for (const id of idsIn(record[name])) ids.add(id);
    const condition = ctx.access?.condition(attribute.target!, 'read');
    const related =
      ids.size && target ? await loadById(ctx, target, [...ids], condition) : new Map<string, RecordJson>();
    const toRelated = (id: string) => related.get(id) ?? (ctx.access ? { id, restricted: true } : undefined);
    for (const record of records) {
      const value = record[name];
      record[name] = Array.isArray(value)
        ? value.map((item: unknown) => withLink(toRelated(linkIds([item])[0]!), item)).filter((r) => r !== undefined)
        : typeof value === 'string'
          ? (toRelated(value) ?? null)
          : null;
    }
  }
}

/** An expanded link keeps its attributes beside the related record, under a name no field can have. */
function withLink(related: RecordJson | undefined, item: unknown): RecordJson | undefined {
  if (!related || typeof item !== 'object' || item === null) return related;
  const { id: _id, ...attributes } = item as Record<string, unknown>;
  return { ...related, link_attributes: attributes };
}

function idsIn(value: unknown): string[] {
  if (Array.isArray(value)) return linkIds(value);
  return typeof value === 'string' ? [value] : [];
}

async function loadById(
  { knex, model }: { knex: Knex; model: Model },
  entity: CompiledEntity,
  ids: string[],
  condition?: SqlCondition,
): Promise<Map<string, RecordJson>> {
  const names = recordNames(entity);
  const rows = await selectRecords(knex, entity, ids, condition);
  return new Map(rows.map((row) => [row.id as string, withoutStageHidden(model, entity, toRecordJson(row, names))]));
}
