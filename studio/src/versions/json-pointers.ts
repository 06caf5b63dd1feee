/** The value at a JSON pointer (RFC 6901), or undefined. */
export function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let at: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** Pointers where two values differ, objects walked key by key (as the engine's diff does for roles). */
export function changedPointers(before: unknown, after: unknown, at = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!plain(before) || !plain(after)) return [at];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key) =>
    changedPointers(before[key], after[key], `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
}

/** A value in one short line for "before → after": absent shows as a dash, long JSON is cut. */
export function short(value: unknown, max = 80): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
