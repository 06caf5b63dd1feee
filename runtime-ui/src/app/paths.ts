/** Every screen's address, in one place: screens link to each other only through these. */
export const paths = {
  home: () => '/',
  list: (entity: string) => `/records/${encodeURIComponent(entity)}`,
  record: (entity: string, id: string) => `/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`,
  /** The form for a new record, optionally of a record type and with fields filled in (`?customer=<id>`). */
  newRecord: (entity: string, recordType?: string, prefill?: Record<string, string>) => {
    const query = new URLSearchParams({ ...(recordType && { type: recordType }), ...prefill }).toString();
    return `/records/${encodeURIComponent(entity)}/new${query ? `?${query}` : ''}`;
  },
  kanban: (workflow: string) => `/kanban/${encodeURIComponent(workflow)}`,
  myDay: () => '/my-day',
  dashboard: () => '/dashboard',
};
