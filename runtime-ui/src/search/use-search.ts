import type { SearchAnswer } from '@lodestar/core';
import { api } from '@lodestar/ui-shared';
import { useEffect, useState } from 'react';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; q: string }
  | { status: 'done'; answer: SearchAnswer }
  | { status: 'failed'; q: string };

/** The answer for `q`, asked 150 ms after the last keystroke; an older request is aborted. */
export function useSearch(q: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    const query = q.trim();
    if (!query) return void setState({ status: 'idle' });
    setState({ status: 'loading', q: query });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api('get', '/search', { query: { q: query, limit: 5 }, signal: controller.signal })
        .then((answer) => setState({ status: 'done', answer }))
        .catch(() => !controller.signal.aborted && setState({ status: 'failed', q: query }));
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return state;
}
