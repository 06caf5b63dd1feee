import { getJson, type Lang } from '@lodestar/ui-shared';
import { choiceTitle, recordTitle, recordTypeTitle, stateTitle } from '../model/labels';
import type { EntityDefinition, WorkflowDefinition } from '@lodestar/core';
import type { FieldKind, RecordPage } from '../model/types';
import type { DashboardMessages } from './messages';

interface LabelContext {
  entity: EntityDefinition;
  field: string;
  kind: FieldKind | undefined;
  lang: Lang;
  t: DashboardMessages;
  workflow?: WorkflowDefinition | undefined;
  /** Titles of related records (manyToOne keys) and user names (owner_id keys), by id. */
  names: Map<string, string>;
}

/** A group key as a reader would name it: the choice's label, the related record's title, yes/no… */
export function groupLabel(key: unknown, c: LabelContext): string {
  if (key === null || key === undefined || key === '') return c.t.emptyValue;
  if (c.field === 'state') return stateTitle(c.workflow, String(key), c.lang);
  if (c.field === 'record_type') return recordTypeTitle(c.entity, String(key), c.lang);
  if (c.kind === 'boolean') return key ? c.t.yes : c.t.no;
  if (c.kind === 'choice' || c.kind === 'multiChoice') return choiceTitle(c.entity, c.field, key, c.lang);
  return c.names.get(String(key)) ?? String(key);
}

/** Titles of the related records a manyToOne grouping names (one request, within the caller's read scope). */
export async function relatedTitles(
  target: EntityDefinition,
  ids: string[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const params = new URLSearchParams({
    'filter[id][in]': ids.join(','),
    limit: String(ids.length),
    fields: target['x-entity'].titleField,
  });
  const page = await getJson<RecordPage>(`/api/v1/records/${encodeURIComponent(target.$id)}?${params}`, signal);
  return new Map(page.data.map((r) => [r.id, recordTitle(target, r)]));
}
