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

type I18n = { title?: Record<string, string>; description?: Record<string, string> };
type Localized = string | Record<string, string>;

/** One field of an entity definition, as far as the studio reads it. */
export interface FieldDefinition {
  type?: string;
  title?: string;
  description?: string;
  format?: string;
  enum?: unknown[];
  items?: FieldDefinition;
  maxLength?: number;
  'x-relation'?: { entity: string; onDelete?: string };
  'x-currency'?: string;
  'x-multiline'?: boolean;
  'x-i18n'?: I18n;
  'x-ui'?: { section?: string; order?: number; help?: Localized; hidden?: boolean };
}

/** The parts of an entity definition the studio reads. */
export interface EntityDefinition {
  $id: string;
  title: string;
  description?: string;
  'x-i18n'?: I18n;
  'x-entity': {
    titleField: string;
    workflow?: string;
    recordTypes?: Record<string, { title: Localized; required?: string[]; fields?: string[]; workflow?: string }>;
    sections?: { id: string; title: Localized }[];
  };
  properties: Record<string, FieldDefinition>;
  required?: string[];
}

/** A row of `GET /api/v1/meta/versions`. */
export interface PublishedVersion {
  version: number;
  hash?: string;
  source: string;
  note: string | null;
  published_by?: string | null;
  published_at: string;
}
