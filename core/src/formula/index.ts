/**
 * The formula language (docs/formulas.md): one parser, one type checker, a JavaScript evaluator for the
 * browser (no eval / new Function: the CSP forbids them) and, in the engine, formulaToSql for PostgreSQL.
 * Browser-safe: no Node, no database.
 */
export type { BinaryOp, Expr, FieldPath, FormulaIssue, FormulaType, UnaryOp } from './ast.js';
export { parseFormula } from './parse.js';
export { checkFormula, checkedTypes, type CheckedFormula, type FormulaScope } from './check.js';
export { evaluateFormula, textOf, type EvalContext } from './evaluate.js';
export { FUNCTIONS, type FunctionSpec, type ParamType } from './functions.js';
export { typeFormula, digitsOf, DATEDIF_UNITS, MAX_DIGITS, type TypeMap, type Typing } from './typing.js';
export * as formulaDecimal from './decimal.js';
export * as formulaCalendar from './calendar.js';
export {
  checkRuleFields,
  checkRuleIssues,
  compileCheckRules,
  fieldNodes,
  formulaTypeOfField,
  isCheckRule,
  ruleScope,
  type CheckRule,
  type RuleViolation,
} from './check-rules.js';
export { MAX_NESTING } from './parse.js';
export { MAX_SQL_SIZE, sqlSizeBound } from './sql-size.js';
