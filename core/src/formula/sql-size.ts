import type { Expr, FormulaType } from './ast.js';
import type { TypeMap } from './typing.js';

/**
 * An upper bound on the length of the SQL formulaToSql writes for a formula. SQL has no local variables,
 * so some functions repeat an argument's SQL (DATE repeats its year 7 times); nested, the text grows
 * geometrically. The checker refuses a formula whose bound passes MAX_SQL_SIZE, so publishing never builds
 * a giant statement. engine/src/formula/to-sql.ts must repeat arguments no more often than said here
 * (the property test holds it to that). The bound counts the tz literal and field SQL generously.
 */
export const MAX_SQL_SIZE = 200_000;

/** Room for a node's own SQL around its arguments, and for the functions with long templates. */
const TEMPLATE = 150;
const LONG_TEMPLATES: Record<string, number> = { DATE: 2000, EDATE: 800, DATEDIF: 300, TODAY: 150 };
/** Room for writing a value of each type as text (a date-time's wall clock in the time zone is long). */
const TEXT_TEMPLATES: Record<FormulaType, number> = { number: 40, text: 0, boolean: 80, date: 200, dateTime: 500 };
/** Room for an operator (a comparison of text adds COLLATE "C" to both sides). */
const OPERATOR = 40;
/** Room for a quotient's rounding and its guard against 0. */
const DIVISION = 80;
/** Room for day arithmetic's range check. */
const DAY_TEMPLATE = 250;
/** Room for a field's SQL (the caller's alias and column) with its cast. */
const FIELD = 200;

/** How often `TEXT`/`&` repeat a value's SQL to write it as text. */
const TEXT_REPEATS: Record<FormulaType, number> = { number: 1, text: 1, boolean: 2, date: 3, dateTime: 6 };

/** How often a function repeats each argument (by position; the last entry covers the rest). */
const CALL_REPEATS: Record<string, number[]> = {
  ROUNDUP: [2, 1],
  MOD: [2, 4],
  LEFT: [1, 2],
  RIGHT: [1, 2],
  MID: [1, 2, 2],
  DATE: [7, 7, 3],
  EDATE: [3, 3],
};

export function sqlSizeBound(expr: Expr, types: TypeMap): number {
  const size = (node: Expr): number => {
    switch (node.kind) {
      case 'number':
        return 30 + node.value.length;
      case 'boolean':
        return 10;
      case 'text':
        return 30 + 2 * node.value.length;
      case 'field':
        return FIELD;
      case 'unary':
        return OPERATOR + size(node.arg);
      case 'binary': {
        const [left, right] = [size(node.left), size(node.right)];
        if (node.op === '&') return TEMPLATE + asText(node.left, left) + asText(node.right, right);
        // Day arithmetic writes the day number twice (its range check and the date).
        if ((node.op === '+' || node.op === '-') && types.get(node) === 'date')
          return DAY_TEMPLATE + 2 * (left + right);
        return (node.op === '/' ? DIVISION : OPERATOR) + left + right;
      }
      case 'call': {
        const sizes = node.args.map(size);
        if (node.name === 'TEXT' || node.name === 'CONCAT')
          return TEMPLATE + node.args.reduce((sum, arg, i) => sum + asText(arg, sizes[i]!), 0);
        if (node.name === 'SWITCH') {
          // The expression is compared once per case.
          const cases = Math.floor((node.args.length - 1) / 2);
          return TEMPLATE * (cases + 1) + cases * sizes[0]! + sizes.slice(1).reduce((a, b) => a + b, 0);
        }
        const repeats =
          node.name === 'DATEDIF' && node.args[2]?.kind === 'text' && node.args[2].value.toLowerCase() === 'm'
            ? [2, 2, 0]
            : (CALL_REPEATS[node.name] ?? [1]);
        return (
          (LONG_TEMPLATES[node.name] ?? TEMPLATE) +
          sizes.reduce((sum, argSize, i) => sum + (repeats[Math.min(i, repeats.length - 1)] ?? 1) * argSize, 0)
        );
      }
    }
  };
  const asText = (node: Expr, size: number): number => {
    const type = types.get(node) ?? 'dateTime';
    return TEXT_TEMPLATES[type] + TEXT_REPEATS[type] * size;
  };
  return size(expr);
}
