import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/support/paths.js';
import type { EntityDefinition } from '../definitions/entity.js';
import { readFolder } from '../definitions/read-folder.js';
import { compileModel, type Model } from '../model/compile-model.js';
import { accessFor } from '../permissions/model-access.js';
import type { Day } from './day.js';
import { planMyDay, stuckCondition, type PlanInput } from './plan.js';

const ME = '11111111-2222-4333-8444-555555555555';
const NOW = new Date('2026-03-10T04:00:00.000Z');
const DAY: Day = { today: '2026-03-10', start: '2026-03-09T16:00:00.000Z', end: '2026-03-10T16:00:00.000Z' };
let model: Model;

beforeAll(async () => {
  model = compileModel((await readFolder(REPO_ROOT)).set, 1, 'default');
});

const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  model,
  ownerId: ME,
  readable: model.entities,
  scope: () => undefined,
  day: DAY,
  now: NOW,
  ...overrides,
});
const summary = (plan: ReturnType<typeof planMyDay>) => plan.map((q) => `${q.list}:${q.entity.id}:${q.at}`).sort();

describe('planMyDay', () => {
  it('plans agenda lists for agenda entities and SLA / stuck lists for workflow entities, from definitions', () => {
    expect(summary(planMyDay(input()))).toEqual([
      'due:activity:plannedStart',
      'overdue:activity:plannedStart',
      'reminders:activity:remindAt',
      'slaBreached:customer:sla_breached_at',
      'slaBreached:opportunity:sla_breached_at',
      'slaBreached:serviceRequest:sla_breached_at',
      'stuck:customer:state_entered_at',
      'stuck:opportunity:state_entered_at',
      'stuck:serviceRequest:state_entered_at',
    ]);
  });

  it('binds the owner, the day and the open values', () => {
    const plan = planMyDay(input());
    const due = plan.find((q) => q.list === 'due')!;
    expect(due.condition.sql).toBe(
      '(t.owner_id = ?) and ((t."plannedStart" >= ? and t."plannedStart" < ?) and (t."status" in (?, ?)))',
    );
    expect(due.condition.bindings).toEqual([ME, DAY.start, DAY.end, 'planned', 'inProgress']);
    const overdue = plan.find((q) => q.list === 'overdue')!;
    expect(overdue.condition.bindings).toEqual([ME, DAY.start, 'planned', 'inProgress']);
    const sla = plan.find((q) => q.list === 'slaBreached' && q.entity.id === 'opportunity')!;
    expect(sla.condition.sql).toContain('t.sla_breached_at is not null');
    expect(sla.condition.bindings).toEqual([ME, 'contractSigned', 'lost']);
  });

  it('compares a date due field with the date itself', () => {
    const activity = model.entities.get('activity')!;
    const definition = structuredClone(activity.definition) as EntityDefinition;
    definition.properties.plannedStart = { type: 'string', format: 'date' };
    const dated = compileModel(
      { ...model.set, entities: model.set.entities.map((e) => (e.$id === 'activity' ? definition : e)) },
      2,
      'dated',
    );
    const plan = planMyDay(input({ model: dated, readable: dated.entities }));
    expect(plan.find((q) => q.list === 'due')!.condition.bindings).toEqual([ME, '2026-03-10', 'planned', 'inProgress']);
    expect(plan.find((q) => q.list === 'overdue')!.condition.bindings).toEqual([
      ME,
      '2026-03-10',
      'planned',
      'inProgress',
    ]);
  });

  it("adds the caller's read scope and plans only the entities they read", () => {
    const actor = { id: ME, roles: ['salesperson'], orgUnitId: null };
    const access = accessFor(model, actor)!;
    const plan = planMyDay(input({ readable: access.views, scope: (id) => access.condition(id, 'read') }));
    expect(new Set(plan.map((q) => q.entity.id))).toEqual(new Set(['activity', 'customer', 'opportunity']));
    expect(plan.every((q) => q.condition.sql.startsWith('((t.owner_id = ?) and (t.owner_id = ?))'))).toBe(true);
  });

  it('drops a list whose field is hidden from the caller', () => {
    const activity = model.entities.get('activity')!;
    const fields = new Map(activity.fields);
    fields.delete('remindAt');
    const view = { ...activity, fields };
    const plan = planMyDay(input({ readable: new Map([['activity', view]]) }));
    expect(summary(plan)).toEqual(['due:activity:plannedStart', 'overdue:activity:plannedStart']);
  });
});

describe('stuckCondition', () => {
  it('limits each non-final state by its own stuckAfter, counted back from now', () => {
    const condition = stuckCondition(model, model.entities.get('serviceRequest')!, NOW)!;
    const pairs: [unknown, unknown][] = [];
    for (let i = 0; i < condition.bindings.length; i += 2)
      pairs.push([condition.bindings[i], condition.bindings[i + 1]]);
    expect(pairs).toContainEqual(['created', '2026-03-10T02:00:00.000Z']); // PT2H
    expect(pairs).toContainEqual(['inProgress', '2026-03-09T04:00:00.000Z']); // P1D
    expect(pairs.map(([state]) => state)).not.toContain('surveyed'); // final
  });

  it('is undefined for an entity whose workflow declares no limits', () => {
    const noLimits = structuredClone(model.set);
    for (const workflow of noLimits.workflows)
      for (const state of Object.values(workflow.states)) delete state.meta?.stuckAfter;
    const bare = compileModel(noLimits, 3, 'bare');
    expect(stuckCondition(bare, bare.entities.get('opportunity')!, NOW)).toBeUndefined();
    expect(
      summary(planMyDay(input({ model: bare, readable: bare.entities }))).filter((s) => s.startsWith('stuck')),
    ).toEqual([]);
  });
});
