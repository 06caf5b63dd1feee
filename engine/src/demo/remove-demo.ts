import type { Knex } from 'knex';
import { deleteUsersAndUnits } from '../identity/users-repo.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { countDemo, deleteDemoRecords, demoIds, DEMO_ORG_UNIT, DEMO_USER, forgetDemo } from './demo-repo.js';

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Removes every demo row in one transaction: the records (those that refer to others first, so no foreign
 * key is left pointing at a deleted row), then the demo users and org units. Answers the count per entity.
 */
export async function removeDemo(knex: Knex, model: Model): Promise<Record<string, number>> {
  return knex.transaction(async (trx) => {
    const marked = await countDemo(trx);
    const removed: Record<string, number> = {};
    const entities = [...model.entities.values()].filter((e) => marked.has(e.id));
    // Two entities may refer to each other (a payment and its commission): what a restricting key holds back
    // now goes in a later round, once the rows referring to it are gone.
    let pending = deleteOrder(entities);
    while (pending.length) {
      const held: CompiledEntity[] = [];
      let refusal: unknown;
      for (const entity of pending)
        try {
          removed[entity.id] = await trx.transaction((sp) => deleteDemoRecords(sp, entity));
        } catch (error) {
          if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
          held.push(entity);
          refusal = error;
        }
      if (held.length === pending.length) throw refusal;
      pending = held;
    }
    const users = await demoIds(trx, DEMO_USER);
    const units = await demoIds(trx, DEMO_ORG_UNIT);
    await deleteUsersAndUnits(trx, users, units);
    await forgetDemo(trx, DEMO_USER);
    await forgetDemo(trx, DEMO_ORG_UNIT);
    if (users.length) removed[DEMO_USER] = users.length;
    if (units.length) removed[DEMO_ORG_UNIT] = units.length;
    return removed;
  });
}

/** Entities that refer to others before the ones they refer to (a cycle is broken where it closes). */
function deleteOrder(entities: CompiledEntity[]): CompiledEntity[] {
  const ids = new Set(entities.map((e) => e.id));
  const order: CompiledEntity[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const byId = new Map(entities.map((e) => [e.id, e]));
  // Depth-first over "is referred to by": an entity goes after everything that refers to it.
  const referrers = (id: string) =>
    entities.filter((e) => e.id !== id && e.table.columns.some((c) => c.references?.table === id));
  const visit = (entity: CompiledEntity) => {
    state.set(entity.id, 'open');
    for (const referrer of referrers(entity.id)) if (!state.has(referrer.id)) visit(referrer);
    state.set(entity.id, 'done');
    order.push(entity);
  };
  for (const entity of entities) if (!state.has(entity.id) && ids.has(entity.id)) visit(byId.get(entity.id)!);
  return order;
}
