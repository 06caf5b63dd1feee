/*
 * How unique keys and duplicate checks compare values, once, for both sides: the browser normalises
 * what the user types with these functions, and the engine builds its index expressions from the very
 * same character tables (engine schema/key-sql.ts), so a value the form calls a duplicate is one the
 * unique index refuses. Every step is a plain character mapping (no locale, no Unicode tables), which
 * is what PostgreSQL's IMMUTABLE `translate`, `btrim` and `regexp_replace` can reproduce exactly.
 */

/** The normalisations a unique key may ask for (`x-entity.unique[].normalize`). */
export type KeyNormalization = 'trim' | 'case' | 'width' | 'spaces';

export const KEY_NORMALIZATIONS: readonly KeyNormalization[] = ['trim', 'case', 'width', 'spaces'];

/**
 * Steps the duplicate check adds to those: `punctuation` drops separators and brackets (phone numbers,
 * codes, names written with （） or 【】), `suffixes` drops a company's legal-form suffix (有限公司…).
 */
export type KeyStep = KeyNormalization | 'punctuation' | 'suffixes';

/** Full-width ASCII forms U+FF01–U+FF5E and the ideographic space U+3000, and what each becomes. */
export const WIDE_CHARS: string =
  Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0xff01 + i)).join('') + '\u3000';
export const NARROW_CHARS: string =
  Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0x21 + i)).join('') + ' ';

export const UPPER_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER_CHARS = 'abcdefghijklmnopqrstuvwxyz';

/** What counts as a space: ASCII whitespace, no-break space, the ideographic space, zero-width space. */
export const SPACE_CHARS = ' \t\n\r\u000b\u000c\u00a0\u3000\u200b';

/** Separators and brackets a duplicate check ignores (after width: full-width forms are ASCII by then). */
export const PUNCTUATION_CHARS = '-_.,;:/\\|()[]{}<>"\'`~!@#$%^&*+=?·、。，【】「」『』《》〈〉“”‘’—';

/** Legal-form suffixes of company names, longest first; several in a row all go (集团有限公司). */
export const COMPANY_SUFFIXES: readonly string[] = ['有限责任公司', '股份有限公司', '有限公司', '集团', '公司'];

/** The suffix pattern both sides use (JavaScript and PostgreSQL ARE regular expressions read it alike). */
export const COMPANY_SUFFIX_PATTERN = `(${COMPANY_SUFFIXES.join('|')})+$`;

/** The order steps apply in, whatever order a definition lists them: width first, so U+3000 is a space. */
export const KEY_STEP_ORDER: readonly KeyStep[] = ['width', 'case', 'punctuation', 'spaces', 'trim', 'suffixes'];

/** `value` compared as a key with these steps; the engine's index expression computes the same. */
export function normalizeKey(value: string, steps: readonly KeyStep[]): string {
  let out = value;
  for (const step of KEY_STEP_ORDER) {
    if (!steps.includes(step)) continue;
    if (step === 'width') out = translate(out, WIDE_CHARS, NARROW_CHARS);
    else if (step === 'case') out = translate(out, UPPER_CHARS, LOWER_CHARS);
    else if (step === 'punctuation') out = translate(out, PUNCTUATION_CHARS, '');
    else if (step === 'spaces') out = translate(out, SPACE_CHARS, '');
    else if (step === 'trim') out = trimChars(out, SPACE_CHARS);
    else out = out.replace(new RegExp(COMPANY_SUFFIX_PATTERN, 'u'), '');
  }
  return out;
}

/** How a duplicate check compares codes and phone numbers: width, case, no spaces or separators. */
export const CODE_KEY: readonly KeyStep[] = ['width', 'case', 'punctuation', 'spaces'];

/** How it compares names: as codes, without the legal-form suffix. */
export const NAME_KEY: readonly KeyStep[] = [...CODE_KEY, 'suffixes'];

/** A key value that never conflicts: absent or blank after normalisation. */
export function isBlankKey(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value === '');
}

/** PostgreSQL's translate(): each character of `from` becomes the one at its place in `to`, or goes. */
export function translate(value: string, from: string, to: string): string {
  const table = tableOf(from, to);
  let out = '';
  for (const char of value) {
    const mapped = table.get(char);
    out += mapped === undefined ? char : mapped;
  }
  return out;
}

// The character tables of the few (from, to) pairs keys use, built once: an import normalises every row.
const tables = new Map<string, Map<string, string>>();

function tableOf(from: string, to: string): Map<string, string> {
  const key = `${from}\u0000${to}`;
  let table = tables.get(key);
  if (!table) {
    const toChars = Array.from(to);
    table = new Map();
    // The first occurrence of a character decides, as in PostgreSQL; past the end of `to` it is dropped ('').
    Array.from(from).forEach((char, at) => {
      if (!table!.has(char)) table!.set(char, toChars[at] ?? '');
    });
    if (tables.size > 64) tables.clear();
    tables.set(key, table);
  }
  return table;
}

/** PostgreSQL's btrim(value, characters). */
export function trimChars(value: string, chars: string): string {
  const set = new Set(Array.from(chars));
  const list = Array.from(value);
  let start = 0;
  let end = list.length;
  while (start < end && set.has(list[start]!)) start++;
  while (end > start && set.has(list[end - 1]!)) end--;
  return list.slice(start, end).join('');
}
