import type { Issue, Problem, Text } from '@lodestar/core';
import { useCallback, useEffect, useState } from 'react';
import { currentToken, endSession } from './session';
import { initialLang } from './i18n';
import { previewHeaders } from './preview';

/** One problem with a request, as the engine reports it (`pointer`: `/field`, `/query/filter[x]`, …): core's Issue. */
export type ApiIssue = Issue;

/** An API failure, with the problem+json body when the engine sent one (issues, a guard's reason…). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problem: Partial<Problem> & { reason?: Text } = {},
  ) {
    super(message);
  }

  get issues(): ApiIssue[] {
    return this.problem.issues ?? [];
  }
}

/**
 * The database position of this tab's last write (`X-Lodestar-Lsn`, sent only with a read replica), echoed on
 * later requests so lists and reports include it whichever engine answers them.
 */
let lastWrite: string | undefined;

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return sendJson<T>('GET', path, undefined, signal);
}

/** Calls the API with the session's bearer token; a 401 ends the session (the sign-in form returns). */
export async function sendJson<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const token = currentToken();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...(body !== undefined && { 'Content-Type': 'application/json' }),
    ...(token && { Authorization: `Bearer ${token}` }),
    ...(lastWrite && { 'X-Lodestar-Read-After': lastWrite }),
    // "View as": inside a preview every request says so, and the engine refuses its writes (preview.ts).
    ...previewHeaders(),
  };
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    signal,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (response.status === 401 && token) endSession();
  lastWrite = response.headers.get('x-lodestar-lsn') ?? lastWrite;
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const answer: unknown = type.includes('json') ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) {
    const problem = (answer ?? {}) as Partial<Problem>;
    // The engine words what users see in both languages (`i18n`); `detail` is its English.
    throw new ApiError(
      problem.i18n?.[initialLang()] ?? problem.detail ?? problem.title ?? `HTTP ${response.status}`,
      response.status,
      problem,
    );
  }
  if (answer === undefined) throw new ApiError('the server did not answer with JSON', response.status);
  return answer as T;
}

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: Error };

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
