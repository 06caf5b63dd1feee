import { useEffect, useState } from 'react';
import { getJson } from '@lodestar/ui-shared';
import { recordTitle } from '../model/labels';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordPage } from '../model/types';

// Titles of related records named by id in filters (from a URL or a saved view), kept for the page's life.
const titles = new Map<string, string>();
const key = (entity: string, id: string) => `${entity}:${id}`;

export function rememberTitle(entity: string, id: string, title: string): void {
  titles.set(key(entity, id), title);
}

/** Titles of records of `target` by id; unknown ones are fetched in one request. */
export function useRelatedTitles(target: EntityDefinition | undefined, ids: string[]): Map<string, string> {
  const [, setVersion] = useState(0);
  const missing = target ? ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id) && !titles.has(key(target.$id, id))) : [];
  const missingKey = missing.join(',');
  useEffect(() => {
    if (!target || !missingKey) return;
    const controller = new AbortController();
    const titleField = target['x-entity'].titleField;
    const query = `filter[id][in]=${missingKey}&fields=${encodeURIComponent(titleField)}&limit=100`;
    getJson<RecordPage>(`/api/v1/records/${encodeURIComponent(target.$id)}?${query}`, controller.signal).then(
      (page) => {
        for (const record of page.data) rememberTitle(target.$id, record.id, recordTitle(target, record));
        setVersion((n) => n + 1);
      },
      () => undefined, // unreadable: the short id stays
    );
    return () => controller.abort();
  }, [target, missingKey]);
  const found = new Map<string, string>();
  if (target) for (const id of ids) found.set(id, titles.get(key(target.$id, id)) ?? id.slice(0, 8));
  return found;
}
