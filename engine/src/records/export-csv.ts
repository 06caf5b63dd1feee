import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { decodeCursor } from './keyset.js';
import { readList } from './read-records.js';
import { viewOf } from './record-permissions.js';
import { recordNames } from './serialize.js';
import type { ListQuery, RecordContext } from './types.js';

const PAGE = 500;

/**
 * Streams every record a list query matches as CSV, page by page along the keyset (memory stays one
 * page however large the export), through the same scoped, field-restricted list reads as the API.
 * A UTF-8 byte-order mark lets spreadsheet programs read Chinese text correctly.
 */
export async function exportCsv(ctx: RecordContext, query: ListQuery, out: Writable): Promise<number> {
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

/** Lists (tags, many-to-many ids) as `a; b`; everything else as csv-stringify casts it. */
function cell(value: unknown): unknown {
  return Array.isArray(value) && value.every((v) => typeof v !== 'object') ? value.join('; ') : value;
}
