/**
 * Exact decimal numbers for the formula evaluator, so JavaScript computes what PostgreSQL's `numeric`
 * computes: sums, differences and products are exact, quotients are rounded to DIVISION_SCALE places,
 * and rounding is half away from zero. A value is `units × 10^-scale`.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Decimal places a quotient keeps (PostgreSQL: `round(a / b, 10)`). */
export const DIVISION_SCALE = 10;

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** The decimal a text spells (`12`, `-0.5`, `1e-7`); undefined when it spells none. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_RE.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  let units = BigInt(`${whole}${fraction}` || '0');
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

/**
 * A JavaScript number as a decimal: its shortest round-trip spelling, which is also what PostgreSQL
 * prints for a `double precision` (so `col::text::numeric` agrees).
 */
export function fromNumber(value: number): Decimal | undefined {
  if (!Number.isFinite(value)) return undefined;
  return parseDecimal(String(value));
}

export function fromInteger(value: number | bigint): Decimal {
  return { units: BigInt(value), scale: 0 };
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [rescale(a, scale), rescale(b, scale), scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { units: x + y, scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { units: x - y, scale };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function negate(a: Decimal): Decimal {
  return { units: -a.units, scale: a.scale };
}

export function abs(a: Decimal): Decimal {
  return a.units < 0n ? negate(a) : a;
}

export function compare(a: Decimal, b: Decimal): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZero(a: Decimal): boolean {
  return a.units === 0n;
}

/** `numerator / denominator` rounded half away from zero to whole units. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const rounded = (n % d) * 2n >= d ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/** a / b to DIVISION_SCALE places, half away from zero; undefined when b is zero. */
export function divide(a: Decimal, b: Decimal): Decimal | undefined {
  if (b.units === 0n) return undefined;
  // a / b = (a.units / b.units) × 10^(b.scale - a.scale); scale the numerator to the wanted places.
  const shift = DIVISION_SCALE + b.scale - a.scale;
  const numerator = shift >= 0 ? a.units * 10n ** BigInt(shift) : a.units;
  const denominator = shift >= 0 ? b.units : b.units * 10n ** BigInt(-shift);
  return { units: divideRounded(numerator, denominator), scale: DIVISION_SCALE };
}

export type RoundMode = 'halfAwayFromZero' | 'towardZero' | 'awayFromZero';

/** `value` to `places` decimal places (negative: tens, hundreds…). */
export function round(value: Decimal, places: number, mode: RoundMode = 'halfAwayFromZero'): Decimal {
  if (places >= value.scale) return value;
  const factor = 10n ** BigInt(value.scale - places);
  const negative = value.units < 0n;
  const magnitude = negative ? -value.units : value.units;
  let whole = magnitude / factor;
  const rest = magnitude % factor;
  if (mode === 'halfAwayFromZero' && rest * 2n >= factor) whole += 1n;
  if (mode === 'awayFromZero' && rest > 0n) whole += 1n;
  const signed = negative ? -whole : whole;
  return places >= 0 ? { units: signed, scale: places } : { units: signed * 10n ** BigInt(-places), scale: 0 };
}

/** Excel's MOD: the remainder takes the divisor's sign; undefined when b is zero. */
export function modulo(a: Decimal, b: Decimal): Decimal | undefined {
  if (b.units === 0n) return undefined;
  const [x, y, scale] = aligned(a, b);
  let rest = x % y;
  if (rest !== 0n && rest < 0n !== y < 0n) rest += y;
  return { units: rest, scale };
}

/** The shortest plain spelling (no exponent, no trailing zeros): PostgreSQL's `trim_scale(x)::text`. */
export function toText(value: Decimal): string {
  const negative = value.units < 0n;
  let digits = (negative ? -value.units : value.units).toString();
  let scale = value.scale;
  while (scale > 0 && digits.endsWith('0') && digits.length > 1) {
    digits = digits.slice(0, -1);
    scale -= 1;
  }
  if (digits === '0') return '0';
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return negative ? `-${digits}` : digits;
}

export function toNumber(value: Decimal): number {
  return Number(toText(value));
}

/** Whole part, toward zero, as a JavaScript number clamped to ±limit. */
export function toClampedInteger(value: Decimal, limit: number): number {
  const whole = round(value, 0, 'towardZero').units;
  const big = BigInt(limit);
  return Number(whole > big ? big : whole < -big ? -big : whole);
}
