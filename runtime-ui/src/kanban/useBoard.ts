import { useCallback, useEffect, useRef, useState } from 'react';
import type { GroupsAnswer } from '@lodestar/core';
import { getJson } from '@lodestar/ui-shared';
import type { RecordJson, RecordPage } from '../model/types';

/* The board's data: one keyset page of cards per column, plus counts and totals from the groups endpoint. */

export interface ColumnCards {
  records: RecordJson[];
  nextCursor: string | null;
  loadingMore: boolean;
}

export interface GroupTotals {
  count: number;
  sum: number | null;
}

export interface BoardQuery {
  entity: string;
  states: string[];
  /** `filter[...]` and `q` parameters applied to the cards and the totals alike, so they always agree. */
  filters: Record<string, string>;
  expand?: string | undefined;
  sum?: string | undefined;
}

export type BoardStatus = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: Error };

const PAGE = 30;

function cardsPath(query: BoardQuery, state: string, cursor?: string): string {
  const params = new URLSearchParams({
    ...query.filters,
    'filter[state]': state,
    limit: String(PAGE),
    sort: '-updated_at',
  });
  if (query.expand) params.set('expand', query.expand);
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/records/${encodeURIComponent(query.entity)}?${params}`;
}

function groupsPath(query: BoardQuery): string {
  const params = new URLSearchParams({ ...query.filters, by: 'state' });
  if (query.sum) params.set('sum', query.sum);
  return `/api/v1/records/${encodeURIComponent(query.entity)}/groups?${params}`;
}

async function loadGroups(query: BoardQuery, signal?: AbortSignal): Promise<Record<string, GroupTotals>> {
  const answer = await getJson<GroupsAnswer>(groupsPath(query), signal);
  return Object.fromEntries(answer.data.map((g) => [String(g.key), { count: g.count, sum: g.sum }]));
}

export function useBoard(query: BoardQuery) {
  const [status, setStatus] = useState<BoardStatus>({ status: 'loading' });
  const [columns, setColumns] = useState<Record<string, ColumnCards>>({});
  const [groups, setGroups] = useState<Record<string, GroupTotals>>({});
  const [attempt, setAttempt] = useState(0);
  // The query as of the last load, so callbacks never page with stale filters.
  const current = useRef(query);
  current.current = query;
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  const key = JSON.stringify(query);

  useEffect(() => {
    const controller = new AbortController();
    const q = JSON.parse(key) as BoardQuery;
    setStatus({ status: 'loading' });
    Promise.all([
      loadGroups(q, controller.signal),
      Promise.all(q.states.map((state) => getJson<RecordPage>(cardsPath(q, state), controller.signal))),
    ]).then(
      ([totals, pages]) => {
        setGroups(totals);
        setColumns(
          Object.fromEntries(
            q.states.map((state, i) => [
              state,
              { records: pages[i]!.data, nextCursor: pages[i]!.nextCursor, loadingMore: false },
            ]),
          ),
        );
        setStatus({ status: 'ready' });
      },
      (error: Error) => !controller.signal.aborted && setStatus({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const refreshGroups = useCallback(() => {
    loadGroups(current.current).then(setGroups, () => undefined); // totals stay as they were; the cards are right
  }, []);

  const loadMore = useCallback((state: string) => {
    const column = columnsRef.current[state];
    if (!column?.nextCursor || column.loadingMore) return;
    const patch = (change: Partial<ColumnCards>) =>
      setColumns((all) => ({ ...all, [state]: { ...all[state]!, ...change } }));
    patch({ loadingMore: true });
    getJson<RecordPage>(cardsPath(current.current, state, column.nextCursor)).then(
      (page) =>
        setColumns((all) => {
          const seen = new Set(all[state]!.records.map((r) => r.id));
          return {
            ...all,
            [state]: {
              records: [...all[state]!.records, ...page.data.filter((r) => !seen.has(r.id))],
              nextCursor: page.nextCursor,
              loadingMore: false,
            },
          };
        }),
      () => patch({ loadingMore: false }),
    );
  }, []);
  /** Moves a card between columns at once (optimistic); returns the undo for a refusal. */
  const moveCard = useCallback((id: string, from: string, to: string): (() => void) => {
    // Read synchronously: a state updater may run later, during the next render.
    const moved = columnsRef.current[from]?.records.find((r) => r.id === id);
    if (!moved) return () => undefined;
    setColumns((all) => {
      const source = all[from];
      const target = all[to];
      if (!source || !target) return all;
      return {
        ...all,
        [from]: { ...source, records: source.records.filter((r) => r.id !== id) },
        [to]: {
          ...target,
          // The old stage's SLA due time is not the new one's: the engine's answer brings that (replaceCard).
          records: [
            { ...moved, state: to, state_entered_at: new Date().toISOString(), sla_due_at: null },
            ...target.records,
          ],
        },
      };
    });
    shiftTotals(setGroups, from, to, moved);
    return () => {
      setColumns((all) => {
        const source = all[from];
        const target = all[to];
        if (!source || !target) return all;
        return {
          ...all,
          [to]: { ...target, records: target.records.filter((r) => r.id !== id) },
          [from]: { ...source, records: [moved, ...source.records] },
        };
      });
      shiftTotals(setGroups, to, from, moved);
    };
  }, []);

  /** Puts the record the engine answered in place of the optimistic copy (new version, fields set by actions). */
  const replaceCard = useCallback((state: string, record: RecordJson) => {
    setColumns((all) => {
      const column = all[state];
      if (!column) return all;
      // Keep expanded relations: the event's answer carries ids only.
      return {
        ...all,
        [state]: { ...column, records: column.records.map((r) => (r.id === record.id ? keepExpanded(r, record) : r)) },
      };
    });
  }, []);

  return { status, columns, groups, reload, refreshGroups, loadMore, moveCard, replaceCard };
}

function keepExpanded(before: RecordJson, after: RecordJson): RecordJson {
  const merged: RecordJson = { ...after };
  for (const [name, value] of Object.entries(before)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof after[name] === 'string')
      merged[name] = value;
  }
  return merged;
}

// The count moves at once; the sums are corrected by the groups refetch that follows every move.
function shiftTotals(
  set: (f: (g: Record<string, GroupTotals>) => Record<string, GroupTotals>) => void,
  from: string,
  to: string,
  record: RecordJson | undefined,
) {
  if (!record) return;
  set((g) => ({
    ...g,
    [from]: { count: Math.max(0, (g[from]?.count ?? 1) - 1), sum: g[from]?.sum ?? null },
    [to]: { count: (g[to]?.count ?? 0) + 1, sum: g[to]?.sum ?? null },
  }));
}
