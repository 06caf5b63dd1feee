import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../records/csv-cell.js';

/** Where an export writes its rows: a CSV or XLSX file streamed to `out`. */
export interface SheetWriter {
  /** Writes one row; resolves when the output can take more (backpressure), or when it is gone. */
  row(cells: readonly unknown[]): Promise<void>;
  /** Finishes the file; resolves when the last byte is handed to `out`. */
  end(): Promise<void>;
  /** True once the output is closed (the client went away): the export stops reading. */
  readonly stopped: boolean;
}

/** Resolves when `stream` drains or `out` closes, whichever comes first. */
function drained(stream: Writable, out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      out.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    out.once('close', done);
  });
}

/** The MIME type and extension of each export file. */
export const SHEET_FILES = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const;

/**
 * CSV in UTF-8 with a byte-order mark (spreadsheet programs then read Chinese text correctly). Lists as
 * `a; b`; text that would start a formula gets a leading `'` in headers and cells alike.
 */
export function csvSheet(out: Writable, headers: readonly string[]): SheetWriter {
  const csv = stringify({
    bom: true,
    header: true,
    columns: headers.map((h) => neutraliseFormula(h)),
    cast: { boolean: (b) => String(b), object: (o) => JSON.stringify(o) },
  });
  csv.pipe(out);
  return {
    async row(cells) {
      if (!csv.write(cells.map(csvCell)) && !out.destroyed) await drained(csv, out);
    },
    async end() {
      const flushed = once(csv, 'end');
      csv.end();
      await flushed;
    },
    get stopped() {
      return out.destroyed;
    },
  };
}

function csvCell(value: unknown): unknown {
  const flat = Array.isArray(value) && value.every((v) => typeof v !== 'object') ? value.join('; ') : value;
  return typeof flat === 'string' ? neutraliseFormula(flat) : flat;
}

/** Rows one sheet may hold (Excel's limit, header included); more go on a next sheet. */
const SHEET_ROWS = 1_048_576;
/** The longest text a cell may hold in Excel. */
const CELL_TEXT = 32_767;
/** Characters XML 1.0 cannot carry at all (a file holding one does not open). */
// eslint-disable-next-line no-control-regex -- these very characters are the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * XLSX through exceljs's streaming writer: each row is committed (serialised into the zip) as it comes,
 * so memory holds no rows. Numbers stay numbers, booleans booleans; text is typed as text (never a formula,
 * so it needs no neutralising). The header row is bold and frozen. Past Excel's 1,048,576 rows the export
 * continues on `<name> (2)` with the header again.
 */
export function xlsxSheet(out: Writable, headers: readonly string[], name: string): SheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const base = sheetName(name);
  let sheets = 0;
  let rows = 0;
  let sheet: ExcelJS.Worksheet;
  const open = () => {
    sheets++;
    sheet = workbook.addWorksheet(sheets === 1 ? base : `${base.slice(0, 25)} (${sheets})`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = headers.map((header) => ({ width: Math.min(40, Math.max(10, header.length * 2 + 2)) }));
    const row = sheet.addRow(headers.map(xlsxCell));
    row.font = { bold: true };
    row.commit();
    rows = 1;
  };
  open();
  return {
    async row(cells) {
      if (rows >= SHEET_ROWS) {
        sheet.commit();
        open();
      }
      sheet.addRow(cells.map(xlsxCell)).commit();
      rows++;
      // The zip pipes into `out`; when `out` is full, wait rather than let the zip buffer the rows.
      if (rows % 500 === 0 && out.writableNeedDrain && !out.destroyed) await drained(out, out);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
    get stopped() {
      return out.destroyed;
    },
  };
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** A value as an XLSX cell: lists as `a; b`, objects as JSON, text within Excel's limits. */
export function xlsxCell(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value) && value.every((v) => typeof v !== 'object')
        ? value.join('; ')
        : JSON.stringify(value);
  return text.replace(NOT_XML, '').slice(0, CELL_TEXT);
}
