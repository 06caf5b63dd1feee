import type { SqlType } from '../schema/table-spec.js';

/**
 * Whether every value of `from` converts to `to` without loss or rounding, so no stored value can
 * change meaning: varchar(100) → varchar(200) / text, integer → bigint / numeric / double, anything → text or jsonb.
 */
export function isWidening(from: SqlType, to: SqlType): boolean {
  if (!to.array && (to.base === 'text' || to.base === 'jsonb')) return true;
  if (to.array) return to.base === 'text' && !from.array && isTextual(from);
  if (from.array) return false;
  if (to.base === 'varchar') return isTextual(from) && from.base === 'varchar' && fitsLength(from, to);
  return isWideNumber(from, to) || (from.base === 'date' && to.base === 'timestamptz');
}

/** text and varchar; a choice value and a text list item are both text. */
export function isTextual(type: SqlType): boolean {
  return type.base === 'text' || type.base === 'varchar';
}

function fitsLength(from: SqlType, to: SqlType): boolean {
  if (to.length === undefined) return true;
  return from.length !== undefined && from.length <= to.length;
}

function isWideNumber(from: SqlType, to: SqlType): boolean {
  if (from.base === 'integer') return to.base === 'bigint' || to.base === 'double precision' || numericHolds(to, 10, 0);
  if (from.base === 'bigint') return numericHolds(to, 19, 0);
  if (from.base === 'numeric') {
    if (from.precision === undefined) return to.base === 'numeric' && to.precision === undefined;
    return numericHolds(to, from.precision - (from.scale ?? 0), from.scale ?? 0);
  }
  return false;
}

/** Whether `to` is a numeric with room for `digits` integer digits and `scale` decimals. */
function numericHolds(to: SqlType, digits: number, scale: number): boolean {
  if (to.base !== 'numeric') return false;
  if (to.precision === undefined) return true;
  const toScale = to.scale ?? 0;
  return to.precision - toScale >= digits && toScale >= scale;
}
