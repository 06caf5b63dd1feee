import type { Knex } from 'knex';
import type { CompiledEntity, Model } from '../../model/compile-model.js';
import { isRecordId } from '../../records/record-id.js';
import { selectRecord } from '../../records/records-repo.js';
import type { RecordJson } from '../../records/types.js';

/**
 * The record a many-to-one path names from `record` (`opportunity.customer`: the opportunity's customer),
 * read hop by hop by id; undefined when a hop is blank. Validation made every hop a many-to-one field.
 */
export async function followRelation(
  db: Knex,
  model: Model,
  entity: CompiledEntity,
  record: RecordJson,
  path: readonly string[],
): Promise<{ entity: CompiledEntity; id: string } | undefined> {
  let at = entity;
  let id = record[path[0]!];
  for (let i = 0; ; i++) {
    if (typeof id !== 'string' || !isRecordId(id)) return undefined;
    at = model.entities.get(at.definition.properties[path[i]!]!['x-relation']!.entity)!;
    if (i === path.length - 1) return { entity: at, id };
    const row = await selectRecord(db, at, { id, fields: [path[i + 1]!] });
    id = row?.[path[i + 1]!];
  }
}
