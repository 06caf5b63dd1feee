import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { deleteDraft, loadDraft, saveDraft, type LoadedDraft } from './load-draft';
import type { Issue as DefinitionIssue, DefinitionSet } from '@lodestar/core';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export interface DraftState {
  definitions: DefinitionSet;
  baseVersion: number;
  publishedVersion: number;
  published: DefinitionSet;
  /** The draft differs from (or may differ from) the published model: on the server or about to be. */
  hasDraft: boolean;
  saveState: SaveState;
  saveError?: string;
  issues: DefinitionIssue[];
  /** Applies an edit to a copy of the set and schedules a save of the whole set. */
  update(edit: (set: DefinitionSet) => void): void;
  /** Saves now what is waiting (before planning or leaving). */
  flush(): Promise<void>;
  discard(): Promise<void>;
  /** Loads again from the engine (after a publish). */
  reload(): void;
}

const SAVE_DELAY_MS = 700;
const DraftContext = createContext<DraftState | null>(null);

/** Holds the studio's one draft: loads it, applies edits, saves them debounced, keeps the engine's issues. */
export function DraftProvider({
  children,
  loading,
  failed,
}: {
  children: ReactNode;
  loading: ReactNode;
  failed: (error: Error, retry: () => void) => ReactNode;
}) {
  const [loaded, setLoaded] = useState<LoadedDraft | Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState<string>();
  const [issues, setIssues] = useState<DefinitionIssue[]>([]);
  const latest = useRef<LoadedDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    // The old draft stays on screen while a reload runs, so pages (a publish result) keep their state.
    const controller = new AbortController();
    loadDraft(controller.signal).then(
      (draft) => {
        latest.current = draft;
        setLoaded(draft);
        setSaveState('idle');
        setIssues(draft.issues);
      },
      (error: Error) => !controller.signal.aborted && setLoaded(error),
    );
    return () => controller.abort();
  }, [attempt]);

  // Saves are chained so an older set never lands after a newer one.
  const saveNow = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const draft = latest.current;
    if (!draft) return saving.current;
    setSaveState('saving');
    saving.current = saving.current.then(() =>
      saveDraft(draft.definitions, draft.baseVersion).then(
        (found) => {
          setIssues(found);
          setSaveState(timer.current ? 'pending' : 'saved');
          setSaveError(undefined);
        },
        (error: Error) => {
          setSaveState('failed');
          setSaveError(error.message);
        },
      ),
    );
    return saving.current;
  }, []);

  const update = useCallback(
    (edit: (set: DefinitionSet) => void) => {
      const draft = latest.current;
      if (!draft) return;
      const next = structuredClone(draft.definitions);
      edit(next);
      latest.current = { ...draft, definitions: next, exists: true };
      setLoaded(latest.current);
      setSaveState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    },
    [saveNow],
  );

  const flush = useCallback(() => (timer.current ? saveNow() : saving.current), [saveNow]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    await saving.current;
    await deleteDraft();
    reload();
  }, [reload]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const state = useMemo((): DraftState | null => {
    if (!loaded || loaded instanceof Error) return null;
    return { ...loaded, hasDraft: loaded.exists, saveState, saveError, issues, update, flush, discard, reload };
  }, [loaded, saveState, saveError, issues, update, flush, discard, reload]);

  if (loaded instanceof Error) return <>{failed(loaded, reload)}</>;
  if (!state) return <>{loading}</>;
  return <DraftContext.Provider value={state}>{children}</DraftContext.Provider>;
}

export function useDraft(): DraftState {
  const state = useContext(DraftContext);
  if (!state) throw new Error('useDraft() outside <DraftProvider>');
  return state;
}
