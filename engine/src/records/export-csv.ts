import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Knex } from 'knex';
import { isTimeZone } from '../agenda/day.js';
import type { Issue } from '../errors.js';
import { userNameRows } from '../identity/users-repo.js';
import { neutraliseFormula } from './csv-cell.js';
import { defaultExportColumns, exportColumns, isUserColumn, relationColumns, type ExportLang } from './export-view.js';
import { paramIssue, singleParam, throwIfIssues, type QueryParams } from './query-params.js';
import { decodeCursor } from './keyset.js';
import { readList } from './read-records.js';
import { viewOf } from './record-permissions.js';
import { recordNames } from './serialize.js';
import type { ListQuery, RecordContext, RecordJson } from './types.js';

const PAGE = 500;

/**
 * How an export is written. `view` (the default) is the list as the user sees it: the columns asked
 * for (`fields`, in that order) under their titles, labels instead of values, names instead of ids,
 * times in `timeZone`, all in `lang`. `raw` is the API's own values under field ids.
 */
export type ExportOptions =
  { format: 'raw' } | { format: 'view'; lang: ExportLang; timeZone: string; columns?: string[] };

/**
 * `format`, `lang` and `tz` from an export's query string; the rest is the list query. Without `lang`
 * the Accept-Language header decides; without `tz`, the server's zone.
 */
export function parseExportOptions(
  query: QueryParams,
  acceptLanguage?: string,
): { options: ExportOptions; rest: QueryParams } {
  const { format, lang, tz, ...rest } = query;
  const issues: Issue[] = [];
  const pickOne = (name: string, value: unknown) => singleParam({ [name]: value }, name, issues);
  const chosenFormat = pickOne('format', format) ?? 'view';
  if (chosenFormat !== 'view' && chosenFormat !== 'raw')
    issues.push(paramIssue('format', 'enum', { en: 'format must be view or raw', zh: 'format 只能是 view 或 raw' }));
  const chosenLang =
    pickOne('lang', lang) ??
    (/^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : /\bzh\b/i.test(acceptLanguage ?? '') ? 'zh' : 'en');
  if (chosenLang !== 'en' && chosenLang !== 'zh')
    issues.push(paramIssue('lang', 'enum', { en: 'lang must be en or zh', zh: 'lang 只能是 en 或 zh' }));
  const timeZone = pickOne('tz', tz) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
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
  if (chosenFormat === 'raw') return { options: { format: 'raw' }, rest };
  return {
    options: { format: 'view', lang: chosenLang as ExportLang, timeZone, ...(fields && { columns: fields }) },
    rest,
  };
}

/**
 * Streams every record a list query matches as CSV, page by page along the keyset (memory stays one
 * page however large the export), through the same scoped, field-restricted list reads as the API.
 * A UTF-8 byte-order mark lets spreadsheet programs read Chinese text correctly; text that would
 * start a formula is neutralised in both forms.
 */
export async function exportCsv(
  ctx: RecordContext,
  query: ListQuery,
  out: Writable,
  options: ExportOptions = { format: 'raw' },
): Promise<number> {
  const view = viewOf(ctx);
  let columns: { header: string; cell(record: RecordJson, users: ReadonlyMap<string, string>): unknown }[];
  let expand: string[] = [];
  let fields = query.fields;
  if (options.format === 'raw') {
    columns = (query.fields ?? recordNames(view)).map((name) => ({ header: name, cell: (record) => record[name] }));
  } else {
    const names = options.columns ?? defaultExportColumns(view, ctx.model);
    expand = relationColumns(view, names);
    fields = [...new Set(['id', ...(recordNames(view).includes('record_type') ? ['record_type'] : []), ...names])];
    columns = exportColumns(view, ctx.model, names, options.lang, options.timeZone);
  }
  const userColumns =
    options.format === 'view'
      ? (options.columns ?? defaultExportColumns(view, ctx.model)).filter((name) => isUserColumn(view, name))
      : [];
  const users = new Map<string, string>();
  const csv = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => neutraliseFormula(c.header)),
    cast: { boolean: (b) => String(b), object: (o) => JSON.stringify(o) },
  });
  csv.pipe(out);
  let count = 0;
  const read = (after?: unknown[]) =>
    readList(ctx, { ...query, limit: PAGE, expand, ...(fields && { fields }), ...(after && { after }) });
  let page = await read();
  for (;;) {
    if (userColumns.length) await rememberUserNames(ctx.knex, page.data, userColumns, users);
    for (const record of page.data) {
      if (!csv.write(columns.map((column) => cell(column.cell(record, users)))))
        await new Promise((resolve) => csv.once('drain', resolve));
      count++;
    }
    if (!page.nextCursor) break;
    page = await read(decodeCursor(page.nextCursor, query.sort));
  }
  csv.end();
  return count;
}

/** The names of the users a page names (owner, creator, last editor), looked up once per export. */
async function rememberUserNames(
  knex: Knex,
  records: RecordJson[],
  columns: string[],
  users: Map<string, string>,
): Promise<void> {
  const missing = new Set<string>();
  for (const record of records)
    for (const name of columns)
      if (typeof record[name] === 'string' && !users.has(record[name])) missing.add(record[name]);
  if (!missing.size) return;
  for (const row of await userNameRows(knex, [...missing])) users.set(row.id, row.display_name || row.email);
}

/** Lists (tags, many-to-many ids) as `a; b`; text that would start a formula neutralised; the rest as csv-stringify casts it. */
function cell(value: unknown): unknown {
  const flat = Array.isArray(value) && value.every((v) => typeof v !== 'object') ? value.join('; ') : value;
  return typeof flat === 'string' ? neutraliseFormula(flat) : flat;
}
