import type { FieldUse } from '../reference.js';
import type { ActionContext } from './types.js';

/** Where a value may come from: a field of the record (`record.x`, `record.id`), the actor's id, or the decision time. */
export const SOURCE_PATTERN = '^(record\\.[a-zA-Z][a-zA-Z0-9_]*|actor\\.id|now)$';

/** The value a source names, read from the action context. */
export function readSource(source: string, ctx: ActionContext): unknown {
  if (source === 'now') return ctx.now;
  if (source === 'actor.id') return ctx.actor.id;
  return ctx.record[source.slice('record.'.length)];
}

/** The record field a source reads, if it reads one, for validation. */
export function sourceField(source: string, pointer: string): FieldUse[] {
  return source.startsWith('record.') ? [{ pointer, field: source.slice('record.'.length) }] : [];
}
