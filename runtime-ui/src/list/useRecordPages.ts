import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson } from '@lodestar/ui-shared';
import type { RecordJson, RecordPage } from '../model/types';

export const PAGE_SIZE = 50;

export interface RecordPages {
  rows: RecordJson[];
  /** `loading`: the first page is on its way (skeleton); `more`: a further page is. */
  status: 'loading' | 'ready' | 'more' | 'error';
  error: Error | null;
  hasMore: boolean;
  loadMore(): void;
  retry(): void;
}

/**
 * Keyset paging with "load more": pages are appended, so rows keep their place on screen and the reader
 * can scan one growing list; a new query (params) starts over. Marks `lodestar:list-data` when a page arrives.
 */
export function useRecordPages(entity: string, params: string): RecordPages {
  const [rows, setRows] = useState<RecordJson[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<RecordPages['status']>('loading');
  const [error, setError] = useState<Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (after: string | null, append: boolean) => {
      controller.current?.abort();
      const current = (controller.current = new AbortController());
      setStatus(append ? 'more' : 'loading');
      setError(null);
      const query = new URLSearchParams(params);
      query.set('limit', String(PAGE_SIZE));
      if (after) query.set('cursor', after);
      getJson<RecordPage>(`/api/v1/records/${encodeURIComponent(entity)}?${query}`, current.signal).then(
        (page) => {
          if (current.signal.aborted) return;
          performance.mark('lodestar:list-data');
          setRows((before) => (append ? [...before, ...page.data] : page.data));
          setCursor(page.nextCursor);
          setStatus('ready');
        },
        (failure: Error) => {
          if (current.signal.aborted) return;
          setError(failure);
          setStatus('error');
        },
      );
    },
    [entity, params],
  );

  useEffect(() => {
    fetchPage(null, false);
    return () => controller.current?.abort();
  }, [fetchPage, attempt]);

  const loadMore = useCallback(() => {
    if (cursor) fetchPage(cursor, true);
  }, [cursor, fetchPage]);
  // A failed "load more" retries that page; a failed first page starts over.
  const retry = useCallback(
    () => (rows.length && cursor ? fetchPage(cursor, true) : setAttempt((n) => n + 1)),
    [rows.length, cursor, fetchPage],
  );

  return { rows, status, error, hasMore: cursor !== null, loadMore, retry };
}
