import { useCallback, useEffect, useState } from 'react';
import { getJson } from '@lodestar/ui-shared';
import type { RecordJson } from '../model/types';

export type RecordState =
  | { status: 'loading' }
  | { status: 'ready'; record: RecordJson }
  | { status: 'error'; error: Error & { status?: number } };

/** One record, loaded by id; `replace` takes a record the server just answered with (save, event) without asking again. */
export function useRecord(
  entity: string,
  id: string,
): { state: RecordState; reload(): void; replace(record: RecordJson): void } {
  const [state, setState] = useState<RecordState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    getJson<RecordJson>(
      `/api/v1/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`,
      controller.signal,
    ).then(
      (record) => setState({ status: 'ready', record }),
      (error: Error) => !controller.signal.aborted && setState({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [entity, id, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((record: RecordJson) => setState({ status: 'ready', record }), []);
  return { state, reload, replace };
}
