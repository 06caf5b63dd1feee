import type { Knex } from 'knex';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { attributesOf } from './attributes.js';
import { selectRecords } from './records-repo.js';
import { recordNames, toRecordJson } from './serialize.js';
import type { RecordJson } from './types.js';

/**
 * Replaces relation ids in `records` with the related records, in place: a many-to-one id becomes an
 * object (or null), a many-to-many id list an array of objects. One query per expanded field.
 */
export async function expandRecords(
  ctx: { knex: Knex; model: Model; entity: CompiledEntity },
  records: RecordJson[],
  expand: string[],
): Promise<void> {
  const { byName } = attributesOf(ctx.entity);
  for (const name of expand) {
    const attribute = byName.get(name)!;
    const target = ctx.model.entities.get(attribute.target!)!;
    const ids = new Set<string>();
    for (const record of records) for (const id of idsIn(record[name])) ids.add(id);
    const related = ids.size ? await loadById(ctx.knex, target, [...ids]) : new Map<string, RecordJson>();
    for (const record of records) {
      const value = record[name];
      record[name] = Array.isArray(value)
        ? value.map((id: string) => related.get(id)).filter((r) => r !== undefined)
        : typeof value === 'string' ? (related.get(value) ?? null) : null;
    }
  }
}

function idsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  return typeof value === 'string' ? [value] : [];
}

async function loadById(knex: Knex, entity: CompiledEntity, ids: string[]): Promise<Map<string, RecordJson>> {
  const names = recordNames(entity);
  const rows = await selectRecords(knex, entity, ids);
  return new Map(rows.map((row) => [row.id as string, toRecordJson(row, names)]));
}
