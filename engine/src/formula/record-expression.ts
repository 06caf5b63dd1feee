import { checkFormula, parseFormula, type Expr, type FieldPath, type FormulaType } from '@lodestar/core';
import type { EntityDefinition } from '../definitions/entity.js';
import type { Issue } from '../errors.js';
import { compileFormulaFields, formulaSql, formulaTypeOfField, resolvePath } from '../schema/formula-fields.js';
import type { FormulaFields } from '../schema/formula-fields.js';
import type { SqlType } from '../schema/table-spec.js';

/**
 * A formula written outside a field: a workflow guard's condition, an action's value, a schedule's filter.
 * It reads one entity's record and its many-to-one parents (`customer.level`), exactly as formula fields do,
 * so it is checked, typed and compiled to SQL by the same code (docs/formulas.md).
 */
export interface RecordExpression {
  source: string;
  entity: string;
  expr: Expr;
  type: FormulaType;
  refs: FieldPath[];
}

const SYSTEM_TYPES: Record<string, FormulaType> = {
  created_at: 'dateTime',
  updated_at: 'dateTime',
  record_type: 'text',
  owner_id: 'text',
};

const TYPE_WORDS: Record<FormulaType, { en: string; zh: string }> = {
  number: { en: 'a number', zh: '数字' },
  text: { en: 'text', zh: '文本' },
  boolean: { en: 'yes/no (a condition)', zh: '是/否（条件）' },
  date: { en: 'a date', zh: '日期' },
  dateTime: { en: 'a date and time', zh: '日期时间' },
};

/**
 * Parses and type-checks `source` over `entity`'s records. Issues point at `pointer` (the keyword holding the
 * text) with the offset in `params`; `wants` adds an issue when the result has another type (a guard wants
 * boolean). Number results are accepted where a number is wanted whatever their digits.
 */
export function checkRecordExpression(
  entities: ReadonlyMap<string, EntityDefinition>,
  entity: EntityDefinition,
  source: string,
  pointer: string,
  wants?: FormulaType | readonly FormulaType[],
  { actor = false }: { actor?: boolean } = {},
): { expression?: RecordExpression; issues: Omit<Issue, 'file'>[] } {
  const parsed = parseFormula(source);
  const at = (message: { en: string; zh: string }, params: Record<string, unknown> = {}) => ({
    pointer,
    keyword: 'formula',
    message: message.en,
    i18n: message,
    params,
  });
  if (!parsed.expr) return { issues: parsed.issues.map((i) => at(i.message, { offset: i.offset, length: i.length })) };
  const checked = checkFormula(parsed.expr, {
    typeOf(path) {
      const target = resolvePath(entities, entity, path);
      if (!target) return undefined;
      return target.field ? formulaTypeOfField(target.field) : SYSTEM_TYPES[target.name];
    },
    actor,
  });
  if (checked.issues.length)
    return { issues: checked.issues.map((i) => at(i.message, { offset: i.offset, length: i.length })) };
  const allowed: readonly FormulaType[] | undefined = typeof wants === 'string' ? [wants] : wants;
  if (allowed && !allowed.includes(checked.type)) {
    const want = allowed.map((t) => TYPE_WORDS[t]);
    return {
      issues: [
        at(
          {
            en: `the expression gives ${TYPE_WORDS[checked.type].en}, not ${want.map((w) => w.en).join(' or ')}`,
            zh: `表达式的结果是${TYPE_WORDS[checked.type].zh}，这里需要${want.map((w) => w.zh).join('或')}`,
          },
          { type: checked.type, wants: allowed },
        ),
      ],
    };
  }
  return {
    expression: { source, entity: entity.$id, expr: parsed.expr, type: checked.type, refs: checked.refs },
    issues: [],
  };
}

const SQL_TYPES: Record<FormulaType, SqlType> = {
  number: { base: 'numeric' },
  text: { base: 'text' },
  boolean: { base: 'boolean' },
  date: { base: 'date' },
  dateTime: { base: 'timestamptz' },
} as Record<FormulaType, SqlType>;

const formulaFieldsOf = new WeakMap<readonly EntityDefinition[], FormulaFields>();

/**
 * The SQL of a checked expression over the row aliased `alias` (parents as scalar subqueries, formula
 * fields inlined), typed as its formula type. `definitions` is the whole (valid) set, compiled once per set.
 */
export function recordExpressionSql(
  definitions: readonly EntityDefinition[],
  expression: RecordExpression,
  alias: string,
  /** The SQL of the acting user's id for ME() (a column of the caller's statement); NULL when left out. */
  actor?: string,
): string {
  let fields = formulaFieldsOf.get(definitions);
  if (!fields) formulaFieldsOf.set(definitions, (fields = compileFormulaFields(definitions)));
  const entities = new Map(definitions.map((e) => [e.$id, e]));
  const entity = entities.get(expression.entity)!;
  const checked = checkFormula(expression.expr, {
    typeOf(path) {
      const target = resolvePath(entities, entity, path);
      if (!target) return undefined;
      return target.field ? formulaTypeOfField(target.field) : SYSTEM_TYPES[target.name];
    },
    actor: true,
  });
  return formulaSql(
    fields,
    entities,
    {
      entity: expression.entity,
      name: '',
      source: expression.source,
      expr: expression.expr,
      checked,
      parseIssues: [],
      stored: false,
      type: SQL_TYPES[expression.type],
    },
    alias,
    0,
    actor,
  );
}
