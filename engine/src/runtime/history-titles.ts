import type { Knex } from 'knex';
import type { TitledHistoryRow } from '@lodestar/core';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { Text } from '../errors.js';
import { stepNames, type StepNames } from '../migrate/step-names.js';
import type { Model } from '../model/compile-model.js';
import { listVersions, readVersion } from '../db/definitions-repo.js';
import type { HistoryJson } from './history-repo.js';
import { looksLikeDateKey } from '../workflow/date-timers.js';

/** A history row with its stages and event by title, in both languages (core's type). */
export type TitledHistory = TitledHistoryRow;

/** Events the engine itself records, not a workflow's. */
const SYSTEM_EVENTS: Record<string, Text> = {
  START: { en: 'Started', zh: '开始' },
  MIGRATE: { en: 'Moved when the model was updated', zh: '模型更新时调整阶段' },
};
const TIMER: Text = { en: 'Time limit reached', zh: '超时自动流转' };
const DATE_REACHED: Text = { en: 'Date reached', zh: '到期自动流转' };
const GONE: Text = { en: 'A removed stage', zh: '已删除的阶段' };

// Published versions never change: their definitions are read once per database, and only when a
// history row names a stage or event the current model no longer has.
const olderSets = new WeakMap<Knex, Map<number, DefinitionSet>>();

/**
 * Names each history row's stages and event by their titles: from the current model, else from the
 * newest older version that still had them (a stage a publish removed keeps the title it had, marked
 * `removed`), else a plain "a removed stage". Ids stay on the row for programs.
 */
export async function withHistoryTitles(knex: Knex, model: Model, rows: HistoryJson[]): Promise<TitledHistory[]> {
  const current = model.workflows;
  const known = (row: HistoryJson, state: string | null) =>
    state === null || current.get(row.workflow)?.states?.[state] !== undefined;
  const older = rows.some((row) => !known(row, row.from) || !known(row, row.to))
    ? await olderNames(knex, model.version)
    : undefined;
  const names = stepNames(model.set);
  return rows.map((row) => {
    const removed = (['from', 'to'] as const).filter((side) => !known(row, row[side]));
    const state = (name: string, side: 'from' | 'to'): Text => {
      if (!removed.includes(side)) return names.state(row.workflow, name);
      const title = older?.find((set) => set.workflows.find((w) => w.id === row.workflow)?.states?.[name]);
      return title ? stepNames(title).state(row.workflow, name) : GONE;
    };
    const titles = {
      ...(row.from !== null && { from: state(row.from, 'from') }),
      to: state(row.to, 'to'),
      event: timerTitle(model.set, row) ?? eventTitle(row, names, older ?? []),
    };
    return { ...row, titles, ...(removed.length && { removed }) };
  });
}

type Titled = { meta?: { title?: { en?: string; zh?: string } } } | string | undefined;

/**
 * A timer's own title, when its definition gives one (`after.<key>.meta.title`, such as 超过优先时限): a
 * record with two deadlines then says which one passed. Read from the state the timer left, in the current model.
 */
function timerTitle(set: DefinitionSet, row: HistoryJson): Text | undefined {
  if (!row.event.startsWith('after.') || row.from === null) return undefined;
  const after = set.workflows.find((w) => w.id === row.workflow)?.states?.[row.from]?.after as
    Record<string, Titled | Titled[]> | undefined;
  const timer = after?.[row.event.slice(6)];
  const title = (Array.isArray(timer) ? timer : [timer]).find((t) => typeof t === 'object' && t.meta?.title);
  const text = typeof title === 'object' ? title.meta?.title : undefined;
  if (!text?.en && !text?.zh) return undefined;
  return { en: text.en ?? text.zh!, zh: text.zh ?? text.en! };
}

function eventTitle(row: HistoryJson, names: StepNames, older: DefinitionSet[]): Text {
  if (SYSTEM_EVENTS[row.event]) return SYSTEM_EVENTS[row.event]!;
  if (row.event.startsWith('xstate.after')) return TIMER;
  // Timers record `after.<key>` (after.sla, after.P3D, after.after dueDate P1D 09:00).
  if (row.event.startsWith('after.')) return looksLikeDateKey(row.event.slice(6)) ? DATE_REACHED : TIMER;
  const title = names.event(row.workflow, row.event);
  if (title.en !== row.event || title.zh !== row.event) return title;
  for (const set of older) {
    const found = stepNames(set).event(row.workflow, row.event);
    if (found.en !== row.event || found.zh !== row.event) return found;
  }
  return title;
}

/** The definitions of every version before `current`, newest first (read once each). */
async function olderNames(knex: Knex, current: number): Promise<DefinitionSet[]> {
  const versions = ((await listVersions(knex)) as { version: number }[])
    .map((v) => Number(v.version))
    .filter((v) => v < current);
  const cache = olderSets.get(knex) ?? new Map<number, DefinitionSet>();
  olderSets.set(knex, cache);
  const sets: DefinitionSet[] = [];
  for (const version of versions) {
    if (!cache.has(version)) {
      const stored = await readVersion(knex, version);
      if (stored) cache.set(version, stored.definitions);
    }
    const set = cache.get(version);
    if (set) sets.push(set);
  }
  return sets;
}
