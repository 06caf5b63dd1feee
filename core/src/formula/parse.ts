import type { BinaryOp, Expr, FormulaIssue } from './ast.js';

/**
 * The formula parser: Excel-style expressions (grammar in docs/formulas.md).
 *
 *   or      := and ( OR and )*
 *   and     := not ( AND not )*
 *   not     := NOT not | compare
 *   compare := concat ( ( = | <> | < | <= | > | >= ) concat )*
 *   concat  := sum ( & sum )*
 *   sum     := product ( ( + | - ) product )*
 *   product := unary ( ( * | / ) unary )*
 *   unary   := - unary | + unary | primary { % }
 *   primary := number | "text" | TRUE | FALSE | name ( args ) | field ( . field )? | ( or )
 */

type Token =
  | { type: 'number' | 'text' | 'name' | 'op'; value: string; offset: number; length: number }
  | { type: 'end'; value: ''; offset: number; length: 0 };

class FormulaSyntaxError extends Error {
  constructor(readonly issue: FormulaIssue) {
    super(issue.message.en);
  }
}

function fail(offset: number, length: number, en: string, zh: string): never {
  throw new FormulaSyntaxError({ offset, length: Math.max(length, 1), message: { en, zh } });
}

const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '&', '=', '<', '>', '(', ')', ',', '.', '%'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^[\s\u3000]+/u.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const number = /^(?:\d+(?:\.\d*)?|\.\d+)/.exec(rest);
    if (number) {
      if (/^[A-Za-z_]/.test(source.slice(i + number[0].length)))
        fail(i, number[0].length + 1, 'A number cannot run into a name', '数字后不能紧跟名称');
      tokens.push({ type: 'number', value: number[0], offset: i, length: number[0].length });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      tokens.push({ type: 'name', value: name[0], offset: i, length: name[0].length });
      i += name[0].length;
      continue;
    }
    if (rest.startsWith('"')) {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= source.length) fail(i, source.length - i, 'The text has no closing "', '文本缺少结尾的 "');
        const char = source[j] as string;
        if (char === '"') {
          if (source[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        if (char === '\0') fail(j, 1, 'Text cannot hold a NUL character', '文本不能包含 NUL 字符');
        value += char;
        j += 1;
      }
      tokens.push({ type: 'text', value, offset: i, length: j + 1 - i });
      i = j + 1;
      continue;
    }
    if (/^[“”]/u.test(rest))
      fail(i, 1, 'Write text in straight double quotes "…"', '文本请用英文双引号 "…"（不是中文引号）');
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (op) {
      tokens.push({ type: 'op', value: op, offset: i, length: op.length });
      i += op.length;
      continue;
    }
    const char = String.fromCodePoint(source.codePointAt(i) ?? 0);
    fail(i, char.length, `Unexpected character “${char}”`, `无法识别的字符“${char}”`);
  }
  tokens.push({ type: 'end', value: '', offset: source.length, length: 0 });
  return tokens;
}

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);

/** How deeply parentheses, calls and prefix operators may nest (the parser recurses; the stack is finite). */
export const MAX_NESTING = 100;

class Parser {
  private position = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private get token(): Token {
    return this.tokens[this.position] as Token;
  }

  private next(): Token {
    const token = this.token;
    if (token.type !== 'end') this.position += 1;
    return token;
  }

  private isKeyword(word: string): boolean {
    const token = this.token;
    if (token.type !== 'name' || token.value.toUpperCase() !== word) return false;
    // AND( … ) and NOT( … ) are function calls only where an operand is expected.
    return true;
  }

  private expectOp(op: string, en: string, zh: string): Token {
    const token = this.token;
    if (token.type !== 'op' || token.value !== op) this.unexpected(en, zh);
    return this.next();
  }

  private unexpected(en?: string, zh?: string): never {
    const token = this.token;
    if (token.type === 'end') fail(token.offset, 1, en ?? 'The formula ends too early', zh ?? '公式不完整');
    fail(
      token.offset,
      token.length,
      en ?? `Unexpected “${token.type === 'text' ? `"${token.value}"` : token.value}”`,
      zh ?? `此处不应出现“${token.type === 'text' ? `"${token.value}"` : token.value}”`,
    );
  }

  parseAll(): Expr {
    const expr = this.or();
    if (this.token.type !== 'end') this.unexpected();
    return expr;
  }

  private binary(left: Expr, op: BinaryOp, right: Expr): Expr {
    return { kind: 'binary', op, left, right, offset: left.offset, length: right.offset + right.length - left.offset };
  }

  /** Runs a nested part, refusing nesting deeper than MAX_NESTING. */
  private nested<T>(parse: () => T): T {
    if (this.depth >= MAX_NESTING) {
      const token = this.token;
      fail(
        token.offset,
        token.length,
        `The formula nests more than ${MAX_NESTING} levels deep`,
        `公式嵌套超过 ${MAX_NESTING} 层`,
      );
    }
    this.depth += 1;
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  private or(): Expr {
    return this.nested(() => {
      let left = this.and();
      while (this.isKeyword('OR')) {
        this.next();
        left = this.binary(left, 'OR', this.and());
      }
      return left;
    });
  }

  private and(): Expr {
    let left = this.not();
    while (this.isKeyword('AND')) {
      this.next();
      left = this.binary(left, 'AND', this.not());
    }
    return left;
  }

  private not(): Expr {
    if (this.isKeyword('NOT') && !this.isCallAhead()) {
      const start = this.next();
      const arg = this.nested(() => this.not());
      return { kind: 'unary', op: 'NOT', arg, offset: start.offset, length: arg.offset + arg.length - start.offset };
    }
    return this.compare();
  }

  private isCallAhead(): boolean {
    const after = this.tokens[this.position + 1];
    return after?.type === 'op' && after.value === '(';
  }

  private compare(): Expr {
    let left = this.concat();
    while (this.token.type === 'op' && COMPARISONS.has(this.token.value)) {
      const op = this.next().value as BinaryOp;
      left = this.binary(left, op, this.concat());
    }
    return left;
  }

  private concat(): Expr {
    let left = this.sum();
    while (this.token.type === 'op' && this.token.value === '&') {
      this.next();
      left = this.binary(left, '&', this.sum());
    }
    return left;
  }

  private sum(): Expr {
    let left = this.product();
    while (this.token.type === 'op' && (this.token.value === '+' || this.token.value === '-')) {
      const op = this.next().value as BinaryOp;
      left = this.binary(left, op, this.product());
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.token.type === 'op' && (this.token.value === '*' || this.token.value === '/')) {
      const op = this.next().value as BinaryOp;
      left = this.binary(left, op, this.unary());
    }
    return left;
  }

  private unary(): Expr {
    if (this.token.type === 'op' && (this.token.value === '-' || this.token.value === '+')) {
      const start = this.next();
      const arg = this.nested(() => this.unary());
      if (start.value === '+') return arg;
      return { kind: 'unary', op: '-', arg, offset: start.offset, length: arg.offset + arg.length - start.offset };
    }
    let value = this.primary();
    // A percent sign divides by 100, as in Excel: 30% is 0.3.
    while (this.token.type === 'op' && this.token.value === '%') {
      const percent = this.next();
      const hundred: Expr = { kind: 'number', value: '100', offset: percent.offset, length: 1 };
      value = {
        kind: 'binary',
        op: '/',
        left: value,
        right: hundred,
        offset: value.offset,
        length: percent.offset + 1 - value.offset,
      };
    }
    return value;
  }

  private primary(): Expr {
    const token = this.token;
    if (token.type === 'number') {
      this.next();
      return { kind: 'number', value: token.value, offset: token.offset, length: token.length };
    }
    if (token.type === 'text') {
      this.next();
      return { kind: 'text', value: token.value, offset: token.offset, length: token.length };
    }
    if (token.type === 'op' && token.value === '(') {
      this.next();
      const inner = this.or();
      this.expectOp(')', 'A “)” is missing', '缺少“)”');
      return inner;
    }
    if (token.type === 'name') {
      this.next();
      if (this.isCallAt(this.position - 1)) return this.call(token);
      const upper = token.value.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE')
        return { kind: 'boolean', value: upper === 'TRUE', offset: token.offset, length: token.length };
      if (upper === 'AND' || upper === 'OR' || upper === 'NOT')
        fail(
          token.offset,
          token.length,
          `“${token.value}” needs an operand before it`,
          `“${token.value}”前面缺少操作数`,
        );
      const path = [token.value];
      let end = token.offset + token.length;
      if (this.token.type === 'op' && this.token.value === '.') {
        this.next();
        const field = this.token;
        if (field.type !== 'name') this.unexpected('A field name must follow “.”', '“.”后面应是字段名');
        this.next();
        path.push(field.value);
        end = field.offset + field.length;
        if (this.token.type === 'op' && this.token.value === '.')
          fail(
            this.token.offset,
            1,
            'A formula follows one relation at most (relation.field)',
            '公式最多跨一层关联（关联字段.字段）',
          );
      }
      return { kind: 'field', path, offset: token.offset, length: end - token.offset };
    }
    this.unexpected();
  }

  private isCallAt(index: number): boolean {
    const after = this.tokens[index + 1];
    return after?.type === 'op' && after.value === '(';
  }

  private call(name: Token): Expr {
    this.next(); // (
    const args: Expr[] = [];
    if (!(this.token.type === 'op' && this.token.value === ')')) {
      for (;;) {
        args.push(this.or());
        if (this.token.type === 'op' && this.token.value === ',') {
          this.next();
          continue;
        }
        break;
      }
    }
    const close = this.expectOp(')', 'A “)” or “,” is missing', '缺少“)”或“,”');
    return {
      kind: 'call',
      name: name.value.toUpperCase(),
      args,
      offset: name.offset,
      length: close.offset + 1 - name.offset,
    };
  }
}

/** Parses a formula: its expression, or the first syntax problem (with its place in the source). */
export function parseFormula(
  source: string,
): { expr: Expr; issues: [] } | { expr?: undefined; issues: FormulaIssue[] } {
  if (source.trim() === '')
    return { issues: [{ offset: 0, length: 0, message: { en: 'The formula is empty', zh: '公式为空' } }] };
  try {
    return { expr: new Parser(tokenize(source)).parseAll(), issues: [] };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { issues: [error.issue] };
    throw error;
  }
}
