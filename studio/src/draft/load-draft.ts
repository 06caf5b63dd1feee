import { api, ApiError } from '@lodestar/ui-shared';
import type { Issue as DefinitionIssue, DefinitionSet } from '@lodestar/core';

/** The studio's one draft, as the path parameters of the draft routes. */
export const DRAFT = { id: 'studio' };

export interface LoadedDraft {
  definitions: DefinitionSet;
  /** The published version the draft was started from (a newer publish makes it stale). */
  baseVersion: number;
  publishedVersion: number;
  /** Whether the engine holds a draft (else the studio shows the published model, unchanged). */
  exists: boolean;
  /** The published definitions: what a field was called before the draft renamed it. */
  published: DefinitionSet;
  /** The engine's issues with a stored draft (a fresh start from the published model has none). */
  issues: DefinitionIssue[];
}

/** The studio's one draft, or (none stored) the published definitions to start one from. */
export async function loadDraft(signal?: AbortSignal): Promise<LoadedDraft> {
  const model = await api('get', '/meta/model', { signal });
  // Asked as a list narrowed to the studio's id: no draft is an empty list, not a 404 in the console.
  const { data } = await api('get', '/meta/drafts', { query: DRAFT, signal });
  const draft = data[0];
  if (!draft)
    return {
      definitions: model.definitions,
      baseVersion: model.version,
      publishedVersion: model.version,
      exists: false,
      published: model.definitions,
      issues: [],
    };
  const { issues } = await api('post', '/meta/validate', { body: { definitions: draft.definitions }, signal });
  return {
    definitions: draft.definitions,
    baseVersion: draft.base_version,
    publishedVersion: model.version,
    exists: true,
    published: model.definitions,
    issues,
  };
}

/** Saves the whole set; the engine answers with its validation issues (the draft is stored either way). */
export async function saveDraft(definitions: DefinitionSet, baseVersion: number): Promise<DefinitionIssue[]> {
  const answer = await api('put', '/meta/drafts/{id}', { params: DRAFT, body: { definitions, baseVersion } });
  return answer.issues;
}

export async function deleteDraft(): Promise<void> {
  try {
    await api('delete', '/meta/drafts/{id}', { params: DRAFT });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
}
