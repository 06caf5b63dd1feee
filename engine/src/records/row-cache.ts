import type { CompiledEntity } from '../model/compile-model.js';
import type { Row } from './records-repo.js';

const LIMIT = 20_000;

// Per compiled entity, so a new model version starts empty and an old one is collected with it.
const caches = new WeakMap<CompiledEntity, Map<string, Row>>();

/**
 * The last full row this process read or wrote for a record. Never served to readers: it only
 * saves the read before a version-checked write, where a stale row costs a retry, not a wrong
 * answer (every write bumps the version, and a write at an old version matches nothing).
 */
export function cachedRow(entity: CompiledEntity, id: string): Row | undefined {
  // Roll-ups change with their child records, without a new version: such rows are always read afresh.
  if (entity.table.rollups) return undefined;
  return caches.get(entity)?.get(id);
}

/** Remembers a full row (the most recent use last, so the oldest is evicted first). */
export function rememberRow(entity: CompiledEntity, row: Row): void {
  let cache = caches.get(entity);
  if (!cache) caches.set(entity, (cache = new Map()));
  const id = row.id as string;
  cache.delete(id);
  cache.set(id, row);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
}

export function forgetRow(entity: CompiledEntity, id: string): void {
  caches.get(entity)?.delete(id);
}
