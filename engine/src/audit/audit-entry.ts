import { UUID_RE as UUID } from '@lodestar/core';

/** What an audit row says happened to a record or a system object. */
import type { AuditAction, AuditChanges } from '@lodestar/core';

// What an audit row holds is core's (audit-answer.ts): the runtime UI reads the same types.
export type { AuditAction, AuditChanges } from '@lodestar/core';

/**
 * Audited objects that are not entity records. Entity ids never contain a dot, so these cannot collide
 * with an entity's audit rows.
 */
export const AUDIT_OBJECTS = {
  user: 'lodestar.user',
  model: 'lodestar.model',
  orgUnit: 'lodestar.orgUnit',
  webhook: 'lodestar.webhook',
} as const;

/** One audit row to write: one record (or system object), one change. */
export interface AuditEntry {
  /** The user who made the change; null (or a non-uuid such as 'system') is the engine itself. */
  actorId: string | null;
  /** An entity id, or one of AUDIT_OBJECTS. */
  entity: string;
  recordId: string;
  action: AuditAction;
  changes: AuditChanges;
  /** What the change was beyond field values: `{ event, from, to }` of a transition, a publish's plan summary. */
  detail?: unknown;
  requestId?: string | null;
}

/**
 * The fields among `names` whose values differ between `before` and `after`, as `{ name: [before, after] }`.
 * Values are compared and returned JSON-normalized: Dates become ISO text, undefined becomes null, arrays
 * and objects compare by value (object key order does not matter). A missing record (create, delete)
 * counts as every field being null.
 */
export function changedFields(
  before: Readonly<Record<string, unknown>> | null | undefined,
  after: Readonly<Record<string, unknown>> | null | undefined,
  names: Iterable<string>,
): AuditChanges {
  const changes: AuditChanges = {};
  for (const name of names) {
    const from = toJsonValue(before?.[name]);
    const to = toJsonValue(after?.[name]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[name] = [from, to];
  }
  return changes;
}

/** A value as it reads back from JSON, with object keys sorted so equal values serialize equally. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') return toJsonValue(json.call(value));
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, toJsonValue((value as Record<string, unknown>)[key])]),
    );
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** The stored actor: a user's uuid, or null for the engine itself ('system', 'anonymous', nothing). */
export function toAuditActor(actorId: string | null | undefined): string | null {
  return actorId && UUID.test(actorId) ? actorId : null;
}

/** Who makes a change and for which request: what every audited write is handed besides its data. */
export interface AuditContext {
  /** The acting user's id; null (or a non-uuid) is the engine itself. */
  actorId: string | null;
  requestId?: string | undefined;
}
