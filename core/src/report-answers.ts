import type { LocalizedText } from './definitions/types.js';

/*
 * What the report routes answer (`GET /reports/{workflow}/…`): engine reports/report-results.ts builds these,
 * the runtime UI's dashboard draws them. Counts are whole numbers; amounts are null without an amount field.
 */

/** A stage's outcome (`meta.outcome`); absent in the definition means open. */
export type StageOutcome = 'open' | 'won' | 'lost';

/** Which workflow was reported on, and the filters that narrowed it. */
export interface ReportHeader {
  workflow: string;
  entity: string;
  filters: { owner: string | null; recordType: string | null; from: string | null; to: string | null };
}

/** Which records a report's period selects on, and what its numbers mean, in words. */
export interface ReportMeaning {
  period: string;
  definition: string;
}

export interface StageLabel {
  state: string;
  title: LocalizedText | null;
  outcome: StageOutcome;
  probability: number | null;
}

export interface CountAndAmount {
  /** @integer */
  count: number;
  amount: number | null;
}

export interface FunnelStage extends StageLabel, CountAndAmount {
  /** count / count of the previous stage (null for the first, or after an empty stage). */
  conversion: number | null;
  conversionFromFirst: number | null;
}

export interface FunnelReport extends ReportHeader, ReportMeaning {
  amountField: string | null;
  total: CountAndAmount;
  stages: FunnelStage[];
  /** Records whose current state is lost, per lost state. */
  lost: (CountAndAmount & { state: string; title: LocalizedText | null })[];
}

export interface CompletedStays {
  /** @integer */
  count: number;
  meanHours: number | null;
  medianHours: number | null;
}

export interface CurrentStays {
  /** @integer */
  count: number;
  meanAgeHours: number | null;
  medianAgeHours: number | null;
}

export interface StageStays {
  completed: CompletedStays;
  current: CurrentStays;
}

export interface TimeInStageReport extends ReportHeader, ReportMeaning {
  unit: 'hours';
  asOf: string;
  stages: (StageLabel & StageStays & { byOwner: (StageStays & { ownerId: string | null })[] })[];
}

export interface OpenForecast extends CountAndAmount {
  /** amount × the current state's probability. */
  weightedAmount: number | null;
}

export interface ForecastReport extends ReportHeader, ReportMeaning {
  amountField: string | null;
  closeDateField: string | null;
  /** By month (YYYY-MM; null: no date), oldest first. */
  months: { month: string | null; open: OpenForecast; won: CountAndAmount }[];
  totals: { open: OpenForecast; won: CountAndAmount };
}

export interface OutcomeFigures extends CountAndAmount {
  averageCycleDays: number | null;
  medianCycleDays: number | null;
}

export interface WinRateReport extends ReportHeader, ReportMeaning {
  amountField: string | null;
  /** @integer */
  decided: number;
  winRate: number | null;
  averageCycleDays: number | null;
  medianCycleDays: number | null;
  won: OutcomeFigures;
  lost: OutcomeFigures;
}
