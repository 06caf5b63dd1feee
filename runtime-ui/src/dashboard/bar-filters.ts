import { isoDay, presetPeriod, type Period } from './period';

/*
 * A defined dashboard's filter bar, kept in the URL beside `?d=`: `period` (a preset, or `custom` with `from`
 * and `to`) and `owner` (`me`, `team`; absent: everything the user may see). A preset is read at render time,
 * so a bookmarked "this month" is always the current month.
 */

export type BarPreset = 'all' | 'month' | 'quarter' | 'year' | 'custom';
export const BAR_PRESETS: BarPreset[] = ['all', 'month', 'quarter', 'year', 'custom'];
export type BarOwner = '' | 'me' | 'team';

export interface BarState {
  preset: BarPreset;
  /** The days the widgets cover; empty for all time. */
  period: Period;
  owner: BarOwner;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readBar(params: URLSearchParams, today = new Date()): BarState {
  const asked = params.get('period') as BarPreset | null;
  const preset: BarPreset = asked && BAR_PRESETS.includes(asked) ? asked : 'all';
  const ownerParam = params.get('owner');
  const owner: BarOwner = ownerParam === 'me' || ownerParam === 'team' ? ownerParam : '';
  if (preset === 'all') return { preset, period: { from: '', to: '' }, owner };
  if (preset !== 'custom') return { preset, period: presetPeriod(preset, today), owner };
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const month = presetPeriod('month', today);
  return {
    preset,
    period: { from: DAY.test(from) ? from : month.from, to: DAY.test(to) ? to : isoDay(today) },
    owner,
  };
}

/** The bar written into the URL's other parameters (the chosen dashboard stays). */
export function writeBar(params: URLSearchParams, bar: BarState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['period', 'from', 'to', 'owner']) next.delete(key);
  if (bar.preset !== 'all') next.set('period', bar.preset);
  if (bar.preset === 'custom') {
    next.set('from', bar.period.from);
    next.set('to', bar.period.to);
  }
  if (bar.owner) next.set('owner', bar.owner);
  return next;
}

/** The bar as the dashboards API takes it on every widget (`?from=…&to=…&owner=…`), or '' for none. */
export function barQuery(bar: BarState): string {
  const query = new URLSearchParams();
  if (bar.period.from) query.set('from', bar.period.from);
  if (bar.period.to) query.set('to', bar.period.to);
  if (bar.owner) query.set('owner', bar.owner);
  const text = query.toString();
  return text ? `?${text}` : '';
}
