import {
  checkedTypes,
  digitsOf,
  formulaDecimal,
  typeFormula,
  type Expr,
  type FieldPath,
  type FormulaType,
  type TypeMap,
} from '@lodestar/core';

/**
 * A formula as PostgreSQL SQL text computing what evaluateFormula computes in JavaScript (docs/formulas.md):
 * numbers in `numeric` (quotients rounded to 10 places, halves away from zero), text compared by code
 * point (`COLLATE "C"`), dates as `date` in the company time zone, blank as NULL. Every function used is
 * IMMUTABLE except now() (TODAY/NOW), so a formula without them may be a stored generated column.
 * Literals are quoted here; `column` gives the SQL of a field (the caller's aliases and joins).
 *
 * The formula must have passed checkFormula (its types are reused), or `ctx.typeOf` must name field types.
 */
export function formulaToSql(
  expr: Expr,
  column: (path: FieldPath) => string,
  ctx: { timeZone: string; typeOf?: (path: FieldPath) => FormulaType | undefined; actor?: string },
): string {
  const types = typesOf(expr, ctx.typeOf);
  return new SqlWriter(types, column, textLiteral(ctx.timeZone), ctx.actor ?? 'NULL').sql(expr);
}

function typesOf(expr: Expr, typeOf: ((path: FieldPath) => FormulaType | undefined) | undefined): TypeMap {
  if (typeOf) {
    const typing = typeFormula(expr, typeOf);
    if (typing.issues.length === 0) return typing.types;
    throw new Error(`formulaToSql: the formula does not check: ${typing.issues[0]?.message.en ?? ''}`);
  }
  const checked = checkedTypes(expr);
  if (!checked) throw new Error('formulaToSql: check the formula first (checkFormula) or pass typeOf');
  return checked;
}

/** A text literal PostgreSQL reads back exactly, whatever standard_conforming_strings says. */
export function textLiteral(value: string): string {
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const CASTS: Record<FormulaType, string> = {
  // Through text: a double precision column reads as its shortest spelling, as JavaScript's String(n) does.
  number: '::text::numeric',
  text: '::text',
  boolean: '::boolean',
  date: '::date',
  dateTime: '::timestamptz',
};

const MAX_COUNT = 2_147_483_647;
const MAX_POSITION = 1_000_000_000;
const MAX_DAY_OFFSET = 4_000_000;
const MAX_MONTH_OFFSET = 200_000;
const FIRST_MONTH = 12;
const LAST_MONTH = 9999 * 12 + 11;
/** Added before dividing so PostgreSQL keeps at least 21 places before round(…, 10). */
const DIVISION_PAD = `0.${'0'.repeat(21)}`;

/**
 * SQL of a number clamped to ±limit, cut to a whole number (never an out-of-range error). NULL becomes a
 * bound (LEAST/GREATEST skip NULL): callers reject |value| ≥ limit, so a blank stays blank.
 */
function clampedInteger(sql: string, limit: number): string {
  return `LEAST(GREATEST(trunc(${sql}), ${-limit}), ${limit})`;
}

const DAY_ZERO = "DATE '0001-01-01'";
/** 9999-12-31 − 0001-01-01 in days. */
const LAST_DAY_NUMBER = 3_652_058;

function pad(sql: string, width: number): string {
  return `lpad((${sql})::int::text, ${width}, '0')`;
}

class SqlWriter {
  constructor(
    private readonly types: TypeMap,
    private readonly column: (path: FieldPath) => string,
    private readonly timeZone: string,
    /** The SQL of the acting user's id (ME()), e.g. a column of the caller's statement; NULL when none. */
    private readonly actor: string,
  ) {}

  private typeOf(node: Expr): FormulaType {
    const type = this.types.get(node);
    if (!type) throw new Error('formulaToSql: an untyped node');
    return type;
  }

  sql(node: Expr): string {
    switch (node.kind) {
      case 'number': {
        const value = formulaDecimal.parseDecimal(node.value);
        if (!value) throw new Error(`formulaToSql: bad number ${node.value}`);
        return `(${formulaDecimal.toText(value)}::numeric)`;
      }
      case 'text':
        return `(${textLiteral(node.value)}::text)`;
      case 'boolean':
        return node.value ? 'TRUE' : 'FALSE';
      case 'field':
        return `((${this.column(node.path)})${CASTS[this.typeOf(node)]})`;
      case 'unary':
        return node.op === '-' ? `(- ${this.sql(node.arg)})` : `(NOT ${this.sql(node.arg)})`;
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
    }
  }

  /** The node as text (TEXT() and &), IMMUTABLE (to_char is not). */
  private text(node: Expr): string {
    const sql = this.sql(node);
    switch (this.typeOf(node)) {
      case 'number':
        return `(trim_scale(${sql})::text)`;
      case 'text':
        return sql;
      case 'boolean':
        return `(CASE WHEN ${sql} THEN 'TRUE' WHEN NOT ${sql} THEN 'FALSE' END)`;
      case 'date':
        return dateText(sql);
      case 'dateTime': {
        const local = `timezone(${this.timeZone}, ${sql})`;
        return (
          `(${dateText(`(${local})::date`)} || ' ' || ${pad(`extract(hour from ${local})`, 2)} || ':' || ` +
          `${pad(`extract(minute from ${local})`, 2)} || ':' || ${pad(`floor(extract(second from ${local}))`, 2)})`
        );
      }
    }
  }

  /** A date or date-time node as a date (a date-time's calendar day in the company time zone). */
  private day(node: Expr): string {
    const sql = this.sql(node);
    return this.typeOf(node) === 'dateTime' ? `(timezone(${this.timeZone}, ${sql}))::date` : sql;
  }

  private compare(type: FormulaType, op: string, left: string, right: string): string {
    return type === 'text' ? `(${left} COLLATE "C" ${op} ${right} COLLATE "C")` : `(${left} ${op} ${right})`;
  }

  private binary(node: Extract<Expr, { kind: 'binary' }>): string {
    if (node.op === '&') return `(COALESCE(${this.text(node.left)}, '') || COALESCE(${this.text(node.right)}, ''))`;
    const [left, right] = [this.sql(node.left), this.sql(node.right)];
    const [lt, rt] = [this.typeOf(node.left), this.typeOf(node.right)];
    switch (node.op) {
      case 'AND':
      case 'OR':
        return `(${left} ${node.op} ${right})`;
      case '+':
        if (lt === 'date') return addDays(left, right);
        if (rt === 'date') return addDays(right, left);
        return `(${left} + ${right})`;
      case '-':
        if (lt === 'date' && rt === 'date') return `((${left} - ${right})::numeric)`;
        if (lt === 'date') return addDays(left, `(- ${right})`);
        return `(${left} - ${right})`;
      case '*':
        return `(${left} * ${right})`;
      case '/':
        return `round((${left} + ${DIVISION_PAD}) / NULLIF(${right}, 0), 10)`;
      default:
        return this.compare(lt, node.op, left, right);
    }
  }

  private call(node: Extract<Expr, { kind: 'call' }>): string {
    const args = node.args;
    const sql = (i: number): string => this.sql(args[i] as Expr);
    const all = (): string[] => args.map((arg) => this.sql(arg));
    switch (node.name) {
      case 'IF':
        return `(CASE WHEN ${sql(0)} THEN ${sql(1)}${args.length > 2 ? ` ELSE ${sql(2)}` : ''} END)`;
      case 'IFS': {
        const arms: string[] = [];
        for (let i = 0; i < args.length; i += 2) arms.push(`WHEN ${sql(i)} THEN ${sql(i + 1)}`);
        return `(CASE ${arms.join(' ')} END)`;
      }
      case 'SWITCH': {
        const subject = sql(0);
        const type = this.typeOf(args[0] as Expr);
        const arms: string[] = [];
        const pairs = args.length - 1 - ((args.length - 1) % 2);
        for (let i = 1; i < pairs; i += 2)
          arms.push(`WHEN ${this.compare(type, '=', subject, sql(i))} THEN ${sql(i + 1)}`);
        const otherwise = args.length % 2 === 0 ? ` ELSE ${sql(args.length - 1)}` : '';
        return `(CASE ${arms.join(' ')}${otherwise} END)`;
      }
      case 'COALESCE':
        return `COALESCE(${all().join(', ')})`;
      case 'ISBLANK':
        return this.typeOf(args[0] as Expr) === 'text' ? `(COALESCE(${sql(0)}, '') = '')` : `(${sql(0)} IS NULL)`;
      case 'AND':
      case 'OR':
        return `(${all().join(` ${node.name} `)})`;
      case 'NOT':
        return `(NOT ${sql(0)})`;
      case 'ROUND':
      case 'ROUNDDOWN':
      case 'ROUNDUP': {
        const digits = args[1] ? (digitsOf(args[1]) ?? 0) : 0;
        if (node.name === 'ROUND') return `round(${sql(0)}, ${digits})`;
        if (node.name === 'ROUNDDOWN') return `trunc(${sql(0)}, ${digits})`;
        const factor = digits >= 0 ? `1${'0'.repeat(digits)}` : `0.${'0'.repeat(-digits - 1)}1`;
        const value = sql(0);
        return `(sign(${value}) * ceil(abs(${value}) * ${factor}) / ${factor})`;
      }
      case 'ABS':
        return `abs(${sql(0)})`;
      case 'MOD': {
        const [a, b] = [sql(0), sql(1)];
        const rest = `mod(${a}, NULLIF(${b}, 0))`;
        return `(${rest} + CASE WHEN ${rest} * ${b} < 0 THEN ${b} ELSE 0 END)`;
      }
      case 'MIN':
      case 'MAX': {
        const text = this.typeOf(node) === 'text';
        const values = all().map((value) => (text ? `${value} COLLATE "C"` : value));
        const least = `${node.name === 'MIN' ? 'LEAST' : 'GREATEST'}(${values.join(', ')})`;
        // COLLATE "C" orders the text; the result must not carry it on (UPPER would then map ASCII only).
        return text ? `(${least} COLLATE "default")` : least;
      }
      case 'LEN':
        return `(length(${sql(0)})::numeric)`;
      case 'LEFT':
      case 'RIGHT': {
        // LEAST/GREATEST skip NULL: `+ 0 * n` keeps a blank count blank.
        const count =
          args.length > 1 ? `(GREATEST(${clampedInteger(sql(1), MAX_COUNT)}, 0) + 0 * trunc(${sql(1)}))::int` : '1';
        return `${node.name === 'LEFT' ? 'left' : 'right'}(${sql(0)}, ${count})`;
      }
      case 'MID': {
        // LEAST/GREATEST skip NULL: `+ 0 * n` keeps a blank start or count blank.
        const start = `(GREATEST(${clampedInteger(sql(1), MAX_POSITION)}, 1) + 0 * trunc(${sql(1)}))::int`;
        const count = `(GREATEST(${clampedInteger(sql(2), MAX_POSITION)}, 0) + 0 * trunc(${sql(2)}))::int`;
        return `substr(${sql(0)}, ${start}, ${count})`;
      }
      case 'FIND':
        return `(strpos(${sql(1)}, ${sql(0)})::numeric)`;
      // Case mapping follows the database's default collation (C.UTF-8 maps Unicode letters, as JavaScript does).
      case 'UPPER':
        return `upper((${sql(0)}) COLLATE "default")`;
      case 'LOWER':
        return `lower((${sql(0)}) COLLATE "default")`;
      case 'TRIM':
        return `btrim(${sql(0)}, E' \\t\\n\\r\u3000')`;
      case 'CONCAT':
        return `(${args.map((arg) => `COALESCE(${this.text(arg)}, '')`).join(' || ')})`;
      case 'TEXT':
        return this.text(args[0] as Expr);
      case 'TODAY':
        return `(timezone(${this.timeZone}, now()))::date`;
      case 'NOW':
        return 'now()';
      case 'ME':
        return `((${this.actor})::text)`;
      case 'DATE': {
        const months = `(${clampedInteger(sql(0), 100_000)} * 12 + ${clampedInteger(sql(1), 10_000_000)} - 1)`;
        const day = clampedInteger(sql(2), MAX_DAY_OFFSET + 1);
        const first =
          `make_date(LEAST(GREATEST(div(${months}, 12), 1), 9999)::int, ` +
          `(${months} - div(${months}, 12) * 12 + 1)::int, 1)`;
        return (
          `(CASE WHEN ${months} BETWEEN ${FIRST_MONTH} AND ${LAST_MONTH} AND abs(${day}) <= ${MAX_DAY_OFFSET} ` +
          `THEN ${fromDayNumber(`((${first} - ${DAY_ZERO}) + ${day} - 1)`)} END)`
        );
      }
      case 'YEAR':
      case 'MONTH':
      case 'DAY':
        return `(extract(${node.name.toLowerCase()} from ${this.day(args[0] as Expr)})::numeric)`;
      case 'WEEKDAY':
        return `(extract(dow from ${this.day(args[0] as Expr)}) + 1)::numeric`;
      case 'DATEDIF': {
        const [start, end] = [this.day(args[0] as Expr), this.day(args[1] as Expr)];
        const unit = (args[2] as Extract<Expr, { kind: 'text' }>).value.toLowerCase();
        if (unit === 'd') return `((${end} - ${start})::numeric)`;
        const age = `age((${end})::timestamp, (${start})::timestamp)`;
        if (unit === 'y') return `(extract(year from ${age})::numeric)`;
        return `((extract(year from ${age}) * 12 + extract(month from ${age}))::numeric)`;
      }
      case 'EDATE': {
        const date = this.day(args[0] as Expr);
        const offset = clampedInteger(sql(1), MAX_MONTH_OFFSET + 1);
        const months = `(extract(year from ${date}) * 12 + extract(month from ${date}) - 1 + ${offset})`;
        return (
          `(CASE WHEN abs(${offset}) <= ${MAX_MONTH_OFFSET} AND ${months} BETWEEN ${FIRST_MONTH} AND ${LAST_MONTH} ` +
          `THEN (${date} + make_interval(months => ${offset}::int))::date END)`
        );
      }
      default:
        throw new Error(`formulaToSql: unknown function ${node.name}`);
    }
  }
}

function dateText(sql: string): string {
  return (
    `(${pad(`extract(year from ${sql})`, 4)} || '-' || ${pad(`extract(month from ${sql})`, 2)} || '-' || ` +
    `${pad(`extract(day from ${sql})`, 2)})`
  );
}

/** A date plus whole days (toward zero), NULL beyond the years 1–9999. */
function addDays(date: string, days: string): string {
  return fromDayNumber(`((${date} - ${DAY_ZERO}) + ${clampedInteger(days, MAX_DAY_OFFSET + 1)})`);
}

/**
 * The date `n` days after 0001-01-01, NULL unless it lies within the years 1–9999. The range is checked on
 * the number, before any date arithmetic, so no value can raise "date out of range".
 */
function fromDayNumber(n: string): string {
  return `(CASE WHEN ${n} BETWEEN 0 AND ${LAST_DAY_NUMBER} THEN ${DAY_ZERO} + (${n})::int END)`;
}
