import type { AuditRow, HistoryRow, NotificationItem, RecordJson } from '@lodestar/core';

/** One line of a record's activity timeline, from whichever source said it. */
export type TimelineEntry =
  | { kind: 'history'; at: string; key: string; row: HistoryRow }
  | { kind: 'audit'; at: string; key: string; row: AuditRow; fields: string[] }
  | { kind: 'activity'; at: string; key: string; entity: string; record: RecordJson }
  | { kind: 'notification'; at: string; key: string; item: NotificationItem };

// Columns every write touches, and the stage a history row already tells.
const QUIET = new Set(['version', 'updated_at', 'updated_by', 'created_at', 'created_by', 'state', 'state_entered_at']);

/**
 * Workflow history, audit changes, linked activities and the reader's notifications about the record as one
 * list, newest first. An audit row that only
 * moved the stage is left out (its history row says it, with the event and comment); a create keeps its
 * line even without fields. Ties keep history before audit before activities before notifications, so the order is stable.
 */
export function mergeTimeline(input: {
  history: readonly HistoryRow[];
  audit: readonly AuditRow[];
  activities: readonly { entity: string; record: RecordJson }[];
  notifications?: readonly NotificationItem[];
}): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...input.history.map((row): TimelineEntry => ({ kind: 'history', at: row.at, key: `h${row.id}`, row })),
    ...input.audit.flatMap((row): TimelineEntry[] => {
      const fields = Object.keys(row.changes).filter((field) => !QUIET.has(field));
      if (row.action === 'transition' && fields.length === 0) return [];
      if (row.action === 'update' && fields.length === 0) return [];
      return [{ kind: 'audit', at: row.at, key: `a${row.id}`, row, fields }];
    }),
    ...input.activities.map(({ entity, record }): TimelineEntry => ({
      kind: 'activity',
      at: String(record.created_at),
      key: `r${entity}:${record.id}`,
      entity,
      record,
    })),
    ...(input.notifications ?? []).map((item): TimelineEntry => ({
      kind: 'notification',
      at: item.createdAt,
      key: `n${item.id}`,
      item,
    })),
  ];
  const rank = { history: 0, audit: 1, activity: 2, notification: 3 } as const;
  return entries
    .map((entry, i) => ({ entry, i, t: Date.parse(entry.at) }))
    .sort((a, b) => b.t - a.t || rank[a.entry.kind] - rank[b.entry.kind] || a.i - b.i)
    .map(({ entry }) => entry);
}
