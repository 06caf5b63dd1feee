import { describe, expect, it } from 'vitest';
import { planWorkers } from './worker-count.js';

const PG = { databaseUrl: 'postgres://x/y' };
const PGLITE = { dataDir: '/tmp/data' };

describe('planWorkers', () => {
  it('runs one process per core on PostgreSQL unless told otherwise', () => {
    expect(planWorkers(undefined, PG, 8)).toEqual({ count: 8 });
    expect(planWorkers(3, PG, 8)).toEqual({ count: 3 });
    expect(planWorkers(0, PG, 8)).toEqual({ count: 1 });
  });

  it('keeps the embedded database in one process and says why when more were asked', () => {
    expect(planWorkers(undefined, PGLITE, 8)).toEqual({ count: 1 });
    const plan = planWorkers(4, PGLITE, 8);
    expect(plan.count).toBe(1);
    expect(plan.note?.en).toMatch(/PostgreSQL/);
    expect(plan.note?.zh).toMatch(/内置数据库/);
  });
});
