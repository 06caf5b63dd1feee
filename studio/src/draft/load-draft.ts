import { ApiError, getJson, sendJson } from '@lodestar/ui-shared';
import type { Issue as DefinitionIssue, DefinitionSet } from '@lodestar/core';

const DRAFTS_PATH = '/api/v1/meta/drafts';
const DRAFT_ID = 'studio';
export const DRAFT_PATH = `${DRAFTS_PATH}/${DRAFT_ID}`;

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
  const model = await getJson<{ version: number; definitions: DefinitionSet }>('/api/v1/meta/model', signal);
  // Asked as a list narrowed to the studio's id: no draft is an empty list, not a 404 in the console.
  const { data } = await getJson<{ data: { definitions: DefinitionSet; base_version: number }[] }>(
    `${DRAFTS_PATH}?id=${DRAFT_ID}`,
    signal,
  );
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
  const { issues } = await sendJson<{ issues: DefinitionIssue[] }>(
    'POST',
    '/api/v1/meta/validate',
    { definitions: draft.definitions },
    signal,
  );
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
  const answer = await sendJson<{ issues: DefinitionIssue[] }>('PUT', DRAFT_PATH, { definitions, baseVersion });
  return answer.issues ?? [];
}

export async function deleteDraft(): Promise<void> {
  try {
    await sendJson('DELETE', DRAFT_PATH);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
}
