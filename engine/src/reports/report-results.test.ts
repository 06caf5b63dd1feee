import { describe, expect, it } from 'vitest';
import { toForecastJson, toFunnelJson, toTimeInStageJson, toWinRateJson } from './report-results.js';
import type { Stage } from './stages.js';
import type { ReportTarget } from './target.js';

const stage = (state: string, outcome: Stage['outcome'], funnelPosition: number | null, final = false): Stage => ({
  state,
  title: state.toUpperCase(),
  outcome,
  probability: null,
  final,
  funnelPosition,
  names: [state],
});
const target: ReportTarget = {
  workflow: 'sales',
  entity: 'opportunity',
  table: 'opportunity',
  recordTypes: [],
  amountField: 'amount',
  stages: [
    stage('a', 'open', 1),
    stage('b', 'open', 2),
    stage('c', 'open', 3),
    stage('won', 'won', 4, true),
    stage('lost', 'lost', null, true),
  ],
};
const { amountField: _, ...noAmount } = target;

describe('toFunnelJson', () => {
  it('keeps funnel order, fills missing stages with zero, and computes conversions (null after an empty stage)', () => {
    const body = toFunnelJson(target, {}, [
      { kind: 'stage', state: 'won', count: 1, amount: 10 },
      { kind: 'stage', state: 'a', count: 4, amount: 100 },
      { kind: 'stage', state: 'b', count: 0, amount: null },
      { kind: 'lost', state: 'lost', count: 2, amount: 30 },
      { kind: 'total', state: null, count: 4, amount: 100 },
    ]);
    expect(body.stages.map((s) => [s.state, s.count, s.amount, s.conversion, s.conversionFromFirst])).toEqual([
      ['a', 4, 100, null, null],
      ['b', 0, 0, 0, 0],
      ['c', 0, 0, null, 0],
      ['won', 1, 10, null, 0.25],
    ]);
    expect(body.lost).toEqual([{ state: 'lost', title: 'LOST', count: 2, amount: 30 }]);
    expect(body.total).toEqual({ count: 4, amount: 100 });
    expect(body.filters).toEqual({ owner: null, recordType: null, from: null, to: null });
  });

  it('answers null amounts without an amount field', () => {
    const body = toFunnelJson(noAmount, {}, [{ kind: 'stage', state: 'a', count: 1, amount: null }]);
    expect(body.stages[0]).toMatchObject({ count: 1, amount: null });
    expect(body.total).toEqual({ count: 0, amount: null });
    expect(body.amountField).toBeNull();
  });
});

describe('toTimeInStageJson', () => {
  it('skips final states and splits completed, current and per-owner rows', () => {
    const body = toTimeInStageJson(target, {}, '2024-06-01T00:00:00.000Z', [
      { state: 'a', completed: true, owner_id: null, by_owner: false, count: 2, mean: 5, median: 5 },
      { state: 'a', completed: false, owner_id: null, by_owner: false, count: 1, mean: 9, median: 9 },
      { state: 'a', completed: true, owner_id: 'u2', by_owner: true, count: 1, mean: 4, median: 4 },
      { state: 'a', completed: true, owner_id: null, by_owner: true, count: 1, mean: 6, median: 6 },
      { state: 'a', completed: false, owner_id: 'u1', by_owner: true, count: 1, mean: 9, median: 9 },
    ]);
    expect(body.stages.map((s) => s.state)).toEqual(['a', 'b', 'c']);
    const a = body.stages[0]!;
    expect(a.completed).toEqual({ count: 2, meanHours: 5, medianHours: 5 });
    expect(a.current).toEqual({ count: 1, meanAgeHours: 9, medianAgeHours: 9 });
    expect(a.byOwner.map((o) => [o.ownerId, o.completed.count, o.current.count])).toEqual([
      ['u1', 0, 1],
      ['u2', 1, 0],
      [null, 1, 0],
    ]);
    expect(body.stages[1]).toMatchObject({ completed: { count: 0, meanHours: null, medianHours: null }, byOwner: [] });
  });
});

describe('toForecastJson', () => {
  it('merges open and won rows by month, sorted, with no month last, and totals', () => {
    const body = toForecastJson(target, {}, [
      { kind: 'won', month: '2024-01', count: 1, amount: 50, weighted: null },
      { kind: 'open', month: null, count: 1, amount: null, weighted: null },
      { kind: 'open', month: '2024-03', count: 2, amount: 300, weighted: 120 },
      { kind: 'won', month: '2024-03', count: 1, amount: 70, weighted: null },
    ]);
    expect(body.months).toEqual([
      { month: '2024-01', open: { count: 0, amount: 0, weightedAmount: 0 }, won: { count: 1, amount: 50 } },
      { month: '2024-03', open: { count: 2, amount: 300, weightedAmount: 120 }, won: { count: 1, amount: 70 } },
      { month: null, open: { count: 1, amount: 0, weightedAmount: 0 }, won: { count: 0, amount: 0 } },
    ]);
    expect(body.totals).toEqual({
      open: { count: 3, amount: 300, weightedAmount: 120 },
      won: { count: 2, amount: 120 },
    });
    expect(toForecastJson(noAmount, {}, []).totals).toEqual({
      open: { count: 0, amount: null, weightedAmount: null },
      won: { count: 0, amount: null },
    });
  });
});

describe('toWinRateJson', () => {
  it('computes the rate from the outcome rows and takes the overall cycle from the grand-total row', () => {
    const body = toWinRateJson(target, {}, [
      { outcome: 'won', by_outcome: true, count: 1, amount: 100, mean: 10, median: 10 },
      { outcome: 'lost', by_outcome: true, count: 3, amount: 30, mean: 2, median: 1 },
      { outcome: null, by_outcome: false, count: 4, amount: 130, mean: 4, median: 1.5 },
    ]);
    expect(body).toMatchObject({ decided: 4, winRate: 0.25, averageCycleDays: 4, medianCycleDays: 1.5 });
    expect(body.won).toEqual({ count: 1, amount: 100, averageCycleDays: 10, medianCycleDays: 10 });
    expect(toWinRateJson(target, {}, [])).toMatchObject({ decided: 0, winRate: null, averageCycleDays: null });
  });
});
