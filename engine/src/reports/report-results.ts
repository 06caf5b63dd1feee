import type {
  CompletedStays,
  CurrentStays,
  ForecastReport,
  FunnelReport,
  FunnelStage,
  ReportHeader,
  StageLabel,
  TimeInStageReport,
  WinRateReport,
} from '@lodestar/core';
import type { ReportFilters } from './params.js';
import { funnelStages, type Stage } from './stages.js';
import type { ReportTarget } from './target.js';

/*
 * Rows of the report queries (report-sql.ts) → response bodies. Definitions are stated here once and sent
 * with every response as `definition`, so a dashboard can show what a number means.
 */

export const DEFINITIONS = {
  funnel:
    'Records: those of the entity with history in this workflow, created (created_at, UTC) within the period. ' +
    'Funnel order: states with an open outcome in definition order, then won states. A record reached a stage when it ' +
    'entered that stage: a history row into it (under its current or former name, `meta.renamedFrom`), or its current ' +
    'state. A stage the record skipped, or one added after the record passed by, does not count it, so a later stage may ' +
    'count more than an earlier one. conversion = count / count of the previous stage; conversionFromFirst = ' +
    'count / count of the first stage. Lost states are not funnel stages: `lost` counts records whose current state is ' +
    'lost (they also count in the stages they entered). Amounts are the current values of the amount field.',
  timeInStage:
    'A stay is the time between a stage-change history row (from_state differs from to_state, workflow start included) ' +
    "and the record's next stage-change row, in history order. Completed stays have both ends; current stays have no next " +
    'row yet, and their age is measured at asOf. Stays in final states are not measured. Owner = owner_id of the row that ' +
    'started the stay. The period selects stays that started (entered the stage) within it, UTC days.',
  forecast:
    'Open: records whose current state has an open outcome, grouped by the month (YYYY-MM) of the close-date field; ' +
    'weightedAmount = amount × probability of the current state (a state without probability weighs 0). Won: records ' +
    'whose current state is won, grouped by the UTC month they entered it (from history; their close date when history ' +
    'has no such row). The period selects on those dates (close date, won date), inclusive. month null = no date.',
  winRate:
    'Among records whose last entry into a won or lost state falls within the period (UTC days): ' +
    'winRate = won / (won + lost). Cycle length = days from the latest workflow start row (from_state null) before ' +
    'that outcome row to the outcome row.',
} as const;

// The answers' shapes are core's (report-answers.ts): the dashboard reads the same types.

function header(target: ReportTarget, filters: ReportFilters): ReportHeader {
  return {
    workflow: target.workflow,
    entity: target.entity,
    filters: {
      owner: filters.owner ?? null,
      recordType: filters.recordType ?? null,
      from: filters.from ?? null,
      to: filters.to ?? null,
    },
  };
}

const stageLabel = (s: Stage): StageLabel => ({
  state: s.state,
  title: s.title,
  outcome: s.outcome,
  probability: s.probability,
});

// ---------------------------------------------------------------------------------------------- funnel

export interface FunnelRow {
  kind: 'stage' | 'lost' | 'total';
  state: string | null;
  count: number;
  amount: number | null;
}

/** One funnel stage of the answer (core's FunnelStage). */
export type FunnelStageJson = FunnelStage;

export function toFunnelJson(target: ReportTarget, filters: ReportFilters, rows: readonly FunnelRow[]): FunnelReport {
  const amountOf = (row: FunnelRow | undefined) => (target.amountField ? (row?.amount ?? 0) : null);
  const find = (kind: FunnelRow['kind'], state: string | null) =>
    rows.find((r) => r.kind === kind && r.state === state);
  const counts: number[] = [];
  const stages: FunnelStageJson[] = funnelStages(target.stages).map((stage, i) => {
    const row = find('stage', stage.state);
    const count = row?.count ?? 0;
    counts.push(count);
    return {
      ...stageLabel(stage),
      count,
      amount: amountOf(row),
      conversion: i === 0 ? null : ratio(count, counts[i - 1]!),
      conversionFromFirst: i === 0 ? null : ratio(count, counts[0]!),
    };
  });
  const lost = target.stages
    .filter((s) => s.outcome === 'lost')
    .map((stage) => {
      const row = find('lost', stage.state);
      return { state: stage.state, title: stage.title, count: row?.count ?? 0, amount: amountOf(row) };
    });
  const total = find('total', null);
  return {
    ...header(target, filters),
    amountField: target.amountField ?? null,
    period: 'record created_at',
    definition: DEFINITIONS.funnel,
    total: { count: total?.count ?? 0, amount: amountOf(total) },
    stages,
    lost,
  };
}

// ---------------------------------------------------------------------------------------- time in stage

export interface TimeInStageRow {
  state: string;
  completed: boolean;
  owner_id: string | null;
  by_owner: boolean;
  count: number;
  mean: number | null;
  median: number | null;
}

export function toTimeInStageJson(
  target: ReportTarget,
  filters: ReportFilters,
  asOf: string,
  rows: readonly TimeInStageRow[],
): TimeInStageReport {
  const completed = (row: TimeInStageRow | undefined): CompletedStays => ({
    count: row?.count ?? 0,
    meanHours: row?.mean ?? null,
    medianHours: row?.median ?? null,
  });
  const current = (row: TimeInStageRow | undefined): CurrentStays => ({
    count: row?.count ?? 0,
    meanAgeHours: row?.mean ?? null,
    medianAgeHours: row?.median ?? null,
  });
  const stages = target.stages
    .filter((s) => !s.final)
    .map((stage) => {
      const mine = rows.filter((r) => r.state === stage.state);
      const overall = (done: boolean) => mine.find((r) => !r.by_owner && r.completed === done);
      const owners = [...new Set(mine.filter((r) => r.by_owner).map((r) => r.owner_id))].sort(compareNullLast);
      return {
        ...stageLabel(stage),
        completed: completed(overall(true)),
        current: current(overall(false)),
        byOwner: owners.map((owner) => {
          const of = (done: boolean) => mine.find((r) => r.by_owner && r.owner_id === owner && r.completed === done);
          return { ownerId: owner, completed: completed(of(true)), current: current(of(false)) };
        }),
      };
    });
  return {
    ...header(target, filters),
    unit: 'hours',
    asOf,
    period: 'stay entered_at',
    definition: DEFINITIONS.timeInStage,
    stages,
  };
}

// --------------------------------------------------------------------------------------------- forecast

export interface ForecastRow {
  kind: 'open' | 'won';
  month: string | null;
  count: number;
  amount: number | null;
  weighted: number | null;
}

export function toForecastJson(
  target: ReportTarget,
  filters: ReportFilters,
  rows: readonly ForecastRow[],
): ForecastReport {
  const money = (value: number | null | undefined) => (target.amountField ? (value ?? 0) : null);
  const open = (row: ForecastRow | undefined) => ({
    count: row?.count ?? 0,
    amount: money(row?.amount),
    weightedAmount: money(row?.weighted),
  });
  const won = (row: ForecastRow | undefined) => ({ count: row?.count ?? 0, amount: money(row?.amount) });
  const months = [...new Set(rows.map((r) => r.month))].sort(compareNullLast).map((month) => ({
    month,
    open: open(rows.find((r) => r.kind === 'open' && r.month === month)),
    won: won(rows.find((r) => r.kind === 'won' && r.month === month)),
  }));
  const sum = (kind: ForecastRow['kind'], key: 'count' | 'amount' | 'weighted') =>
    rows.filter((r) => r.kind === kind).reduce((total, r) => total + (r[key] ?? 0), 0);
  return {
    ...header(target, filters),
    amountField: target.amountField ?? null,
    closeDateField: target.closeDate?.field ?? null,
    period: 'close date (open), won date (won)',
    definition: DEFINITIONS.forecast,
    months,
    totals: {
      open: {
        count: sum('open', 'count'),
        amount: money(sum('open', 'amount')),
        weightedAmount: money(sum('open', 'weighted')),
      },
      won: { count: sum('won', 'count'), amount: money(sum('won', 'amount')) },
    },
  };
}

// --------------------------------------------------------------------------------------------- win rate

export interface WinRateRow {
  outcome: 'won' | 'lost' | null;
  by_outcome: boolean;
  count: number;
  amount: number | null;
  mean: number | null;
  median: number | null;
}

export function toWinRateJson(
  target: ReportTarget,
  filters: ReportFilters,
  rows: readonly WinRateRow[],
): WinRateReport {
  const part = (row: WinRateRow | undefined) => ({
    count: row?.count ?? 0,
    amount: target.amountField ? (row?.amount ?? 0) : null,
    averageCycleDays: row?.mean ?? null,
    medianCycleDays: row?.median ?? null,
  });
  const won = part(rows.find((r) => r.by_outcome && r.outcome === 'won'));
  const lost = part(rows.find((r) => r.by_outcome && r.outcome === 'lost'));
  const all = rows.find((r) => !r.by_outcome);
  return {
    ...header(target, filters),
    amountField: target.amountField ?? null,
    period: 'outcome row at',
    definition: DEFINITIONS.winRate,
    decided: won.count + lost.count,
    winRate: ratio(won.count, won.count + lost.count),
    averageCycleDays: all?.mean ?? null,
    medianCycleDays: all?.median ?? null,
    won,
    lost,
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function compareNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
