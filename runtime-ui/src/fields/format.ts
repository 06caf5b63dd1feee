import { formatValue, linkedTitle, SCREEN_STYLE, type EntityDefinition, type ValueSubject } from '@lodestar/core';
import type { Lang } from '@lodestar/ui-shared';

// Values are worded once, in @lodestar/core (formatValue by kind), which the engine's CSV view export uses too.
export { formatDate, formatDateTime, formatMoney, formatNumber, isEmptyValue } from '@lodestar/core';

/** An id shown where its record or user is not known: its first eight characters. */
export const shortId = (id: string): string => SCREEN_STYLE.id(id);

/** What `formatPlain` needs beside the value: the model pieces it reads, and the language. */
export interface PlainContext extends ValueSubject {
  lang: Lang;
}

/** A value as plain text (titles, tooltips, chips), as the screens show it; empty values give ''. */
export function formatPlain(value: unknown, ctx: PlainContext): string {
  return String(formatValue(value, ctx, ctx.lang));
}

/** An expanded related record's title, the restricted word for one the reader may not see, else a short id. */
export function relatedTitle(value: unknown, target: EntityDefinition | undefined, lang: Lang): string {
  return linkedTitle(value, target, lang);
}

/** The id a relation value points at, expanded or not. */
export function relatedId(value: unknown): string {
  return value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value);
}
