import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../records/csv-cell.js';
import type { BadRow } from './imports-repo.js';
import type { RowIssue } from './import-types.js';

/*
 * The error report as a file the user fixes and imports again: the original header and bad rows, each
 * with an error column saying what is wrong in the user's language (row numbers of the original file in
 * another column, since the report holds only the bad rows).
 */

export type Lang = 'zh' | 'en';

const WORDS = {
  zh: { row: '原行号', errors: '错误说明', column: (c: string) => `【${c}】` },
  en: { row: 'Row', errors: 'Errors', column: (c: string) => `[${c}] ` },
};

/** One row's issues as one cell: "【所属行业】应为以下之一：…；【…】…". */
export function issuesText(issues: readonly RowIssue[], lang: Lang): string {
  const words = WORDS[lang];
  return issues
    .map((issue) => `${issue.column ? words.column(issue.column) : ''}${issue.message[lang]}`)
    .join(lang === 'zh' ? '；' : '; ');
}

function rowsOf(headers: readonly string[], rows: readonly BadRow[], lang: Lang): unknown[][] {
  const words = WORDS[lang];
  return [
    [...headers, words.row, words.errors],
    ...rows.map((r) => [
      ...headers.map((_h, i) => cellValue(r.cells[i])),
      r.row,
      issuesText(r.issues as RowIssue[], lang),
    ]),
  ];
}

function cellValue(cell: unknown): unknown {
  if (cell === undefined || cell === null) return '';
  // Dates came back from JSON as text; numbers and booleans stay what they were.
  return cell;
}

/** CSV with a UTF-8 BOM, so Excel opens the Chinese correctly; cells neutralised against formula injection. */
export function writeCsvReport(out: Writable, headers: readonly string[], rows: readonly BadRow[], lang: Lang): void {
  out.write('\uFEFF');
  for (const row of rowsOf(headers, rows, lang)) out.write(`${row.map(csvCell).join(',')}\r\n`);
  out.end();
}

function csvCell(cell: unknown): string {
  if (typeof cell === 'number') return String(cell);
  const text = neutraliseFormula(String(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** XLSX, streamed, with the error column in red. */
export async function writeXlsxReport(
  out: Writable,
  headers: readonly string[],
  rows: readonly BadRow[],
  lang: Lang,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(lang === 'zh' ? '错误行' : 'Rows with errors');
  for (const [i, values] of rowsOf(headers, rows, lang).entries()) {
    const row = sheet.addRow(values);
    if (i > 0) row.getCell(values.length).font = { color: { argb: 'FFC00000' } };
    else row.font = { bold: true };
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}
