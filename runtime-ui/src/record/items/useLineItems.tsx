import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { EntityDefinition } from '@lodestar/core';
import type { Lang } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import type { RecordJson } from '../../model/types';
import { LineItemsGrid } from './LineItemsGrid';
import {
  cellErrors,
  computedLine,
  lineListsOf,
  linesChanged,
  liveRollups,
  toEditLines,
  toLinesBody,
  type EditLine,
} from './lineItems';
import { LINE_ITEM_MESSAGES } from './messages';

/** An issue of the engine's 422, as the form's save reports it. */
export interface AnsweredIssue {
  pointer: string;
  text: string;
}

/** What the record form needs of its line lists: the grids, the body part, the live roll-ups and the errors. */
export interface LineItemsState {
  /** The list names, so the form's save leaves their issues to the grid. */
  names: string[];
  dirty: boolean;
  /**
   * Completes the form's body: the lists whose lines changed (a new record's when it has some), and
   * without the roll-ups the form shows live (the engine computes them).
   */
  addTo(body: Record<string, unknown>, isNew: boolean): void;
  /** Whether a cell has a problem the form can see; marks every such cell. */
  refuse(): boolean;
  /** The engine's issues under a list (`/lines/2/quantity`), shown on their cells. */
  answer(issues: AnsweredIssue[]): void;
  /** The parent's roll-ups over the lines, computed as the user types. */
  rollups: Record<string, unknown>;
  /** The banner's words when refuse() finds a problem. */
  refusedText: string;
  grids: ReactNode;
  reset(): void;
}

/** The line item lists of one record's form (none for an entity without them). */
export function useLineItems(entity: EntityDefinition, record: RecordJson | undefined, locked: boolean, lang: Lang) {
  const { entities, entity: entityOf } = useModel();
  const lists = useMemo(() => lineListsOf(entities, entity, entityOf), [entities, entity, entityOf]);
  const initial = useMemo(
    () => Object.fromEntries(lists.map((list) => [list.name, toEditLines(list, record?.[list.name])])),
    [lists, record],
  );
  const [lines, setLines] = useState<Record<string, EditLine[]>>(initial);
  const [seenRecord, setSeenRecord] = useState(record);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [answered, setAnswered] = useState<Record<string, Record<number, Record<string, string>>>>({});
  if (seenRecord !== record) {
    // A saved or reloaded record brings its lines as the engine stored them.
    setSeenRecord(record);
    setLines(initial);
    setTouched(new Set());
    setShowAll(false);
    setAnswered({});
  }
  const now = useMemo(() => new Date(), []);
  const computed = useMemo(
    () =>
      Object.fromEntries(
        lists.map((list) => [list.name, (lines[list.name] ?? []).map((line) => computedLine(list, line, now))]),
      ),
    [lists, lines, now],
  );
  const rollups = useMemo(
    () => Object.assign({}, ...lists.map((list) => liveRollups(entity, list, computed[list.name] ?? [], now))),
    [lists, entity, computed, now],
  ) as Record<string, unknown>;
  const errorsOf = useCallback(
    (name: string, all: boolean) => {
      const list = lists.find((l) => l.name === name)!;
      return (lines[name] ?? []).map((line, i) => {
        const own = cellErrors(list, line, lang);
        const shown = Object.fromEntries(
          Object.entries(own).filter(([field]) => all || touched.has(`${line.key}/${field}`)),
        );
        return { ...shown, ...(answered[name]?.[i] ?? {}) };
      });
    },
    [lists, lines, lang, touched, answered],
  );
  const dirty = lists.some((list) => linesChanged(initial[list.name] ?? [], lines[list.name] ?? []));

  const grids = lists.map((list) => (
    <LineItemsGrid
      key={list.name}
      parent={entity}
      list={list}
      lines={lines[list.name] ?? []}
      computed={computed[list.name] ?? []}
      errors={errorsOf(list.name, showAll)}
      totals={rollups}
      lang={lang}
      readOnly={locked}
      onChange={(next) => {
        const before = lines[list.name] ?? [];
        const changed = new Set(touched);
        for (const line of next) {
          const old = before.find((b) => b.key === line.key);
          for (const field of Object.keys(line.values))
            if (!old || old.values[field] !== line.values[field]) changed.add(`${line.key}/${field}`);
        }
        setTouched(changed);
        setAnswered({});
        setLines({ ...lines, [list.name]: next });
      }}
    />
  ));

  const state: LineItemsState = {
    names: lists.map((list) => list.name),
    dirty,
    addTo: (body, isNew) => {
      for (const name of Object.keys(rollups)) delete body[name];
      for (const list of lists) {
        const now = lines[list.name] ?? [];
        if (isNew ? now.length > 0 : linesChanged(initial[list.name] ?? [], now)) body[list.name] = toLinesBody(now);
      }
    },
    refuse: () => {
      setShowAll(true);
      return lists.some((list) => errorsOf(list.name, true).some((cells) => Object.keys(cells).length > 0));
    },
    answer: (issues) => {
      const next: Record<string, Record<number, Record<string, string>>> = {};
      for (const issue of issues) {
        const [, name, index, field] = issue.pointer.split('/');
        if (!name || index === undefined || !lists.some((list) => list.name === name)) continue;
        ((next[name] ??= {})[Number(index)] ??= {})[field ?? ''] = issue.text;
      }
      setAnswered(next);
    },
    rollups,
    refusedText: LINE_ITEM_MESSAGES[lang].linesInvalid,
    grids: lists.length ? grids : null,
    reset: () => {
      setLines(initial);
      setTouched(new Set());
      setShowAll(false);
      setAnswered({});
    },
  };
  return state;
}

/** The form's values with the roll-ups it shows replaced by the live ones (a new record's form shows none). */
export function withLiveRollups(
  data: Record<string, unknown>,
  rollups: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const shown = Object.keys(rollups).filter((name) => fields.includes(name));
  if (!shown.length) return data;
  return { ...data, ...Object.fromEntries(shown.map((name) => [name, rollups[name] ?? undefined])) };
}
