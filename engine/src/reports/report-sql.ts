import { workflowHistorySql } from '../runtime/history-sql.js';
import { EMPTY, type Fragment, ident, joinSql, owned, sql } from './fragment.js';
import { type ReportFilters, toTimeBounds } from './params.js';
import type { ReportTarget } from './target.js';

/*
 * The report queries. Each is one statement of SQL aggregates over the workflow's history (read through its
 * owner, `history` below) and the entity table;
 * identifiers come from the ReportTarget (the compiled model) and are quoted, every value is a binding.
 * Shared pieces:
 *  - `states`: the workflow's states as a VALUES list (name, funnel position, outcome, probability, final);
 *  - `names`: each name a history row may give a state (its id, and its former name after a rename) → the state;
 *  - `recs`: the records in scope, i.e. rows of the entity table that have at least one history row of this
 *    workflow, narrowed by the current owner and record type, with the amount (float8, null without an
 *    amount field) and the close date (date, null without a close-date field).
 * Durations are in hours (stays) and days (cycles), as float8; counts are int, sums float8, so the driver
 * hands back JSON numbers.
 */

/**
 * Funnel: per funnel stage, the records that entered it (a history row into it, or their current state);
 * a stage a record skipped, or one added after it passed by, does not count it. Lost states apart; a total.
 */
export function funnelSql(target: ReportTarget, filters: ReportFilters): Fragment {
  const { start, end } = toTimeBounds(filters);
  const created = joinSql(
    [
      start ? sql` and t.created_at >= ${start}::timestamptz` : EMPTY,
      end ? sql` and t.created_at < ${end}::timestamptz` : EMPTY,
    ],
    '',
  );
  return sql`with ${statesCte(target)}, ${recordsCte(target, filters, created)},
entered as (
  select r.id, r.amount, n.state
  from recs r
  join ${history(target)} h on h.record_id = r.id
  join names n on n.name = h.to_state
  union
  select r.id, r.amount, r.state from recs r
)
select 'stage' as kind, s.state, count(e.id)::int as count, sum(e.amount)::float8 as amount
  from states s left join entered e on e.state = s.state
  where s.pos is not null
  group by s.state
union all
select 'lost', s.state, count(r.id)::int, sum(r.amount)::float8
  from states s left join recs r on r.state = s.state
  where s.outcome = 'lost'
  group by s.state
union all
select 'total', null, count(*)::int, sum(amount)::float8 from recs`;
}

/**
 * Time in stage: stays from consecutive stage-change rows (from_state distinct from to_state, start rows
 * included) per record, in history order; a stay ends at the record's next stage change. Stays in final
 * states are left out. Completed and current stays are grouped apart (`completed`); a current stay's hours
 * are its age at `asOf`. Per stage, and per stage and owner at entry (`by_owner`).
 */
export function timeInStageSql(target: ReportTarget, filters: ReportFilters, asOf: string): Fragment {
  const { start, end } = toTimeBounds(filters);
  return sql`with ${statesCte(target)}, ${recordsCte(target, filters, EMPTY)},
changes as (
  select coalesce(n.state, h.to_state) as state, h.owner_id, h.at as entered_at,
    lead(h.at) over (partition by h.record_id order by h.id) as left_at
  from ${history(target)} h join recs r on r.id = h.record_id left join names n on n.name = h.to_state
  where h.from_state is distinct from h.to_state
),
stays as (
  select c.state, c.owner_id, c.left_at is not null as completed,
    extract(epoch from (coalesce(c.left_at, ${asOf}::timestamptz) - c.entered_at))::float8 / 3600 as hours
  from changes c join states s on s.state = c.state
  where not s.is_final${start ? sql` and c.entered_at >= ${start}::timestamptz` : EMPTY}${end ? sql` and c.entered_at < ${end}::timestamptz` : EMPTY}
)
select state, completed, owner_id, grouping(owner_id) = 0 as by_owner,
  count(*)::int as count, avg(hours)::float8 as mean, percentile_cont(0.5) within group (order by hours)::float8 as median
from stays
group by grouping sets ((state, completed), (state, completed, owner_id))`;
}

/**
 * Forecast: open records (current state with an open outcome) by close month, with the amount weighted by
 * the current state's probability (none = 0); beside them won records (current state won) by the month they
 * were won: the UTC date of their last entry into that state, else their close date.
 */
export function forecastSql(target: ReportTarget, filters: ReportFilters): Fragment {
  const inPeriod = (column: Fragment) =>
    joinSql(
      [
        filters.from ? sql` and ${column} >= ${filters.from}::date` : EMPTY,
        filters.to ? sql` and ${column} <= ${filters.to}::date` : EMPTY,
      ],
      '',
    );
  return sql`with ${statesCte(target)}, ${recordsCte(target, filters, EMPTY)},
open_rows as (
  select to_char(r.close_date, 'YYYY-MM') as month, r.amount, r.amount * coalesce(s.probability, 0) as weighted
  from recs r join states s on s.state = r.state
  where s.outcome = 'open'${inPeriod(sql`r.close_date`)}
),
won_rows as (
  select to_char(w.won_on, 'YYYY-MM') as month, r.amount
  from recs r join states s on s.state = r.state
  cross join lateral (
    select coalesce(
      (select (max(h.at) at time zone 'UTC')::date from ${history(target)} h
        where h.record_id = r.id
          and h.to_state in (select n.name from names n where n.state = r.state) and h.from_state is distinct from h.to_state),
      r.close_date) as won_on
  ) w
  where s.outcome = 'won'${inPeriod(sql`w.won_on`)}
)
select 'open' as kind, month, count(*)::int as count, sum(amount)::float8 as amount, sum(weighted)::float8 as weighted
  from open_rows group by month
union all
select 'won', month, count(*)::int, sum(amount)::float8, null from won_rows group by month`;
}

/**
 * Win rate: per record, its last outcome row (entry into a won or lost state) within the period; the cycle is
 * the days from the last workflow start row (from_state null) before that row to it. Per outcome and overall.
 */
export function winRateSql(target: ReportTarget, filters: ReportFilters): Fragment {
  const { start, end } = toTimeBounds(filters);
  return sql`with ${statesCte(target)}, ${recordsCte(target, filters, EMPTY)},
outcomes as (
  select distinct on (h.record_id) h.record_id, h.id, h.at, s.outcome
  from ${history(target)} h join recs r on r.id = h.record_id join names n on n.name = h.to_state join states s on s.state = n.state
  where s.outcome in ('won', 'lost') and h.from_state is distinct from h.to_state${start ? sql` and h.at >= ${start}::timestamptz` : EMPTY}${end ? sql` and h.at < ${end}::timestamptz` : EMPTY}
  order by h.record_id, h.id desc
),
cycles as (
  select o.outcome, r.amount,
    extract(epoch from (o.at - (
      select h.at from ${history(target)} h
      where h.record_id = o.record_id and h.from_state is null and h.id < o.id
      order by h.id desc limit 1)))::float8 / 86400 as days
  from outcomes o join recs r on r.id = o.record_id
)
select outcome, grouping(outcome) = 0 as by_outcome, count(*)::int as count, sum(amount)::float8 as amount,
  avg(days)::float8 as mean, percentile_cont(0.5) within group (order by days)::float8 as median
from cycles
group by grouping sets ((outcome), ())`;
}

/** The workflow's history rows of the entity, as history's owner gives them to a query (alias it). */
function history(target: ReportTarget): Fragment {
  return owned(workflowHistorySql(target.entity, target.workflow));
}

function statesCte(target: ReportTarget): Fragment {
  const rows = target.stages.map(
    (s) =>
      sql`(${s.state}::text, ${s.funnelPosition}::int, ${s.outcome}::text, ${s.probability}::float8, ${s.final}::boolean)`,
  );
  const names = target.stages.flatMap((s) => s.names.map((name) => sql`(${name}::text, ${s.state}::text)`));
  return sql`states (state, pos, outcome, probability, is_final) as (values ${joinSql(rows, ', ')}),
names (name, state) as (values ${joinSql(names, ', ')})`;
}

function recordsCte(target: ReportTarget, filters: ReportFilters, extra: Fragment): Fragment {
  const amount = target.amountField ? sql`t.${ident(target.amountField)}::float8` : sql`null::float8`;
  const closeDate = !target.closeDate
    ? sql`null::date`
    : target.closeDate.kind === 'date'
      ? sql`t.${ident(target.closeDate.field)}`
      : sql`(t.${ident(target.closeDate.field)} at time zone 'UTC')::date`;
  return sql`recs as (
  select t.id, t.state, ${amount} as amount, ${closeDate} as close_date
  from ${ident(target.table)} as t
  where exists (select 1 from ${history(target)} h0 where h0.record_id = t.id)${
    filters.owner ? sql` and t.owner_id = ${filters.owner}::uuid` : EMPTY
  }${filters.recordType ? sql` and t.record_type = ${filters.recordType}` : EMPTY}${target.scope ? sql` and (${target.scope})` : EMPTY}${extra}
)`;
}
