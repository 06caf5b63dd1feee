import { describe, expect, it } from 'vitest';
import type { Fragment } from './fragment.js';
import { forecastSql, funnelSql, timeInStageSql, winRateSql } from './report-sql.js';
import type { Stage } from './stages.js';
import type { ReportFilters } from './params.js';
import type { ReportTarget } from './target.js';

const stages: Stage[] = [
  {
    state: 'lead',
    title: null,
    outcome: 'open',
    probability: 0.1,
    final: false,
    funnelPosition: 1,
    names: ['lead', 'prospect'],
  },
  { state: 'signed', title: null, outcome: 'won', probability: 1, final: true, funnelPosition: 2, names: ['signed'] },
  {
    state: 'dropped',
    title: null,
    outcome: 'lost',
    probability: null,
    final: true,
    funnelPosition: null,
    names: ['dropped'],
  },
];
const target: ReportTarget = {
  workflow: 'sales',
  entity: 'opportunity',
  table: 'opportunity',
  recordTypes: ['renewal'],
  amountField: 'amount',
  closeDate: { field: 'expectedCloseDate', kind: 'date' },
  stages,
};
const OWNER = '0b000000-0000-4000-8000-00000000000b';
const filters: ReportFilters = { owner: OWNER, recordType: 'renewal', from: '2024-02-01', to: '2024-02-29' };
const ASOF = '2024-06-01T00:00:00.000Z';

const builders: [string, (t: ReportTarget, f: ReportFilters) => Fragment][] = [
  ['funnel', funnelSql],
  ['time in stage', (t, f) => timeInStageSql(t, f, ASOF)],
  ['forecast', forecastSql],
  ['win rate', winRateSql],
];

const placeholders = (query: Fragment) => (query.sql.match(/\?/g) ?? []).length;

describe.each(builders)('%s SQL', (_name, build) => {
  it('binds every value (one placeholder per binding) and quotes identifiers from the target', () => {
    const query = build(target, filters);
    expect(placeholders(query)).toBe(query.bindings.length);
    expect(query.sql).toContain('from "opportunity" as t');
    expect(query.sql).toContain('t."amount"::float8');
    for (const value of [OWNER, 'renewal', 'sales', 'opportunity', 'lead', 'signed', 'dropped']) {
      expect(query.bindings).toContain(value);
      expect(query.sql).not.toContain(`'${value}'`);
    }
    expect(query.sql).toContain('t.owner_id = ?::uuid');
    expect(query.sql).toContain('t.record_type = ?');
  });

  it('leaves out absent filters and uses null amounts without an amount field', () => {
    const { amountField: _a, closeDate: _c, ...bare } = target;
    const query = build(bare, {});
    expect(placeholders(query)).toBe(query.bindings.length);
    expect(query.sql).not.toContain('owner_id = ?');
    expect(query.sql).not.toContain('record_type = ?');
    expect(query.sql).toContain('null::float8 as amount');
    expect(query.sql).toContain('null::date as close_date');
    expect(query.bindings).not.toContain(OWNER);
  });
});

describe('periods', () => {
  it('funnel: created_at between UTC midnights', () => {
    const query = funnelSql(target, { from: '2024-02-01', to: '2024-02-29' });
    expect(query.sql).toContain('t.created_at >= ?::timestamptz and t.created_at < ?::timestamptz');
    expect(query.bindings).toEqual(expect.arrayContaining(['2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z']));
  });

  it('time in stage: the day a stay began; current stays aged at asOf', () => {
    const query = timeInStageSql(target, { from: '2024-02-01' }, ASOF);
    expect(query.sql).toContain('c.entered_at >= ?::timestamptz');
    expect(query.sql).not.toContain('c.entered_at <');
    expect(query.bindings).toContain(ASOF);
    expect(query.sql).toContain('percentile_cont(0.5)');
  });

  it('forecast: close date and won date, inclusive dates', () => {
    const query = forecastSql(target, { to: '2024-03-31' });
    expect(query.sql).toContain('r.close_date <= ?::date');
    expect(query.sql).toContain('w.won_on <= ?::date');
    expect(query.bindings.filter((b) => b === '2024-03-31')).toHaveLength(2);
  });

  it('win rate: the outcome row', () => {
    expect(winRateSql(target, { to: '2024-03-31' }).sql).toContain('h.at < ?::timestamptz');
  });

  it('reads a date-time close field as its UTC date', () => {
    const query = forecastSql({ ...target, closeDate: { field: 'closedAt', kind: 'dateTime' } }, {});
    expect(query.sql).toContain(`(t."closedAt" at time zone 'UTC')::date as close_date`);
  });
});
