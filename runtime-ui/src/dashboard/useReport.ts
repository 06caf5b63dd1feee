import { useApi, type Loadable } from '@lodestar/ui-shared';

/** The filters every report card takes from the dashboard's filter bar. */
export interface ReportFilters {
  from: string;
  to: string;
  /** A user id, or empty for everyone the caller may see. */
  owner: string;
  recordType?: string | undefined;
}

/** `GET /api/v1/reports/{workflow}/{report}` with the dashboard's filters (refetched when they change). */
export function useReport<T>(workflow: string, report: string, filters: ReportFilters): [Loadable<T>, () => void] {
  const params = new URLSearchParams();
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.recordType) params.set('recordType', filters.recordType);
  return useApi<T>(`/api/v1/reports/${encodeURIComponent(workflow)}/${report}?${params}`);
}
