/**
 * The export's query: the list's own parameters (filters, sort, search) plus what makes the file the
 * view: its columns in order, the user's language and the browser's time zone.
 */
export function exportParams(
  params: string,
  columns: readonly string[],
  lang: string,
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  const out = new URLSearchParams(params);
  out.set('fields', columns.join(','));
  out.set('lang', lang);
  out.set('tz', timeZone);
  return out.toString();
}
