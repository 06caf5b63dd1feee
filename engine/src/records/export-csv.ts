import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { BadRequestError } from '../errors.js';
import { neutraliseFormula } from './csv-cell.js';
import { paramIssue, type QueryParams } from './query-params.js';
import { decodeCursor } from './keyset.js';
import { readList } from './read-records.js';
import { viewOf } from './record-permissions.js';
import { recordNames } from './serialize.js';
import type { ListQuery, RecordContext } from './types.js';

const PAGE = 500;

/** How an export is written: `raw` is the API's own values under field ids. */
export interface ExportOptions {
  format: 'raw';
}

/** `format` from an export's query string; the rest is the list query. */
export function parseExportOptions(query: QueryParams): { options: ExportOptions; rest: QueryParams } {
  const { format, ...rest } = query;
  if (format !== undefined && format !== 'raw') {
    throw new BadRequestError('format must be raw', { issues: [paramIssue('format', 'enum', 'must be raw')] });
  }
  return { options: { format: 'raw' }, rest };
}

/**
 * Streams every record a list query matches as CSV, page by page along the keyset (memory stays one
 * page however large the export), through the same scoped, field-restricted list reads as the API.
 * A UTF-8 byte-order mark lets spreadsheet programs read Chinese text correctly.
 */
export async function exportCsv(ctx: RecordContext, query: ListQuery, out: Writable, _options: ExportOptions = { format: 'raw' }): Promise<number> {
  const columns = query.fields ?? recordNames(viewOf(ctx));
  const csv = stringify({ bom: true, header: true, columns, cast: { boolean: (b) => String(b), object: (o) => JSON.stringify(o) } });
  csv.pipe(out);
  let count = 0;
  let page = await readList(ctx, { ...query, limit: PAGE, expand: [] });
  for (;;) {
    for (const record of page.data) {
      if (!csv.write(columns.map((name) => cell(record[name])))) await new Promise((resolve) => csv.once('drain', resolve));
      count++;
    }
    if (!page.nextCursor) break;
    page = await readList(ctx, { ...query, limit: PAGE, expand: [], after: decodeCursor(page.nextCursor, query.sort) });
  }
  csv.end();
  return count;
}

/** Lists (tags, many-to-many ids) as `a; b`; text that would start a formula neutralised; the rest as csv-stringify casts it. */
function cell(value: unknown): unknown {
  const flat = Array.isArray(value) && value.every((v) => typeof v !== 'object') ? value.join('; ') : value;
  return typeof flat === 'string' ? neutraliseFormula(flat) : flat;
}
