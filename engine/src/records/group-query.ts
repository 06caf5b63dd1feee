import type { GroupRow } from '@lodestar/core';
import type { Issue } from '../errors.js';
import type { FieldKind } from '../schema/column-types.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { attributesOf } from './attributes.js';
import { toListQuery } from './list-query.js';
import { fieldTitleZh, notAField, paramIssue, singleParam, throwIfIssues, type QueryParams } from './query-params.js';
import type { FilterScope } from './to-filter.js';
import type { Attribute, ListQuery } from './types.js';

/** Kinds a list can be grouped by: few distinct values, each meaningful as a column or slice. */
const GROUPABLE: ReadonlySet<FieldKind> = new Set([
  'choice',
  'text',
  'boolean',
  'integer',
  'date',
  'manyToOne',
  'user',
]);
/** System attributes worth grouping by (other system columns are ids or timestamps). */
const GROUPABLE_SYSTEM: ReadonlySet<string> = new Set(['state', 'owner_id', 'record_type']);
const SUMMABLE: ReadonlySet<FieldKind> = new Set(['number', 'money', 'integer']);
/** Groups answered at most: a text field with a value per row must not turn into a full export. */
export const MAX_GROUPS = 1000;

/** The attributes `by` accepts on an entity (as the caller sees it), for documentation and pickers. */
export function groupableNames(entity: CompiledEntity): string[] {
  return [...attributesOf(entity).byName.values()].filter(isGroupable).map((a) => a.name);
}

/** The attributes `sum` accepts. */
export function summableNames(entity: CompiledEntity): string[] {
  return [...attributesOf(entity).byName.values()].filter(isSummable).map((a) => a.name);
}

function isGroupable(attribute: Attribute): boolean {
  return attribute.system ? GROUPABLE_SYSTEM.has(attribute.name) : GROUPABLE.has(attribute.kind) && !!attribute.column;
}

function isSummable(attribute: Attribute): boolean {
  return !attribute.system && SUMMABLE.has(attribute.kind) && !!attribute.column;
}

/** `GET /records/{entity}/groups`: the attribute to group by, the one to sum, and the list's filters and search. */
export interface GroupQuery {
  by: Attribute;
  sum?: Attribute;
  /** The same filters and `q` a list takes, parsed by the list parser. */
  list: ListQuery;
}

/**
 * Parses a groups request against the entity as the actor sees it (hidden fields are unknown): `by`
 * (required), `sum` (optional), and `filter[...]`/`q` exactly as lists parse them. Every problem is
 * one 400 whose issues name the parameter and the rule.
 */
export function toGroupQuery(query: QueryParams, scope: FilterScope): GroupQuery {
  const issues: Issue[] = [];
  const listParams: QueryParams = {};
  for (const [name, value] of Object.entries(query)) {
    if (name.startsWith('filter[') || name === 'q') listParams[name] = value;
    else if (name !== 'by' && name !== 'sum')
      issues.push(
        paramIssue(name, 'unknownParameter', {
          en: `unknown query parameter "${name}"`,
          zh: `不支持查询参数“${name}”`,
        }),
      );
  }
  const by = parseBy(singleParam(query, 'by', issues), query.by === undefined, scope.entity, issues);
  const sum = parseSum(singleParam(query, 'sum', issues), scope.entity, issues);
  let list: ListQuery | undefined;
  try {
    list = toListQuery(listParams, scope);
  } catch (error) {
    const listIssues = (error as { issues?: Issue[] }).issues;
    if (!listIssues) throw error;
    issues.push(...listIssues);
  }
  throwIfIssues(issues);
  return { by: by!, ...(sum && { sum }), list: list! };
}

function parseBy(
  name: string | undefined,
  absent: boolean,
  entity: CompiledEntity,
  issues: Issue[],
): Attribute | undefined {
  if (absent)
    return void issues.push(
      paramIssue('by', 'required', { en: 'by is required: the field to group by', zh: '缺少 by：要分组的字段' }),
    );
  if (name === undefined) return undefined;
  const attribute = attributesOf(entity).byName.get(name);
  if (!attribute) return void issues.push(paramIssue('by', 'unknownField', notAField(name, entity), { field: name }));
  if (!isGroupable(attribute)) {
    const text = {
      en: `"${name}" cannot be grouped by: by must be a choice, text, boolean, integer, date or many-to-one field, or state, owner_id or record_type`,
      zh: `不能按“${fieldTitleZh(entity, name)}”分组：只能按选项、文本、是否、整数、日期、关联字段或阶段、负责人、类型分组`,
    };
    return void issues.push(paramIssue('by', 'ungroupable', text, { field: name, kind: attribute.kind }));
  }
  return attribute;
}

function parseSum(name: string | undefined, entity: CompiledEntity, issues: Issue[]): Attribute | undefined {
  if (name === undefined) return undefined;
  const attribute = attributesOf(entity).byName.get(name);
  if (!attribute) return void issues.push(paramIssue('sum', 'unknownField', notAField(name, entity), { field: name }));
  if (!isSummable(attribute)) {
    return void issues.push(
      paramIssue(
        'sum',
        'unsummable',
        {
          en: `"${name}" cannot be summed: sum must be a number, money or integer field`,
          zh: `“${fieldTitleZh(entity, name)}”不能求和：只能对数字、金额或整数字段求和`,
        },
        { field: name, kind: attribute.kind },
      ),
    );
  }
  return attribute;
}

/** Rows as the API answers them: numeric sums as numbers (PGlite may hand them over as text). */
export function toGroupRows(rows: Record<string, unknown>[], summed: boolean): GroupRow[] {
  return rows.map((row) => ({
    key: row.key instanceof Date ? row.key.toISOString() : (row.key ?? null),
    count: Number(row.count),
    sum: summed && row.sum !== null && row.sum !== undefined ? Number(row.sum) : null,
  }));
}
