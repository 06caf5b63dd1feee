import { describe, expect, it } from 'vitest';
import { checkDemoShape, type EntitySpec } from './demo-spec.js';
import { generateRecords, planWalks, type GenerateContext, type PoolRecord } from './generate.js';
import { createRandom } from './prng.js';

const NOW = new Date('2026-06-30T04:00:00Z');

function context(seed: number): GenerateContext {
  return {
    random: createRandom(seed),
    now: NOW,
    users: [{ key: 'a', id: 'u1', roles: ['salesperson'], managerId: null }],
    pools: new Map(),
    byId: new Map(),
    names: new Set(),
  };
}

const CUSTOMERS: EntitySpec = {
  entity: 'customer',
  count: 50,
  owner: { roles: ['salesperson'] },
  created: { daysAgo: [0, 365] },
  fields: {
    name: {
      companyName: { cities: ['上海', '杭州'], brands: ['华信', '恒达'], industries: ['贸易'], suffixes: ['有限公司'] },
    },
    level: { pick: { key: 1, normal: 3 } },
    amount: { number: { min: 1000, max: 9000, step: 100 } },
    note: { pick: ['x'], optional: 1 },
  },
};

describe('demo specs', () => {
  it('point at the member that breaks the meta-schema, in both languages', () => {
    const issues = checkDemoShape('demo/10-customer.json', {
      entity: 'customer',
      count: 5,
      created: { daysAgo: [0, 365] },
      fields: { level: { pick: [] } },
    });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.file === 'demo/10-customer.json')).toBe(true);
    expect(issues.map((i) => i.pointer)).toContain('/fields/level/pick');
    expect(issues[0]!.i18n?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(checkDemoShape('f.json', CUSTOMERS)).toEqual([]);
  });

  it('generate the same records from the same seed, and others from another', () => {
    const one = generateRecords(CUSTOMERS, context(7));
    expect(generateRecords(CUSTOMERS, context(7))).toEqual(one);
    expect(generateRecords(CUSTOMERS, context(8))).not.toEqual(one);
    expect(one).toHaveLength(50);
    for (const record of one) {
      expect(record.values.name).toMatch(/^(上海|杭州)(华信|恒达)贸易有限公司$/);
      expect(['key', 'normal']).toContain(record.values.level);
      expect((record.values.amount as number) % 100).toBe(0);
      expect(record.values.note).toBeUndefined();
      expect(record.ownerId).toBe('u1');
      expect(record.created.getTime()).toBeLessThan(NOW.getTime());
      expect(record.created.getTime()).toBeGreaterThan(NOW.getTime() - 366 * 86_400_000);
    }
  });

  it('make children of each parent after it, and walks that stop before today', () => {
    const ctx = context(1);
    const parents: PoolRecord[] = generateRecords(CUSTOMERS, ctx).map((p, i) => ({ ...p, id: `c${i}` }));
    ctx.pools.set('customer', parents);
    for (const p of parents) ctx.byId.set(p.id, p);
    const contacts = generateRecords(
      {
        entity: 'contact',
        per: { entity: 'customer', field: 'customer', count: [2, 2] },
        owner: { from: 'customer' },
        created: { after: 'customer', days: [0, 30] },
        fields: { region: { copy: 'customer.level' } },
      },
      ctx,
    );
    expect(contacts).toHaveLength(100);
    for (const c of contacts) {
      const parent = ctx.byId.get(c.values.customer as string)!;
      expect(c.values.region).toBe(parent.values.level);
      expect(c.created.getTime()).toBeGreaterThanOrEqual(parent.created.getTime() - 86_400_000);
      expect(c.created.getTime()).toBeLessThan(NOW.getTime());
    }
    const walks = planWalks(
      { walk: 'customer', paths: [{ weight: 1, steps: [{ event: 'ACTIVATE', days: [100, 100] }] }] },
      ctx,
    );
    for (const w of walks) expect(w.steps[0]!.at.getTime()).toBeLessThan(NOW.getTime());
    expect(walks.length).toBeGreaterThan(0);
    expect(walks.length).toBeLessThan(50);
  });
});
