import { useCallback, useEffect, useState } from 'react';

/** An API failure, with the problem+json detail when the engine sent one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) {
    const problem = (body ?? {}) as { detail?: string; title?: string };
    throw new ApiError(problem.detail ?? problem.title ?? `HTTP ${response.status}`, response.status);
  }
  if (body === undefined) throw new ApiError('the server did not answer with JSON', response.status);
  return body as T;
}

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: Error };

/** GETs `path` on mount (and on `reload`), aborting on unmount. */
export function useApi<T>(path: string): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getJson<T>(path, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: Error) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, reload];
}

/** The parts of an entity definition this app reads. */
export interface EntityDefinition {
  $id: string;
  title: string;
  description?: string;
  'x-i18n'?: { title?: Record<string, string>; description?: Record<string, string> };
  'x-entity': {
    titleField: string;
    recordTypes?: Record<string, { title: string | Record<string, string> }>;
  };
  properties: Record<string, unknown>;
}

/**
 * How many records an entity holds, from a one-row list. A list that reports a total gives the exact
 * number; otherwise only "none" or "some" is known.
 */
export type RecordCount = { exact: number } | { atLeast: number };

export async function countRecords(entity: string, signal?: AbortSignal): Promise<RecordCount> {
  const body = await getJson<Record<string, unknown>>(`/api/v1/records/${encodeURIComponent(entity)}?limit=1`, signal);
  const meta = (body.meta ?? body.page ?? {}) as Record<string, unknown>;
  for (const total of [body.total, body.count, meta.total, meta.count]) {
    if (typeof total === 'number') return { exact: total };
  }
  if (!Array.isArray(body.data)) throw new ApiError('unexpected list response', 200);
  // Keyset pages (`{ data, nextCursor }`) carry no total: a page with no next cursor is all there is.
  const last = body.nextCursor === null || body.data.length === 0;
  return last ? { exact: body.data.length } : { atLeast: body.data.length };
}
