import type { Expr, FieldPath, FormulaIssue, FormulaType } from './ast.js';
import { MAX_SQL_SIZE, sqlSizeBound } from './sql-size.js';
import { type TypeMap, typeFormula } from './typing.js';

/** The fields a formula may read and their types; undefined: no such field (or one formulas cannot use). */
export interface FormulaScope {
  typeOf(path: FieldPath): FormulaType | undefined;
  /** A user acts where the formula is read (a workflow guard), so ME() means someone; refused otherwise. */
  actor?: boolean;
}

export interface CheckedFormula {
  /** The result's type ('text' when the formula does not check: see issues). */
  type: FormulaType;
  /** The fields it reads, each once, in the order they appear. */
  refs: FieldPath[];
  /** Reads only the record's own columns (no relation.field). */
  rowOnly: boolean;
  /** No TODAY()/NOW(): with rowOnly, the value may be a stored generated column. */
  immutable: boolean;
  /** Calls ME(): reads who is acting. */
  readsActor: boolean;
  issues: FormulaIssue[];
}

/** The types the last successful checkFormula gave each formula, for formulaToSql and the evaluator. */
const checked = new WeakMap<Expr, TypeMap>();

export function checkedTypes(expr: Expr): TypeMap | undefined {
  return checked.get(expr);
}

/** Type-checks a parsed formula against the fields in scope. */
export function checkFormula(expr: Expr, scope: FormulaScope): CheckedFormula {
  const typing = typeFormula(expr, (path) => scope.typeOf(path));
  if (!scope.actor)
    for (const node of typing.actorCalls)
      typing.issues.push({
        offset: node.offset,
        length: node.length,
        message: {
          en: 'ME() means the user sending an event, so it is only allowed in workflow guard conditions: here no user acts',
          zh: 'ME() 指发出事件的用户，只能用于流程守卫的条件：这里没有操作的用户',
        },
      });
  if (typing.issues.length === 0 && sqlSizeBound(expr, typing.types) > MAX_SQL_SIZE)
    typing.issues.push({
      offset: expr.offset,
      length: expr.length,
      message: {
        en: 'The formula is too complex to compute in the database (date functions nest too deeply): split it into formula fields',
        zh: '公式过于复杂，数据库无法计算（日期函数嵌套过深）：请拆分为多个公式字段',
      },
    });
  if (typing.issues.length === 0) checked.set(expr, typing.types);
  return {
    type: typing.types.get(expr) ?? 'text',
    refs: typing.refs,
    rowOnly: typing.refs.every((ref) => ref.length === 1),
    immutable: !typing.volatile,
    readsActor: typing.actorCalls.length > 0,
    issues: typing.issues,
  };
}
