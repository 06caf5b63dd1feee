import { useEffect, useState } from 'react';
import type { TotalsAnswer } from '@lodestar/core';
import { getJson } from '@lodestar/ui-shared';

/**
 * How many records the list's filters match and the totals of the given number fields, from
 * `/records/{entity}/totals` (exact up to a limit, then estimated and unsummed). Refetched when the
 * filters or the summed fields change; null while loading or when the count could not be had (the
 * list itself still shows).
 */
export function useTotals(entity: string, filterParams: string, sum: readonly string[]): TotalsAnswer | null {
  const [totals, setTotals] = useState<TotalsAnswer | null>(null);
  const sumKey = sum.join(',');
  useEffect(() => {
    const controller = new AbortController();
    const query = new URLSearchParams(filterParams);
    if (sumKey) query.set('sum', sumKey);
    setTotals(null);
    getJson<TotalsAnswer>(`/api/v1/records/${encodeURIComponent(entity)}/totals?${query}`, controller.signal).then(
      (answer) => !controller.signal.aborted && setTotals(answer),
      () => undefined,
    );
    return () => controller.abort();
  }, [entity, filterParams, sumKey]);
  return totals;
}
