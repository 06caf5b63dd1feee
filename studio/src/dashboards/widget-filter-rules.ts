import type { AggregateWidgetDefinition, EntityDefinition, WorkflowDefinition } from '@lodestar/core';
import { pick, type Lang } from '@lodestar/ui-shared';
import type { RuleField } from '../rules/rule-fields';
import { ruleFields } from '../rules/rule-fields';
import { fromExpression, operandText, rowText, type CompareRow, type Operand } from '../rules/rule-tree';

/*
 * A widget's filter (list conditions: `{ "state": { "in": "open,overdue" } }`) edited with the rule builder:
 * the filter is shown as the formula the rows write, and rows written back become the filter again. Lists
 * take "all of" simple comparisons with fixed values; anything else (any-of, another field, today) has no
 * list form, and the caller says so instead of saving it.
 */

type Filter = NonNullable<AggregateWidgetDefinition['filter']>;

/** Where the rule builder names a field differently from a list filter. */
const FILTER_NAME: Record<string, string> = { recordType: 'record_type' };
const RULE_NAME: Record<string, string> = { record_type: 'recordType' };

/** The fields a widget filter may test: the rule builder's, and the record's stage when a workflow runs it. */
export function filterFields(
  entity: EntityDefinition | undefined,
  entities: readonly EntityDefinition[],
  workflows: readonly WorkflowDefinition[],
  lang: Lang,
): RuleField[] {
  // The reader is "me": a user field or the owner compared with 我 is saved as the list word `me`.
  const fields = ruleFields(entity, entities, lang, { relations: true, owner: true, actor: true });
  const states = workflows
    .filter((w) => w.meta.entity === entity?.$id)
    .flatMap((w) =>
      Object.entries(w.states).map(([key, state]) => ({ value: key, label: pick(state.meta?.title, lang) || key })),
    );
  const unique = [...new Map(states.map((s) => [s.value, s])).values()];
  if (unique.length)
    fields.unshift({
      path: 'state',
      label: lang === 'zh' ? '阶段' : 'Stage',
      kind: 'choice',
      type: 'text',
      choices: unique,
    });
  return fields;
}

/** The formula the rule builder shows for a filter ('' for none). */
export function filterToExpression(filter: Filter | undefined, fields: RuleField[]): string {
  const rows: CompareRow[] = [];
  for (const [name, ops] of Object.entries(filter ?? {})) {
    const path = RULE_NAME[name] ?? name;
    const field = fields.find((f) => f.path === path);
    for (const [op, raw] of Object.entries(ops)) {
      const value = String(raw);
      if (op === 'null')
        rows.push({ kind: 'compare', field: path, op: value === 'true' ? 'empty' : 'notEmpty', operands: [] });
      else if (op === 'in')
        rows.push({
          kind: 'compare',
          field: path,
          op: 'in',
          operands: value.split(',').map((v) => operand(field, v.trim())),
        });
      else if (['eq', 'ne', 'lt', 'lte', 'gt', 'gte'].includes(op))
        rows.push({ kind: 'compare', field: path, op: op as CompareRow['op'], operands: [operand(field, value)] });
    }
  }
  return rows
    .map(rowText)
    .filter((text): text is string => text !== undefined)
    .join(' AND ');
}

/** The filter a formula stands for, or null when lists cannot say it (the caller keeps the old filter). */
export function expressionToFilter(source: string): Filter | null {
  const { tree, exact } = fromExpression(source);
  if (!exact) return null;
  if (tree.items.length > 1 && tree.join !== 'all') return null;
  const filter: Filter = {};
  const put = (path: string, op: string, value: string | number | boolean) => {
    const name = FILTER_NAME[path] ?? path;
    const ops = (filter[name] ??= {});
    if (op in ops) return false;
    ops[op] = value;
    return true;
  };
  for (const item of tree.items) {
    if (item.kind !== 'compare' || !item.field) return null;
    const values = item.operands.map(literal);
    if (values.some((v) => v === undefined)) return null;
    const [a, b] = values as (string | number | boolean)[];
    const ok =
      item.op === 'empty'
        ? put(item.field, 'null', 'true')
        : item.op === 'notEmpty'
          ? put(item.field, 'null', 'false')
          : item.op === 'in'
            ? put(item.field, 'in', values.join(','))
            : item.op === 'between'
              ? put(item.field, 'gte', a!) && put(item.field, 'lte', b!)
              : ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'].includes(item.op)
                ? put(item.field, item.op, a!)
                : false;
    if (!ok) return null;
  }
  return filter;
}

/** A list value as a rule operand of the field's type. */
function operand(field: RuleField | undefined, value: string): Operand {
  if (field?.kind === 'user' && value === 'me') return { kind: 'me' };
  if (field?.type === 'number') return { kind: 'number', value };
  if (field?.type === 'boolean') return { kind: 'boolean', value: value === 'true' };
  if (field?.type === 'date') return { kind: 'date', value };
  return { kind: 'text', value };
}

/** A rule operand as a list value; undefined for another field or today, which lists cannot compare with. */
function literal(op: Operand): string | number | boolean | undefined {
  if (operandText(op) === undefined) return undefined;
  switch (op.kind) {
    case 'text':
    case 'date':
      return op.value;
    case 'number':
      return Number(op.value);
    case 'boolean':
      return op.value;
    case 'me':
      return 'me';
    default:
      return undefined;
  }
}
