import type { Localized } from '@lodestar/ui-shared';

/* Response bodies of /api/v1/reports/{workflow}/… as engine/src/reports/report-results.ts builds them. */

interface StageLabel {
  state: string;
  title: Localized | null;
  outcome: string;
  probability: number | null;
}

export interface FunnelReport {
  amountField: string | null;
  total: { count: number; amount: number | null };
  stages: (StageLabel & {
    count: number;
    amount: number | null;
    conversion: number | null;
    conversionFromFirst: number | null;
  })[];
  lost: { state: string; title: Localized | null; count: number; amount: number | null }[];
}

interface Stays {
  count: number;
  meanHours?: number | null;
  medianHours?: number | null;
  meanAgeHours?: number | null;
  medianAgeHours?: number | null;
}

export interface TimeInStageReport {
  unit: 'hours';
  asOf: string;
  stages: (StageLabel & { completed: Stays; current: Stays })[];
}

export interface ForecastReport {
  amountField: string | null;
  months: {
    month: string | null;
    open: { count: number; amount: number | null; weightedAmount: number | null };
    won: { count: number; amount: number | null };
  }[];
  totals: {
    open: { count: number; amount: number | null; weightedAmount: number | null };
    won: { count: number; amount: number | null };
  };
}

interface Outcome {
  count: number;
  amount: number | null;
  averageCycleDays: number | null;
  medianCycleDays: number | null;
}

export interface WinRateReport {
  amountField: string | null;
  decided: number;
  winRate: number | null;
  averageCycleDays: number | null;
  medianCycleDays: number | null;
  won: Outcome;
  lost: Outcome;
}

export interface GroupsAnswer {
  by: string;
  data: { key: unknown; count: number; sum: number | null }[];
}
