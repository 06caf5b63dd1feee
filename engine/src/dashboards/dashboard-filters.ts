import { isStorableDate } from '../definitions/timestamp.js';
import type { Issue } from '../errors.js';
import { paramIssue, singleParam, throwIfIssues, type QueryParams } from '../records/query-params.js';

/**
 * The filter bar of a dashboard, applied to every widget: a period (first and last day, inclusive, in the
 * company's calendar) and whose records (`me`: the caller's, `team`: their unit's and below). Both narrow
 * what the caller's permissions already let them read; `all` (or nothing) adds no condition.
 */
export interface DashboardFilters {
  from?: string;
  to?: string;
  owner?: 'me' | 'team';
}

const KNOWN = new Set(['from', 'to', 'owner']);
const OWNERS = ['me', 'team', 'all'];

/** `from`, `to`, `owner` from a query string; anything else, or a bad value, is one 400 with an issue each. */
export function parseDashboardFilters(query: QueryParams): DashboardFilters {
  const issues: Issue[] = [];
  for (const name of Object.keys(query))
    if (!KNOWN.has(name))
      issues.push(
        paramIssue(name, 'unknownParameter', {
          en: `unknown query parameter "${name}" (expected from, to, owner)`,
          zh: `不支持查询参数“${name}”（可用：from、to、owner）`,
        }),
      );
  const filters: DashboardFilters = {};
  for (const name of ['from', 'to'] as const) {
    const value = singleParam(query, name, issues);
    if (value === undefined || value === '') continue;
    if (isStorableDate(value)) filters[name] = value;
    else
      issues.push(
        paramIssue(name, 'format', {
          en: `${name} must be a date (YYYY-MM-DD)`,
          zh: `${name} 必须是日期（YYYY-MM-DD）`,
        }),
      );
  }
  if (filters.from && filters.to && filters.from > filters.to)
    issues.push(
      paramIssue('to', 'range', {
        en: `to (${filters.to}) is before from (${filters.from})`,
        zh: `结束日期（${filters.to}）早于开始日期（${filters.from}）`,
      }),
    );
  const owner = singleParam(query, 'owner', issues);
  if (owner !== undefined && owner !== '') {
    if (!OWNERS.includes(owner))
      issues.push(
        paramIssue(
          'owner',
          'enum',
          { en: 'owner must be one of me, team, all', zh: 'owner 只能是 me（我的）、team（我的团队）或 all（全部）' },
          { allowed: OWNERS },
        ),
      );
    else if (owner !== 'all') filters.owner = owner as 'me' | 'team';
  }
  throwIfIssues(issues);
  return filters;
}
