import { useEffect, useMemo, useState } from 'react';
import type { DuplicateAnswer, DuplicateMatch, EntityDefinition } from '@lodestar/core';
import { sendJson } from '@lodestar/ui-shared';
import type { FormData } from './values';

/** One possible duplicate as the engine's duplicate check answers it (POST /records/{entity}/duplicates). */
export type { DuplicateMatch };

/** Matches by the field they are shown under: the fields of each match's strongest reason. */
export type DuplicateHints = Record<string, DuplicateMatch[]>;

/** How long typing must pause before the values are checked. */
export const DUPLICATE_CHECK_DELAY_MS = 400;

/** The fields a duplicate check reads: every unique key's and every matched field. */
export function checkedFields(entity: EntityDefinition): string[] {
  const options = entity['x-entity'];
  return [...new Set([...(options.unique ?? []).flatMap((key) => key.fields), ...(options.duplicates?.match ?? [])])];
}

/**
 * Possible duplicates of what is being typed, checked a moment after typing pauses (never while a
 * check for newer values could overtake it). Empty for an entity without keys, a locked form, or
 * when the check fails: a hint is help, never a reason the form cannot be used.
 */
export function useDuplicateHints(
  entity: EntityDefinition,
  formData: FormData,
  recordId: string | undefined,
  enabled: boolean,
): DuplicateHints {
  const fields = useMemo(() => checkedFields(entity), [entity]);
  const values = JSON.stringify(
    Object.fromEntries(
      fields
        .map((field) => [field, formData[field]] as const)
        .filter(([, value]) => (typeof value === 'string' && value.trim() !== '') || typeof value === 'number'),
    ),
  );
  const [hints, setHints] = useState<DuplicateHints>({});
  useEffect(() => {
    if (!enabled || values === '{}') {
      setHints({});
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      const query = recordId ? `?exclude=${encodeURIComponent(recordId)}` : '';
      sendJson<DuplicateAnswer>(
        'POST',
        `/api/v1/records/${encodeURIComponent(entity.$id)}/duplicates${query}`,
        JSON.parse(values),
        abort.signal,
      )
        .then((answer) => setHints(byField(answer.matches)))
        .catch(() => abort.signal.aborted || setHints({}));
    }, DUPLICATE_CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [entity.$id, values, recordId, enabled]);
  return hints;
}

function byField(matches: DuplicateMatch[]): DuplicateHints {
  const hints: DuplicateHints = {};
  for (const match of matches) {
    for (const field of match.reasons[0]?.fields ?? []) (hints[field] ??= []).push(match);
  }
  return hints;
}
