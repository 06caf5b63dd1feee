import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportLang } from '../records/export-view.js';
import { sheetName } from './sheet-writers.js';
import type { TemplateColumn } from './template-columns.js';

/** Rows below the header that carry the dropdowns (the import itself takes any number of rows). */
const VALIDATED_ROWS = 20_000;

const WORDS = {
  zh: {
    guide: '填写说明',
    lists: '选项',
    headers: ['列名', '类型', '必填', '填写规则', '示例'],
    yes: '是',
    no: '否',
    onlyFor: (types: string) => `${types}必填`,
    exampleNote: '第 2 行是示例，导入前请删除或改成您的数据。列名请勿修改；不需要的列可以删除。',
    notInList: '不在可选项中',
    pick: '请从下拉列表中选择',
  },
  en: {
    guide: 'How to fill',
    lists: 'Lists',
    headers: ['Column', 'Kind', 'Required', 'How to fill', 'Example'],
    yes: 'Yes',
    no: 'No',
    onlyFor: (types: string) => `For ${types}`,
    exampleNote:
      'Row 2 is an example: delete it or replace it with your data before importing. Keep the column titles; columns you do not need may be deleted.',
    notInList: 'Not in the list',
    pick: 'Pick a value from the list',
  },
} as const;

/**
 * An entity's import template as XLSX: the header row the import maps (titles in `lang`), one example row,
 * choice lists as dropdowns (data validation on a hidden sheet of labels), and a second sheet explaining each
 * column: kind, required, how to fill it. Small and built in memory.
 */
export async function writeImportTemplate(
  out: Writable,
  title: string,
  columns: readonly TemplateColumn[],
  lang: ExportLang,
): Promise<void> {
  const words = WORDS[lang];
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = workbook.addWorksheet(words.guide);
  const lists = workbook.addWorksheet(words.lists, { state: 'hidden' });

  data.columns = columns.map((c) => ({ width: Math.min(40, Math.max(12, c.header.length * 2 + 4)) }));
  const header = data.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  columns.forEach((column, i) => {
    if (column.required === 'yes') header.getCell(i + 1).fill = REQUIRED_FILL;
  });
  const example = data.addRow(columns.map((c) => (c.inExampleRow ? c.example : null)));
  example.font = { italic: true, color: { argb: 'FF808080' } };

  let listColumn = 0;
  columns.forEach((column, i) => {
    if (!column.choices?.labels.length) return;
    listColumn++;
    const letter = columnLetter(listColumn);
    lists.getColumn(listColumn).values = column.choices.labels;
    const range = `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${VALIDATED_ROWS + 1}`;
    validations(data).add(range, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${words.lists}'!$${letter}$1:$${letter}$${column.choices.labels.length}`],
      showErrorMessage: column.choices.strict,
      errorStyle: 'stop',
      errorTitle: words.notInList,
      error: words.pick,
    });
  });

  guide.columns = [{ width: 24 }, { width: 14 }, { width: 14 }, { width: 70 }, { width: 24 }];
  guide.addRow([...words.headers]).font = { bold: true };
  for (const column of columns)
    guide.addRow([
      column.header,
      column.kind[lang],
      column.required === 'yes'
        ? words.yes
        : column.required === 'no'
          ? words.no
          : words.onlyFor(column.required[lang]),
      column.rule[lang],
      column.example,
    ]);
  guide.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  guide.addRow([]);
  guide.addRow([words.exampleNote]);
  await workbook.xlsx.write(out);
}

/** exceljs keeps a sheet's validations by range, but its types do not declare them. */
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
