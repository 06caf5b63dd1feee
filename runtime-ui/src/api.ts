import { getJson } from '@lodestar/ui-shared';

/** The parts of an entity definition this app reads. */
export interface EntityDefinition {
  $id: string;
  title: string;
  description?: string;
  'x-i18n'?: { title?: Record<string, string>; description?: Record<string, string> };
  'x-entity': {
    titleField: string;
    recordTypes?: Record<string, { title: string | Record<string, string> }>;
  };
  properties: Record<string, unknown>;
}

/**
 * How many records an entity holds, from a one-row page. Keyset pages carry no total: a page with no next
 * cursor is all there is, otherwise only "at least this many" is known.
 */
export type RecordCount = { exact: number } | { atLeast: number };

/** A page of `GET /api/v1/records/{entity}`. */
interface RecordPage {
  data: unknown[];
  nextCursor: string | null;
}

export async function countRecords(entity: string, signal?: AbortSignal): Promise<RecordCount> {
  const page = await getJson<RecordPage>(`/api/v1/records/${encodeURIComponent(entity)}?limit=1`, signal);
  return page.nextCursor === null ? { exact: page.data.length } : { atLeast: page.data.length };
}
