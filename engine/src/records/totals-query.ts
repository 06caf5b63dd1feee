import type { Issue } from '../errors.js';
import { summableNames } from './group-query.js';
import { toListQuery } from './list-query.js';
import { fieldTitleZh, notAField, paramIssue, singleParam, throwIfIssues, type QueryParams } from './query-params.js';
import type { FilterScope } from './to-filter.js';
import type { ListQuery } from './types.js';

/** `GET /records/{entity}/totals`: the fields to sum, and the list's own filters and search. */
export interface TotalsQuery {
  sum: string[];
  list: ListQuery;
}

/**
 * Parses a totals request against the entity as the actor sees it: `sum` (number fields, comma-separated)
 * and `filter[...]`/`q` exactly as lists parse them; every problem is one 400 naming the parameter.
 */
export function toTotalsQuery(query: QueryParams, scope: FilterScope): TotalsQuery {
  const issues: Issue[] = [];
  const listParams: QueryParams = {};
  for (const [name, value] of Object.entries(query)) {
    if (name.startsWith('filter[') || name === 'q') listParams[name] = value;
    else if (name !== 'sum')
      issues.push(
        paramIssue(name, 'unknownParameter', {
          en: `unknown query parameter "${name}"`,
          zh: `不支持查询参数“${name}”`,
        }),
      );
  }
  const summable = new Set(summableNames(scope.entity));
  const sum = (singleParam(query, 'sum', issues) ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of sum) {
    if (summable.has(name)) continue;
    const known = scope.entity.fields.has(name);
    issues.push(
      paramIssue(
        'sum',
        known ? 'unsummable' : 'unknownField',
        known
          ? {
              en: `"${name}" cannot be summed: sum must name number, money or integer fields`,
              zh: `“${fieldTitleZh(scope.entity, name)}”不能求和：只能对数字、金额或整数字段求和`,
            }
          : notAField(name, scope.entity),
        { field: name },
      ),
    );
  }
  let list: ListQuery | undefined;
  try {
    list = toListQuery(listParams, scope);
  } catch (error) {
    const listIssues = (error as { issues?: Issue[] }).issues;
    if (!listIssues) throw error;
    issues.push(...listIssues);
  }
  throwIfIssues(issues);
  return { sum: [...new Set(sum)], list: list! };
}
