import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, LangScope, previewedMe, useLang, type Lang } from '@lodestar/ui-shared';
import { bindingOf, type EntityDefinition, type WorkflowDefinition } from '@lodestar/core';
import type { EntityPermissions, FieldKind, Me } from './types';

/** Everything the screens are generated from: the published model as this user may see it, and who they are. */
export interface ModelState {
  version: number;
  entities: EntityDefinition[];
  entity(id: string): EntityDefinition | undefined;
  /** Field kinds per entity, as the engine classifies them (`text`, `money`, `date`, `choice`, `manyToOne`…). */
  kinds: Record<string, Record<string, FieldKind>>;
  permissions: Record<string, EntityPermissions>;
  workflows: WorkflowDefinition[];
  /** The workflow a record of `entity` (of `recordType`) follows, if any. */
  workflowOf(entity: string, recordType?: string | null): WorkflowDefinition | undefined;
  me: Me;
  isAdmin: boolean;
  lang: Lang;
  setLang(lang: Lang): void;
  /** Loads the model again (after a publish, the model version in a response changes). */
  reload(): void;
}

const ModelContext = createContext<ModelState | null>(null);

interface Loaded {
  version: number;
  entities: EntityDefinition[];
  kinds: Record<string, Record<string, FieldKind>>;
  permissions: Record<string, EntityPermissions>;
  workflows: WorkflowDefinition[];
  me: Me;
}

async function loadModel(signal: AbortSignal): Promise<Loaded> {
  const [model, entities, me] = await Promise.all([
    api('get', '/meta/model', { signal }),
    api('get', '/meta/entities', { signal }),
    api('get', '/auth/me', { signal }),
  ]);
  return {
    version: model.version,
    entities: entities.data,
    kinds: entities.kinds,
    permissions: entities.permissions,
    workflows: model.definitions.workflows,
    me,
  };
}

/** Loads the model once per sign-in and hands it to every screen; `loading` and `failed` render while it cannot. */
export function ModelProvider({
  children,
  loading,
  failed,
}: {
  children: ReactNode;
  loading: ReactNode;
  failed: (error: Error, retry: () => void) => ReactNode;
}) {
  const [lang, setLang] = useLang();
  const [loaded, setLoaded] = useState<Loaded | Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    loadModel(controller.signal).then(setLoaded, (error: Error) => !controller.signal.aborted && setLoaded(error));
    return () => controller.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const state = useMemo((): ModelState | null => {
    if (!loaded || loaded instanceof Error) return null;
    const byId = new Map(loaded.entities.map((e) => [e.$id, e]));
    // In a "view as" preview the app is the previewed person, as the engine answers it (ui-shared preview.ts).
    const me = previewedMe(loaded.me, lang);
    return {
      ...loaded,
      me,
      entity: (id) => byId.get(id),
      // The engine's own rule (@lodestar/core): validation refuses the sets where a second rule could differ.
      workflowOf: (entity, recordType) => {
        const definition = byId.get(entity);
        return definition && bindingOf(definition, loaded.workflows, recordType);
      },
      isAdmin: me.roles.includes('admin'),
      lang,
      setLang,
      reload,
    };
  }, [loaded, lang, setLang, reload]);

  if (loaded instanceof Error) return <>{failed(loaded, reload)}</>;
  if (!state) return <>{loading}</>;
  return (
    <ModelContext.Provider value={state}>
      <LangScope lang={lang}>{children}</LangScope>
    </ModelContext.Provider>
  );
}

/** The model, inside `ModelProvider`. */
export function useModel(): ModelState {
  const state = useContext(ModelContext);
  if (!state) throw new Error('useModel() outside <ModelProvider>');
  return state;
}
