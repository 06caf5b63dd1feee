import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '@lodestar/ui-shared';
import { DRAFT } from '../draft/load-draft';
import type { Issue as DefinitionIssue, WordedPlan as Plan } from '@lodestar/core';

export type PlanState =
  | { status: 'idle' | 'planning' }
  | { status: 'ready'; plan: Plan }
  | { status: 'invalid'; issues: DefinitionIssue[] }
  | { status: 'failed'; message: string };

/** Plans the saved draft against the published version (after `beforePlan`, which saves pending edits). */
export function usePlan(
  enabled: boolean,
  beforePlan: () => Promise<void>,
  stateMapping: Record<string, Record<string, string>> = {},
): [PlanState, () => void] {
  const mappingKey = JSON.stringify(stateMapping);
  const [state, setState] = useState<PlanState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState({ status: 'planning' });
    beforePlan()
      .then(() =>
        api('post', '/meta/drafts/{id}/plan', {
          params: DRAFT,
          body: { stateMapping: JSON.parse(mappingKey) as unknown },
        }),
      )
      .then(
        (plan) => current && setState({ status: 'ready', plan }),
        (error: Error) => {
          if (!current) return;
          if (error instanceof ApiError && error.issues.length)
            setState({ status: 'invalid', issues: error.issues as DefinitionIssue[] });
          else setState({ status: 'failed', message: error.message });
        },
      );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- beforePlan is stable (the draft's flush); re-plan only on request
  }, [enabled, attempt, mappingKey]);
  return [state, useCallback(() => setAttempt((n) => n + 1), [])];
}
