import type { Knex } from 'knex';
import type { AuditPage, AuditRow } from '@lodestar/core';
import { BadRequestError, issueOf } from '../errors.js';
import { toAuditActor, toJsonValue, type AuditAction, type AuditChanges, type AuditEntry } from './audit-entry.js';

/** The repository of `lodestar_audit`; its pure half, audit-sql.ts, builds the inserts one-statement writes compose. */
const AUDIT = 'lodestar_audit';
// 7 bindings a row: 500 rows stay far below PostgreSQL's 65,535 parameters per statement.
const CHUNK = 500;
export const AUDIT_PAGE_MAX = 200;

/** One audit row as the API shows it (core's AuditRow: the runtime UI reads the same). */
export type AuditJson = AuditRow;
export type { AuditPage } from '@lodestar/core';

export interface AuditQuery {
  entity: string;
  recordId: string;
  /** Rows per page, 1 to AUDIT_PAGE_MAX (default 50). */
  limit?: number;
  /** Only rows older than this id (a previous page's nextCursor). */
  beforeId?: string;
  /**
   * Fields the reader may not see: left out of `changes`, and an update that changed no other field is
   * left out altogether (as field history does for fields a user cannot see), so no row hints at them.
   */
  hidden?: ReadonlySet<string>;
}

/**
 * Appends audit rows, in chunks. Pass the transaction of the change they describe, so both commit or
 * neither does.
 */
export async function insertAudit(knex: Knex | Knex.Transaction, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await knex(AUDIT).insert(entries.slice(i, i + CHUNK).map(toRow));
  }
}

/** A record's audit trail, newest first, one page at a time. */
export async function readAudit(knex: Knex | Knex.Transaction, query: AuditQuery): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), AUDIT_PAGE_MAX);
  const rows = await knex(AUDIT)
    .where({ entity: query.entity, record_id: query.recordId })
    .modify((q) => {
      if (query.beforeId !== undefined) q.where('id', '<', toCursor(query.beforeId));
      if (query.hidden?.size) {
        // An update shows only when it changed something the reader sees (one that changed nothing hints at a hidden field too).
        q.whereRaw(
          `(action <> 'update' or exists (select 1 from jsonb_object_keys(coalesce(changes, '{}'::jsonb)) as k where k <> all(?::text[])))`,
          [[...query.hidden]],
        );
      }
    })
    .orderBy('id', 'desc')
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(toAuditJson);
  if (query.hidden?.size) {
    const hidden = query.hidden;
    for (const row of page)
      row.changes = Object.fromEntries(Object.entries(row.changes).filter(([name]) => !hidden.has(name)));
  }
  return { data: page, nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}

export function toAuditJson(row: Record<string, unknown>): AuditJson {
  return {
    id: String(row.id),
    at: new Date(row.at as Date | string).toISOString(),
    actorId: (row.actor_id as string | null) ?? null,
    entity: row.entity as string,
    recordId: row.record_id as string,
    action: row.action as AuditAction,
    changes: (row.changes as AuditChanges | null) ?? {},
    detail: row.detail ?? null,
    requestId: (row.request_id as string | null) ?? null,
  };
}

function toRow(entry: AuditEntry): Record<string, unknown> {
  return {
    actor_id: toAuditActor(entry.actorId),
    entity: entry.entity,
    record_id: entry.recordId,
    action: entry.action,
    // Normalized here too, so a Date in a hand-built entry reads back as the ISO text changedFields gives.
    changes: JSON.stringify(toJsonValue(entry.changes)),
    detail: entry.detail === undefined || entry.detail === null ? null : JSON.stringify(toJsonValue(entry.detail)),
    request_id: entry.requestId ?? null,
  };
}

function toCursor(beforeId: string): string {
  if (!/^[1-9][0-9]{0,17}$/.test(beforeId)) {
    const text = {
      en: 'the cursor must be the nextCursor of a previous page',
      zh: '游标必须是上一页返回的 nextCursor',
    };
    throw new BadRequestError(text, { issues: [issueOf('/query/cursor', 'cursor', text)] });
  }
  return beforeId;
}
