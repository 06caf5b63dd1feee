import type { Knex } from 'knex';
import type { CompiledEntity } from '../model/compile-model.js';
import { quoteIdent } from '../records/quote-ident.js';

const DEMO = 'lodestar_demo_records';

/**
 * Engine migration 020_demo_records: every row `lodestar demo` wrote (records of any entity, and the demo
 * users and org units as entities `lodestar_user` / `lodestar_org_unit`), so they can be removed in one step.
 */
export async function createDemoTables(knex: Knex): Promise<void> {
  await knex.schema.createTable(DEMO, (t) => {
    t.text('entity').notNullable();
    t.uuid('id').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['entity', 'id']);
  });
}

export const DEMO_USER = 'lodestar_user';
export const DEMO_ORG_UNIT = 'lodestar_org_unit';

export async function markDemo(db: Knex, entity: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000)
    await db(DEMO)
      .insert(ids.slice(i, i + 5000).map((id) => ({ entity, id })))
      .onConflict(['entity', 'id'])
      .ignore();
}

/** How many demo rows there are, per entity. */
export async function countDemo(db: Knex): Promise<Map<string, number>> {
  const rows = (await db(DEMO).select('entity').count({ n: '*' }).groupBy('entity')) as {
    entity: string;
    n: unknown;
  }[];
  return new Map(rows.map((row) => [row.entity, Number(row.n)]));
}

export async function demoIds(db: Knex, entity: string): Promise<string[]> {
  return (await db(DEMO).where({ entity }).pluck('id')) as string[];
}

/** Puts records' creation back in time: the year of history the demo tells happened over a year. */
export async function backdateRecords(
  db: Knex,
  entity: CompiledEntity,
  rows: { id: string; at: Date }[],
): Promise<void> {
  const table = quoteIdent(entity.table.name);
  for (let i = 0; i < rows.length; i += 2000) {
    const part = rows.slice(i, i + 2000);
    await db.raw(
      `update ${table} as t set created_at = v.at, updated_at = greatest(t.updated_at, v.at)
         from (select unnest(?::uuid[]) as id, unnest(?::timestamptz[]) as at) as v
        where t.id = v.id`,
      [part.map((r) => r.id), part.map((r) => r.at.toISOString())],
    );
  }
}

/**
 * Records workflow actions created during the demo run (a commission for a payment received): rows of the
 * entity created since `since` that are not marked but refer to a marked record through `field`.
 */
export async function markCreatedByActions(
  db: Knex,
  entity: CompiledEntity,
  field: string,
  target: string,
  since: Date,
): Promise<number> {
  const table = quoteIdent(entity.table.name);
  const column = quoteIdent(field);
  const result = await db.raw(
    `insert into ${DEMO} (entity, id)
     select ?, t.id from ${table} t
      where t.created_at >= ? and t.${column} in (select id from ${DEMO} where entity = ?)
     on conflict do nothing`,
    [entity.id, since.toISOString(), target],
  );
  return (result as { rowCount?: number }).rowCount ?? 0;
}

/**
 * Records workflow actions created and a demo record refers to (the customer a lead was converted into):
 * rows of `target` created since `since`, not marked, whose id a marked row of the entity holds in `field`.
 */
export async function markReferencedByDemo(
  db: Knex,
  entity: CompiledEntity,
  field: string,
  target: CompiledEntity,
  since: Date,
): Promise<number> {
  const table = quoteIdent(entity.table.name);
  const column = quoteIdent(field);
  const result = await db.raw(
    `insert into ${DEMO} (entity, id)
     select distinct ?, r.id from ${quoteIdent(target.table.name)} r
       join ${table} t on t.${column} = r.id
      where r.created_at >= ? and t.id in (select id from ${DEMO} where entity = ?)
     on conflict do nothing`,
    [target.id, since.toISOString(), entity.id],
  );
  return (result as { rowCount?: number }).rowCount ?? 0;
}

/** Marked rows of an entity whose ids are not in `known`: those workflow actions made during the load. */
export async function demoRowsBesides(
  db: Knex,
  entity: CompiledEntity,
  known: string[],
): Promise<Record<string, unknown>[]> {
  const table = quoteIdent(entity.table.name);
  const result = await db.raw(
    `select t.* from ${table} t
      where t.id in (select id from ${DEMO} where entity = ?) and not (t.id = any(?::uuid[]))`,
    [entity.id, known],
  );
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/** Deletes an entity's demo rows and forgets them; answers how many went. */
export async function deleteDemoRecords(trx: Knex, entity: CompiledEntity): Promise<number> {
  const table = quoteIdent(entity.table.name);
  const result = await trx.raw(`delete from ${table} where id in (select id from ${DEMO} where entity = ?)`, [
    entity.id,
  ]);
  await trx(DEMO).where({ entity: entity.id }).del();
  return (result as { rowCount?: number }).rowCount ?? 0;
}

/** Forgets the marks of one kind of row (after its owner deleted the rows). */
export async function forgetDemo(trx: Knex, entity: string): Promise<void> {
  await trx(DEMO).where({ entity }).del();
}
