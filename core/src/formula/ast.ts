import type { Text } from '../text.js';

/** The value types of the formula language. */
export type FormulaType = 'number' | 'text' | 'boolean' | 'date' | 'dateTime';

/** A field reference: `['amount']`, or `['customer', 'level']` across one many-to-one relation. */
export type FieldPath = readonly string[];

/** A problem in a formula: where in its source (UTF-16 offset and length) and why, in both languages. */
export interface FormulaIssue {
  offset: number;
  length: number;
  message: Text;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';
export type UnaryOp = '-' | 'NOT';

/** Where a node sits in the formula's source. */
interface Span {
  offset: number;
  length: number;
}

/** A parsed formula (the parser's output; the checker types it, the evaluator and the SQL compiler run it). */
export type Expr =
  | (Span & { kind: 'number'; value: string })
  | (Span & { kind: 'text'; value: string })
  | (Span & { kind: 'boolean'; value: boolean })
  | (Span & { kind: 'field'; path: FieldPath })
  | (Span & { kind: 'unary'; op: UnaryOp; arg: Expr })
  | (Span & { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr })
  | (Span & { kind: 'call'; name: string; args: Expr[] });
