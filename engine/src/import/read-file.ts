import { createReadStream, type ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import chardet from 'chardet';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ValidationError } from '../errors.js';
import type { Cell } from './convert.js';

/*
 * Reading an import file row by row, in constant memory: CSV in UTF-8 (with or without BOM), GBK/GB18030
 * (what Chinese Excel saves) or whatever chardet recognises, parsed by csv-parse as it streams; XLSX through
 * exceljs' streaming reader, the first sheet or a named one.
 */

export interface FileRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  number: number;
  cells: Cell[];
}

export interface OpenedFile {
  format: 'csv' | 'xlsx';
  /** The CSV's encoding as detected (`utf-8`, `gb18030`, …). */
  encoding?: string;
  rows: AsyncGenerator<FileRow>;
  /** How much of the file has been read (0–1), for a time-left estimate; undefined when unknown (XLSX). */
  fraction(): number | undefined;
}

const SAMPLE_BYTES = 64 * 1024;

async function headOf(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Whether a sample is valid UTF-8, a character cut at its end allowed. */
function isUtf8(sample: Buffer): boolean {
  let end = sample.length;
  // Step back over a multi-byte sequence the sample cut in two.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a CSV sample: BOMs first, then valid UTF-8, then chardet; Chinese legacy text is GB18030. */
export function detectEncoding(sample: Buffer): string {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  if (isUtf8(sample)) return 'utf-8';
  const guess = chardet.detect(sample)?.toLowerCase();
  // GBK and GB2312 are subsets of GB18030; chardet names GB18030 for any of them.
  if (!guess || /^(gb|windows-936|cp936)/.test(guess) || !iconv.encodingExists(guess)) return 'gb18030';
  return guess;
}

/** Opens an import file: XLSX by its zip signature, anything else as CSV. */
export async function openFile(path: string, options: { sheet?: string | undefined } = {}): Promise<OpenedFile> {
  const head = await headOf(path);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    return { format: 'xlsx', rows: xlsxRows(path, options.sheet), fraction: () => undefined };
  const encoding = detectEncoding(head);
  const { size } = await stat(path);
  const input = createReadStream(path);
  return {
    format: 'csv',
    encoding,
    rows: csvRows(input, encoding),
    fraction: () => (size ? Math.min(input.bytesRead / size, 1) : 1),
  };
}

async function* csvRows(input: ReadStream, encoding: string): AsyncGenerator<FileRow> {
  const parser = input
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parse({ relax_column_count: true, skip_empty_lines: true, bom: true }));
  let number = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    number++;
    if (record.every((cell) => cell.trim() === '')) continue;
    yield { number, cells: record };
  }
}

/** The value of an exceljs cell as a plain cell: rich text joined, formulas as their result, links as their text. */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((part) => part.text).join('');
    if ('result' in v) return plainCell(v.result);
    if (typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return String(value);
}

async function* xlsxRows(path: string, sheet: string | undefined): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  const names: string[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    names.push(name);
    if (sheet !== undefined ? name !== sheet : names.length > 1) {
      // Sheets must be read through to reach the next one.
      for await (const _row of worksheet) void _row;
      continue;
    }
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_v, i) => plainCell(values[i + 1]));
      if (cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) continue;
      yield { number: row.number, cells };
    }
    return;
  }
  throw new ValidationError(
    sheet === undefined
      ? { en: 'the workbook has no sheet', zh: '工作簿中没有工作表' }
      : {
          en: `the workbook has no sheet "${sheet}"; its sheets: ${names.join(', ')}`,
          zh: `工作簿中没有名为“${sheet}”的工作表；现有工作表：${names.join('、')}`,
        },
  );
}
