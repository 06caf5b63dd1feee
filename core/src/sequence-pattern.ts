import type { Sequence } from './definitions/generated/entity.js';
import type { Text } from './text.js';

/*
 * Numbering patterns (`x-sequence`): `QT-{YYYY}-{0000}`. Literal text, date tokens `{YYYY}` `{YY}` `{MM}`
 * `{DD}`, the record type's `{PREFIX}`, and exactly one counter `{0…0}` whose width is its zero padding
 * (a number longer than the width prints in full). The engine numbers records with it and the studio
 * previews the next number with it, so both read the pattern the same way.
 */

/** `x-sequence` on a text field. */
export type SequenceDefinition = Sequence;
export type SequenceReset = NonNullable<Sequence['reset']>;

export type PatternPart = { literal: string } | { token: 'YYYY' | 'YY' | 'MM' | 'DD' | 'PREFIX' } | { counter: number };

/** Why a pattern cannot be read, in both languages. */
export interface PatternProblem {
  rule: 'sequencePattern' | 'sequenceCounter';
  text: Text;
}

const TOKENS = new Set(['YYYY', 'YY', 'MM', 'DD', 'PREFIX']);

/** The parts of a pattern, or the first reason it cannot be read. */
export function parsePattern(pattern: string): { parts: PatternPart[] } | { problem: PatternProblem } {
  const parts: PatternPart[] = [];
  let counters = 0;
  let rest = pattern;
  while (rest.length) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open)) return { problem: stray('}') };
    if (open === -1) {
      parts.push({ literal: rest });
      break;
    }
    if (open > 0) parts.push({ literal: rest.slice(0, open) });
    const end = rest.indexOf('}', open);
    if (end === -1) return { problem: stray('{') };
    const token = rest.slice(open + 1, end);
    if (/^0{1,12}$/.test(token)) {
      parts.push({ counter: token.length });
      counters++;
    } else if (TOKENS.has(token)) parts.push({ token: token as 'YYYY' });
    else
      return {
        problem: {
          rule: 'sequencePattern',
          text: {
            en: `"{${token}}" is not a token: use {YYYY}, {YY}, {MM}, {DD}, {PREFIX} or a counter such as {0000}`,
            zh: `“{${token}}”不是可用的占位符：可用 {YYYY}、{YY}、{MM}、{DD}、{PREFIX} 或计数器（如 {0000}）`,
          },
        },
      };
    rest = rest.slice(end + 1);
  }
  if (counters !== 1)
    return {
      problem: {
        rule: 'sequenceCounter',
        text: counters
          ? {
              en: 'a pattern has exactly one counter such as {0000}',
              zh: '编号规则只能有一个计数器（如 {0000}）',
            }
          : { en: 'a pattern needs a counter such as {0000}', zh: '编号规则需要一个计数器（如 {0000}）' },
      },
    };
  return { parts };
}

function stray(brace: string): PatternProblem {
  return {
    rule: 'sequencePattern',
    text: { en: `the pattern has an unmatched "${brace}"`, zh: `编号规则中的“${brace}”没有配对` },
  };
}

/** The calendar date a number is taken on, in the company's time zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** One formatter per time zone: building one costs far more than formatting with it (numbers are hot). */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The date of an instant in a time zone (an IANA name such as Asia/Shanghai). */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const of = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: of('year'), month: of('month'), day: of('day') };
}

/** Which counter a number is drawn from: one per prefix and, with a reset, per year or month. */
export function periodOf(reset: SequenceReset | undefined, date: CalendarDate): string {
  if (reset === 'yearly') return String(date.year);
  if (reset === 'monthly') return `${date.year}-${pad(date.month, 2)}`;
  return '';
}

/** The prefix a record type fills `{PREFIX}` with ('' when its type has none or the pattern has no token). */
export function prefixOf(sequence: Sequence, recordType: string | null | undefined): string {
  return (recordType && sequence.prefixes?.[recordType]) || '';
}

/**
 * A number's text around its counter: what comes before and after it, with dates and prefix filled
 * in, and the counter's width. The engine renders the counter itself where it draws it (in SQL).
 */
export function renderAround(
  parts: PatternPart[],
  date: CalendarDate,
  prefix: string,
): { before: string; width: number; after: string } {
  let before = '';
  let after = '';
  let width = 0;
  for (const part of parts) {
    if ('counter' in part) {
      width = part.counter;
      continue;
    }
    const text = 'literal' in part ? part.literal : tokenText(part.token, date, prefix);
    if (width) after += text;
    else before += text;
  }
  return { before, width, after };
}

/** A whole number: the pattern with dates, prefix and the counter's value filled in. */
export function renderNumber(parts: PatternPart[], date: CalendarDate, prefix: string, value: number): string {
  const { before, width, after } = renderAround(parts, date, prefix);
  return `${before}${pad(value, width)}${after}`;
}

/** Whether the pattern changes with the period its reset starts again in (else the numbers would repeat). */
export function patternShowsPeriod(parts: PatternPart[], reset: SequenceReset | undefined): boolean {
  const has = (token: string) => parts.some((part) => 'token' in part && part.token === token);
  const year = has('YYYY') || has('YY');
  if (reset === 'yearly') return year;
  if (reset === 'monthly') return year && has('MM');
  return true;
}

export function hasPrefixToken(parts: PatternPart[]): boolean {
  return parts.some((part) => 'token' in part && part.token === 'PREFIX');
}

function tokenText(token: 'YYYY' | 'YY' | 'MM' | 'DD' | 'PREFIX', date: CalendarDate, prefix: string): string {
  switch (token) {
    case 'YYYY':
      return String(date.year);
    case 'YY':
      return pad(date.year % 100, 2);
    case 'MM':
      return pad(date.month, 2);
    case 'DD':
      return pad(date.day, 2);
    case 'PREFIX':
      return prefix;
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
