import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { detectEncoding } from '../import/read-file.js';
import type { Text } from '@lodestar/core';

/**
 * A bulk invite's CSV as a table of text cells, decoded as the import reads files: UTF-8 with or without
 * BOM, GBK/GB18030 as Chinese Excel saves it, or what chardet recognises (import/read-file.ts's
 * detectEncoding), then csv-parse. An XLSX file is refused with a hint to save it as CSV.
 */
export function tableOfCsv(file: Buffer): { table: string[][]; encoding: string } | { problem: Text } {
  if (file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04)
    return {
      problem: {
        en: 'this is an Excel workbook: save it as CSV (File → Save as → CSV) and upload that',
        zh: '这是 Excel 工作簿：请另存为 CSV（文件 → 另存为 → CSV）后再上传',
      },
    };
  const encoding = detectEncoding(file.subarray(0, 64 * 1024));
  const text = iconv.decode(file, encoding, { stripBOM: true });
  try {
    const table = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
    return { table, encoding };
  } catch (error) {
    const message = (error as Error).message;
    return { problem: { en: `the file is not a readable CSV: ${message}`, zh: `无法读取这个 CSV 文件：${message}` } };
  }
}
