import type { Knex } from 'knex';
import { userNameRows } from '../identity/users-repo.js';
import { defaultExportColumns, exportColumns, isUserColumn, relationColumns } from '../records/export-view.js';
import { decodeCursor } from '../records/keyset.js';
import { readList } from '../records/read-records.js';
import { viewOf } from '../records/record-permissions.js';
import { recordNames } from '../records/serialize.js';
import type { ListQuery, RecordContext, RecordJson } from '../records/types.js';
import type { ExportOptions } from './export-options.js';
import type { SheetWriter } from './sheet-writers.js';

const PAGE = 500;

/** An export's columns, known before the first row: what the file's header says. */
export interface ExportPlan {
  headers: string[];
  /** The sheet's name: the entity's title in the export's language (its id in raw form). */
  title: string;
  /** Streams the rows into a writer opened on `headers`; answers how many records were written. */
  run(writer: SheetWriter): Promise<number>;
}

/**
 * Plans an export of every record a list query matches, page by page along the keyset (memory stays one
 * page however large the export), through the same scoped, field-restricted list reads as the API: a
 * file can never hold a row or a field the list would not show its reader.
 */
export function planExport(ctx: RecordContext, query: ListQuery, options: ExportOptions): ExportPlan {
  const view = viewOf(ctx);
  let columns: { header: string; cell(record: RecordJson, users: ReadonlyMap<string, string>): unknown }[];
  let expand: string[] = [];
  let fields = query.fields;
  let userColumns: string[] = [];
  let title = ctx.entity.id;
  if (options.format === 'raw') {
    columns = (query.fields ?? recordNames(view)).map((name) => ({ header: name, cell: (record) => record[name] }));
  } else {
    const names = options.columns ?? defaultExportColumns(view, ctx.model);
    expand = relationColumns(view, names);
    fields = [...new Set(['id', ...(recordNames(view).includes('record_type') ? ['record_type'] : []), ...names])];
    columns = exportColumns(view, ctx.model, names, options.lang, options.timeZone);
    userColumns = names.filter((name) => isUserColumn(view, name));
    const definition = ctx.entity.definition;
    title = definition['x-i18n']?.title?.[options.lang] ?? definition.title ?? ctx.entity.id;
  }
  const read = (after?: unknown[]) =>
    readList(ctx, { ...query, limit: PAGE, expand, ...(fields && { fields }), ...(after && { after }) });
  return {
    headers: columns.map((c) => c.header),
    title,
    async run(writer) {
      const users = new Map<string, string>();
      let count = 0;
      let page = await read();
      for (;;) {
        if (userColumns.length) await rememberUserNames(ctx.knex, page.data, userColumns, users);
        for (const record of page.data) {
          await writer.row(columns.map((column) => column.cell(record, users)));
          count++;
        }
        // The client went away: stop reading rather than wait for a drain that never comes.
        if (writer.stopped) return count;
        if (!page.nextCursor) break;
        page = await read(decodeCursor(page.nextCursor, query.sort));
      }
      await writer.end();
      return count;
    },
  };
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
