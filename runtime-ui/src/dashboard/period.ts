/* The dashboard's period presets, as inclusive local calendar days (`YYYY-MM-DD`) the reports take. */

export type PeriodPreset = 'month' | 'quarter' | 'year' | 'last12' | 'custom';
export const PRESETS: PeriodPreset[] = ['month', 'quarter', 'year', 'last12', 'custom'];

export interface Period {
  from: string;
  to: string;
}

export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The days of a preset around `today` (custom keeps what the user typed). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today = new Date()): Period {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case 'month':
      return { from: isoDay(new Date(y, m, 1)), to: isoDay(new Date(y, m + 1, 0)) };
    case 'quarter': {
      const first = m - (m % 3);
      return { from: isoDay(new Date(y, first, 1)), to: isoDay(new Date(y, first + 3, 0)) };
    }
    case 'year':
      return { from: isoDay(new Date(y, 0, 1)), to: isoDay(new Date(y, 11, 31)) };
    case 'last12':
      return { from: isoDay(new Date(y, m - 11, 1)), to: isoDay(new Date(y, m + 1, 0)) };
  }
}
