import { isTimeZone } from '../agenda/day.js';
import { companyTimeZone } from '../records/company-time-zone.js';
import type { Issue } from '../errors.js';
import type { ExportLang } from '../records/export-view.js';
import { paramIssue, singleParam, throwIfIssues, type QueryParams } from '../records/query-params.js';

/**
 * How an export is written. `view` (the default) is the list as the user sees it: the columns asked
 * for (`fields`, in that order) under their titles, labels instead of values, names instead of ids,
 * times in `timeZone`, all in `lang`. `raw` is the API's own values under field ids, for re-import.
 */
export type ExportOptions =
  { format: 'raw' } | { format: 'view'; lang: ExportLang; timeZone: string; columns?: string[] };

/** The file an export is written as. */
export type ExportFile = 'csv' | 'xlsx';

/** The language of an Accept-Language header, English unless it asks for Chinese first. */
export function langOf(acceptLanguage: string | undefined): ExportLang {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : /\bzh\b/i.test(acceptLanguage ?? '') ? 'zh' : 'en';
}

/**
 * `file`, `format`, `lang` and `tz` from an export's query string; the rest is the list query. Without
 * `lang` the Accept-Language header decides; without `tz`, the server's zone; without `file`, CSV.
 */
export function parseExportOptions(
  query: QueryParams,
  acceptLanguage?: string,
): { options: ExportOptions; file: ExportFile; rest: QueryParams } {
  const { format, lang, tz, file, ...rest } = query;
  const issues: Issue[] = [];
  const pickOne = (name: string, value: unknown) => singleParam({ [name]: value }, name, issues);
  const chosenFile = pickOne('file', file) ?? 'csv';
  if (chosenFile !== 'csv' && chosenFile !== 'xlsx')
    issues.push(paramIssue('file', 'enum', { en: 'file must be csv or xlsx', zh: 'file 只能是 csv 或 xlsx' }));
  const chosenFormat = pickOne('format', format) ?? 'view';
  if (chosenFormat !== 'view' && chosenFormat !== 'raw')
    issues.push(paramIssue('format', 'enum', { en: 'format must be view or raw', zh: 'format 只能是 view 或 raw' }));
  const chosenLang = pickOne('lang', lang) ?? langOf(acceptLanguage);
  if (chosenLang !== 'en' && chosenLang !== 'zh')
    issues.push(paramIssue('lang', 'enum', { en: 'lang must be en or zh', zh: 'lang 只能是 en 或 zh' }));
  const timeZone = pickOne('tz', tz) ?? companyTimeZone();
  if (!isTimeZone(timeZone))
    issues.push(
      paramIssue('tz', 'timeZone', {
        en: 'tz must be an IANA time zone name such as Asia/Shanghai',
        zh: 'tz 必须是 IANA 时区名，例如 Asia/Shanghai',
      }),
    );
  const fields =
    typeof rest.fields === 'string'
      ? rest.fields
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
      : undefined;
  throwIfIssues(issues);
  const exportFile = chosenFile as ExportFile;
  if (chosenFormat === 'raw') return { options: { format: 'raw' }, file: exportFile, rest };
  return {
    options: { format: 'view', lang: chosenLang as ExportLang, timeZone, ...(fields && { columns: fields }) },
    file: exportFile,
    rest,
  };
}
