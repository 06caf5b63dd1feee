import type { LocalizedText } from '../../definitions/entity.js';

/** The PascalCase type name of an entity id: `salesOrder` → `SalesOrder`. */
export function toTypeName(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/** The English text of a localized text (`en`, else the first language), preferring an `x-i18n` English entry. */
export function toEnglish(text: LocalizedText | undefined, i18n?: Record<string, string>): string | undefined {
  if (i18n?.en) return i18n.en;
  if (text === undefined || typeof text === 'string') return text;
  return text.en ?? Object.values(text)[0];
}

/**
 * A type name per entity id that no other generated name can shadow: an entity whose name (or a derived
 * name) is reserved, or equals another entity's derived name (`customerCreate` vs `customer` + `Create`),
 * gets the suffix `Record`.
 * @example toTypeNames(['problem', 'deal'], { reserved: ['Problem'], suffixes: [''] }) // problem → ProblemRecord
 */
export function toTypeNames(
  ids: readonly string[],
  options: { reserved: readonly string[]; suffixes: readonly string[] },
): Map<string, string> {
  const reserved = new Set(options.reserved);
  const derived = (base: string) => options.suffixes.map((suffix) => base + suffix);
  const names = new Map<string, string>();
  for (const id of ids) {
    const base = toTypeName(id);
    const shadows = ids.some((other) => other !== id && derived(toTypeName(other)).includes(base));
    names.set(id, shadows || derived(base).some((name) => reserved.has(name)) ? `${base}Record` : base);
  }
  return names;
}
