import { useEffect, useRef, useState } from 'react';
import type { AuditPage, HistoryRow, NotificationPage, RecordJson, RecordPage } from '@lodestar/core';
import { getJson } from '@lodestar/ui-shared';
import { mergeTimeline, type TimelineEntry } from './merge';
import type { FollowUpShape } from './followUp';

const TIMELINE_LIMIT = 30;

/**
 * A record's timeline from the APIs it already has, each read under the reader's permissions: its history
 * (workflow records), its audit trail, the agenda records linked to it and the reader's own notifications
 * about it (the inbox's newest page, filtered here: an inbox holds few rows per person). A source the reader may not read
 * is left out, not an error. The last answer stays on screen while a newer one loads.
 */
export function useTimeline(
  entity: string,
  id: string,
  hasWorkflow: boolean,
  shapes: readonly FollowUpShape[],
  version: string,
): TimelineEntry[] | null {
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const shapesKey = shapes.map((s) => `${s.entity.$id}.${s.link}`).join(',');
  const shapesRef = useRef(shapes);
  shapesRef.current = shapes;
  useEffect(() => {
    const controller = new AbortController();
    const base = `/api/v1/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`;
    const quiet = <T>(promise: Promise<T>, empty: T) => promise.catch(() => empty);
    void Promise.all([
      hasWorkflow
        ? quiet(getJson<{ data: HistoryRow[] }>(`${base}/history`, controller.signal), { data: [] })
        : { data: [] },
      quiet(getJson<AuditPage>(`${base}/audit?limit=${TIMELINE_LIMIT}`, controller.signal), {
        data: [],
        nextCursor: null,
      }),
      Promise.all(
        shapesRef.current.map((shape) =>
          quiet(
            getJson<RecordPage>(
              `/api/v1/records/${encodeURIComponent(shape.entity.$id)}?limit=${TIMELINE_LIMIT}&sort=-created_at&filter[${encodeURIComponent(shape.link)}]=${encodeURIComponent(id)}`,
              controller.signal,
            ),
            { data: [] as RecordJson[], nextCursor: null },
          ).then((page) => page.data.map((record) => ({ entity: shape.entity.$id, record }))),
        ),
      ),
      quiet(getJson<NotificationPage>('/api/v1/me/notifications?order=newest&limit=100', controller.signal), {
        data: [],
        unread: 0,
        next: null,
      }),
    ]).then(([history, audit, activities, inbox]) => {
      if (controller.signal.aborted) return;
      setEntries(
        mergeTimeline({
          history: history.data,
          audit: audit.data,
          activities: activities.flat(),
          notifications: inbox.data.filter((item) => item.entity === entity && item.recordId === id),
        }).slice(0, TIMELINE_LIMIT * 2),
      );
    });
    return () => controller.abort();
  }, [entity, id, hasWorkflow, shapesKey, version]);
  return entries;
}
