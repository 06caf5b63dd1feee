import type { Issue } from '../errors.js';
import { UUID_RE } from '@lodestar/core';
import { isStorableDate } from '../definitions/timestamp.js';
import { paramIssue, type QueryParams, singleParam, throwIfIssues } from '../records/query-params.js';

const KNOWN = new Set(['owner', 'recordType', 'from', 'to']);

/** The filters every report accepts; absent ones are undefined. */
export interface ReportFilters {
  /** The record's current owner (lower-case uuid). */
  owner?: string;
  /** The record's current record type. */
  recordType?: string;
  /** First day of the period, `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** Last day of the period, `YYYY-MM-DD`, inclusive. */
  to?: string;
}

/**
 * `owner`, `recordType`, `from`, `to` from a query string. Unknown parameters, repeated parameters and bad
 * values are one 400 problem with an issue per parameter (`/query/<name>`).
 */
export function parseReportFilters(query: QueryParams, options: { recordTypes: readonly string[] }): ReportFilters {
  const issues: Issue[] = [];
  for (const name of Object.keys(query)) {
    if (!KNOWN.has(name))
      issues.push(
        paramIssue(name, 'unknownParameter', {
          en: `unknown query parameter "${name}" (expected owner, recordType, from, to)`,
          zh: `不支持查询参数“${name}”（可用：owner、recordType、from、to）`,
        }),
      );
  }
  const filters: ReportFilters = {};
  const owner = singleParam(query, 'owner', issues);
  if (owner !== undefined) {
    if (UUID_RE.test(owner)) filters.owner = owner.toLowerCase();
    else issues.push(paramIssue('owner', 'format', { en: 'owner must be a uuid', zh: 'owner 必须是用户的 uuid' }));
  }
  const recordType = singleParam(query, 'recordType', issues);
  if (recordType !== undefined) {
    if (options.recordTypes.includes(recordType)) filters.recordType = recordType;
    else if (options.recordTypes.length === 0)
      issues.push(
        paramIssue('recordType', 'enum', { en: 'this entity has no record types', zh: '此实体没有记录类型' }),
      );
    else
      issues.push(
        paramIssue(
          'recordType',
          'enum',
          {
            en: `recordType must be one of ${options.recordTypes.join(', ')}`,
            zh: `recordType 只能是：${options.recordTypes.join('、')}`,
          },
          { allowed: options.recordTypes },
        ),
      );
  }
  for (const name of ['from', 'to'] as const) {
    const value = singleParam(query, name, issues);
    if (value === undefined) continue;
    if (isStorableDate(value)) filters[name] = value;
    else
      issues.push(
        paramIssue(name, 'format', {
          en: `${name} must be a date (YYYY-MM-DD)`,
          zh: `${name} 必须是日期（YYYY-MM-DD）`,
        }),
      );
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    issues.push(
      paramIssue('to', 'range', {
        en: `to (${filters.to}) is before from (${filters.from})`,
        zh: `结束日期（${filters.to}）早于开始日期（${filters.from}）`,
      }),
    );
  }
  throwIfIssues(issues);
  return filters;
}

/**
 * The period as timestamp bounds (UTC midnights): `from` inclusive, the day after `to` exclusive, so `to`
 * covers its whole day. ISO strings with an explicit `Z`, so the session time zone never matters.
 */
export function toTimeBounds(filters: ReportFilters): { start?: string; end?: string } {
  return {
    ...(filters.from && { start: `${filters.from}T00:00:00.000Z` }),
    ...(filters.to && { end: nextDay(filters.to) }),
  };
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  // Not toISOString: after 9999-12-31 it writes `+010000-…`, which PostgreSQL cannot read; it reads `10000-…`.
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}T00:00:00.000Z`;
}
