import { defineMessages } from '@lodestar/ui-shared';

/** The formula editor's words (FormulaEditor.tsx). */
export const FORMULA_MESSAGES = defineMessages({
  zh: {
    formula: '公式',
    isFormula: '公式字段：值由公式算出，只读',
    isFormulaHint: '公式字段不能必填，也没有默认值；引用本记录和多对一关联记录的字段',
    source: '公式',
    ok: (type: string) => `公式正确，结果为${type}`,
    insertField: '插入字段',
    insertFunction: '插入函数',
    at: (offset: number) => `第 ${offset + 1} 个字符：`,
    mismatch: (got: string, want: string) => `公式的结果是${got}，但字段类型是${want}`,
    typeNames: { number: '数字', text: '文本', boolean: '是/否', date: '日期', dateTime: '日期时间' },
  },
  en: {
    formula: 'Formula',
    isFormula: 'Formula field: its value is computed, read-only',
    isFormulaHint: 'A formula field is never required and has no default; it reads this record and many-to-one links',
    source: 'Formula',
    ok: (type: string) => `The formula checks; it gives ${type}`,
    insertField: 'Insert a field',
    insertFunction: 'Insert a function',
    at: (offset: number) => `At character ${offset + 1}: `,
    mismatch: (got: string, want: string) => `The formula gives ${got}, but the field holds ${want}`,
    typeNames: { number: 'a number', text: 'text', boolean: 'yes/no', date: 'a date', dateTime: 'a date and time' },
  },
});
