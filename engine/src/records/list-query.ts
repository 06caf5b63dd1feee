import type { Issue } from '../errors.js';
import { LodestarError } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { attributesOf } from './attributes.js';
import { isSortable } from './filter-values.js';
import { decodeCursor } from './keyset.js';
import {
  fieldTitleZh,
  notAField,
  paramIssue,
  parseExpand,
  withExpanded,
  parseFields,
  type QueryParams,
  singleParam,
  throwIfIssues,
} from './query-params.js';
import { toFilter, type FilterScope } from './to-filter.js';
import type { Filter, ListQuery, SortKey } from './types.js';

/** Rows per page when `limit` is absent. */
export const DEFAULT_LIMIT = 50;
/** The largest page a client may ask for. */
export const MAX_LIMIT = 500;
const MAX_SEARCH_LENGTH = 200;
const KNOWN_PARAMS = new Set(['sort', 'limit', 'cursor', 'fields', 'expand', 'q']);

/**
 * Parses a list request's query string against the entity (and, for `filter[relation.field]`, the related
 * entity). Every problem is collected into one BadRequestError whose issues point at the parameters.
 */
export function toListQuery(query: QueryParams, scope: FilterScope): ListQuery {
  const issues: Issue[] = [];
  const filters: Filter[] = [];
  for (const [name, raw] of Object.entries(query)) {
    if (name.startsWith('filter[')) {
      const filter = toFilter(name, raw, scope, issues);
      if (filter) filters.push(filter);
    } else if (!KNOWN_PARAMS.has(name)) {
      issues.push(
        paramIssue(name, 'unknownParameter', {
          en: `unknown query parameter "${name}"`,
          zh: `不支持查询参数“${name}”`,
        }),
      );
    }
  }
  const sort = parseSort(singleParam(query, 'sort', issues), scope.entity, issues);
  const limit = parseLimit(singleParam(query, 'limit', issues), issues);
  const cursor = singleParam(query, 'cursor', issues);
  const fields = parseFields(query, scope.entity, issues);
  const expand = parseExpand(query, scope.entity, issues);
  const q = parseSearch(singleParam(query, 'q', issues), issues);
  const after = cursor && sort ? decodeOrCollect(cursor, sort, issues) : undefined;
  throwIfIssues(issues);
  return {
    filters,
    sort: sort!,
    limit,
    expand,
    ...(after && { after }),
    ...(fields && { fields: withExpanded(fields, expand) }),
    ...(q && { q }),
  };
}

/** `sort=-amount,name`: sortable attributes, descending with `-`; `id` is appended as the tie-breaker. */
function parseSort(value: string | undefined, entity: CompiledEntity, issues: Issue[]): SortKey[] | undefined {
  const { byName } = attributesOf(entity);
  const keys: SortKey[] = [];
  let valid = true;
  for (const part of (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const desc = part.startsWith('-');
    const name = desc ? part.slice(1) : part;
    const attribute = byName.get(name);
    if (!attribute || !isSortable(attribute.kind)) {
      const reason = attribute
        ? { en: `"${name}" cannot be sorted on`, zh: `不能按“${fieldTitleZh(entity, name)}”排序` }
        : notAField(name, entity);
      issues.push(paramIssue('sort', attribute ? 'unsortable' : 'unknownField', reason, { field: name }));
      valid = false;
    } else if (!keys.some((key) => key.name === name)) {
      keys.push({ name, desc, kind: attribute.kind });
    }
  }
  // The tie-breaker follows the last key's direction, so a one-key sort stays uniform (row comparison, index scans).
  if (!keys.some((key) => key.name === 'id')) keys.push({ name: 'id', desc: keys.at(-1)?.desc ?? false, kind: 'uuid' });
  return valid ? keys : undefined;
}

function parseLimit(value: string | undefined, issues: Issue[]): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(limit))
    issues.push(paramIssue('limit', 'type', { en: 'limit must be a positive integer', zh: '每页条数必须是正整数' }));
  else if (limit < 1)
    issues.push(
      paramIssue('limit', 'minimum', { en: 'limit must be at least 1', zh: '每页条数至少为 1' }, { limit: 1 }),
    );
  else if (limit > MAX_LIMIT)
    issues.push(
      paramIssue(
        'limit',
        'maximum',
        { en: `limit must be at most ${MAX_LIMIT}`, zh: `每页条数最多为 ${MAX_LIMIT}` },
        { limit: MAX_LIMIT },
      ),
    );
  return limit;
}

function parseSearch(value: string | undefined, issues: Issue[]): string | undefined {
  const q = value?.trim();
  if (q && q.length > MAX_SEARCH_LENGTH)
    issues.push(
      paramIssue('q', 'maxLength', {
        en: `q must be at most ${MAX_SEARCH_LENGTH} characters`,
        zh: `搜索词最多 ${MAX_SEARCH_LENGTH} 个字`,
      }),
    );
  if (q?.includes('\u0000'))
    issues.push(paramIssue('q', 'format', { en: 'q must not contain NUL characters', zh: '搜索词不能包含空字符' }));
  return q || undefined;
}

function decodeOrCollect(cursor: string, sort: SortKey[], issues: Issue[]): unknown[] | undefined {
  try {
    return decodeCursor(cursor, sort);
  } catch (error) {
    if (!(error instanceof LodestarError)) throw error;
    issues.push(...(error.issues ?? []));
    return undefined;
  }
}
