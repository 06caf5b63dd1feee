import type { ImportPreview, ImportPreviewColumn } from '@lodestar/core';
import type { CompiledEntity } from '../model/compile-model.js';
import { textOf } from './convert.js';
import { mapColumns, mappingProblem } from './mapping.js';
import { convertersOf, prepareRow } from './prepare-row.js';
import { openFile } from './read-file.js';

/** How a file would import: its columns' mapping and its first rows converted; nothing is written or looked up. */
export async function previewImport(
  entity: CompiledEntity,
  path: string,
  options: {
    sheet?: string | undefined;
    mapping?: Record<string, string | null> | undefined;
    recordType?: string | undefined;
  },
  count = 5,
): Promise<ImportPreview> {
  const file = await openFile(path, { sheet: options.sheet });
  const header = (await file.rows.next()).value as { cells: unknown[] } | undefined;
  const headers = (header?.cells ?? []).map((cell) => textOf(cell as never).trim());
  const mapping = mapColumns(entity, headers, options.mapping);
  const columns: ImportPreviewColumn[] = mapping.columns.map(({ header: name, target }) => ({
    header: name,
    target: mapping.unknown.includes(name) ? 'unknown' : target.kind,
    field: target.kind === 'field' ? target.field : null,
    computed: target.kind === 'ignore' && Boolean(target.computed),
  }));
  const shape = { entity, columns: mapping.columns, converters: convertersOf(entity), recordType: options.recordType };
  const rows: ImportPreview['rows'] = [];
  for await (const row of file.rows) {
    const prepared = prepareRow(shape, row.number, row.cells);
    rows.push({
      row: row.number,
      values: {
        ...prepared.fields,
        ...Object.fromEntries(prepared.refs),
        ...(prepared.recordType !== undefined && { record_type: prepared.recordType }),
        ...(prepared.owner !== undefined && { owner_id: prepared.owner }),
      },
      issues: prepared.issues,
    });
    if (rows.length >= count) break;
  }
  await file.rows.return(undefined);
  return {
    format: file.format,
    encoding: file.encoding ?? null,
    columns,
    problem: headers.length
      ? (mappingProblem(mapping, entity) ?? null)
      : { en: 'the file has no rows', zh: '文件中没有任何数据' },
    rows,
  };
}
