import type { Text } from '../text.js';

/** The locale each language formats numbers and dates in. */
export function localeOf(lang: keyof Text): string {
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}

// Intl formatters are costly to build and a table shows hundreds of cells: one per language and options.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter as T;
}

/**
 * An amount in its currency (`¥1,234.50`), with the field's scale (`x-scale`) as its most decimals when
 * given; an unknown currency code is written after the number.
 */
export function formatMoney(value: number, currency: string, lang: keyof Text, scale?: number): string {
  try {
    return cached(`money:${lang}:${currency}:${scale ?? ''}`, () => {
      const options: Intl.NumberFormatOptions = { style: 'currency', currency };
      if (scale !== undefined) {
        const usual = new Intl.NumberFormat('en-US', options).resolvedOptions().maximumFractionDigits ?? 2;
        Object.assign(options, { minimumFractionDigits: Math.min(usual, scale), maximumFractionDigits: scale });
      }
      return new Intl.NumberFormat(localeOf(lang), options);
    }).format(value);
  } catch {
    return `${formatNumber(value, lang)} ${currency}`;
  }
}

/** A number with the language's grouping, up to six decimals. */
export function formatNumber(value: number, lang: keyof Text): string {
  return cached(`number:${lang}`, () => new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 6 })).format(
    value,
  );
}

/** A calendar date (`2026-11-23`), shown as that day whatever the reader's time zone. */
export function formatDate(value: string, lang: keyof Text): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return cached(
    `date:${lang}`,
    () => new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(date);
}

/** A moment, in the reader's time zone. */
export function formatDateTime(value: string, lang: keyof Text): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return cached(
    `dateTime:${lang}`,
    () => new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

/** `YYYY-MM-DD HH:mm` of a moment in a time zone, as a spreadsheet reads a date and time. */
export function sheetDateTime(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso) => {
    const instant = new Date(iso);
    if (Number.isNaN(instant.getTime())) return iso;
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  };
}
