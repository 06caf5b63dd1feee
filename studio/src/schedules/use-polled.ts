import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson } from '@lodestar/ui-shared';

/**
 * GETs `path` on mount, on `reload`, and every `everyMs` while `poll` says so. Unlike useApi it keeps the
 * last answer while fetching again, so a progress bar moves instead of blinking.
 */
export function usePolled<T>(
  path: string,
  poll: (data: T | undefined) => boolean,
  everyMs = 1000,
): { data?: T; error?: Error; reload(): void } {
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  const [attempt, setAttempt] = useState(0);
  const pollRef = useRef(poll);
  pollRef.current = poll;
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      getJson<T>(path, controller.signal).then(
        (data) => {
          setState({ data });
          if (pollRef.current(data)) timer = setTimeout(load, everyMs);
        },
        (error: Error) => {
          if (!controller.signal.aborted) setState((s) => ({ ...s, error }));
        },
      );
    void load();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [path, attempt, everyMs]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
