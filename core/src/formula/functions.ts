import type { Text } from '../text.js';

/**
 * The formula functions: their signatures as the checker reads them and their descriptions as the
 * studio shows them (docs/formulas.md says the same at length). `T` is one type shared by the marked
 * arguments and the result.
 */
export type ParamType = 'number' | 'text' | 'boolean' | 'date' | 'dateTime' | 'temporal' | 'any' | 'T';

export interface FunctionSpec {
  name: string;
  /** How it is written, e.g. `ROUND(number, [digits])`. */
  syntax: string;
  description: Text;
  /** Fixed parameters; `optional` counts how many trailing ones may be left out. */
  params: ParamType[];
  optional?: number;
  /** Repeats the last parameter (CONCAT, MIN…) or the last two (IFS), at least `params.length` arguments. */
  repeat?: 1 | 2;
  result: ParamType;
  /** Reads the clock: the value changes without the record changing (TODAY, NOW). */
  volatile?: boolean;
  /** Reads who is acting (ME): only where a user acts, so never in a stored value (FormulaScope.actor). */
  actor?: boolean;
}

const fn = (spec: FunctionSpec): [string, FunctionSpec] => [spec.name, spec];

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map([
  fn({
    name: 'IF',
    syntax: 'IF(condition, then, [else])',
    params: ['boolean', 'T', 'T'],
    optional: 1,
    result: 'T',
    description: {
      en: 'The second argument when the condition is TRUE, otherwise the third (blank when left out). A blank condition counts as FALSE.',
      zh: '条件为 TRUE 时取第二个参数，否则取第三个（省略时为空）。条件为空按 FALSE 处理。',
    },
  }),
  fn({
    name: 'IFS',
    syntax: 'IFS(condition1, value1, [condition2, value2, …])',
    params: ['boolean', 'T'],
    repeat: 2,
    result: 'T',
    description: {
      en: 'The value after the first TRUE condition; blank when none is TRUE.',
      zh: '取第一个为 TRUE 的条件后面的值；都不成立时为空。',
    },
  }),
  fn({
    name: 'SWITCH',
    syntax: 'SWITCH(expression, case1, value1, [case2, value2, …], [default])',
    params: ['any', 'any', 'T'],
    repeat: 2,
    result: 'T',
    description: {
      en: 'Compares the expression with each case and gives the value of the first equal one; otherwise the default (blank when left out).',
      zh: '将表达式依次与各个匹配值比较，取第一个相等者对应的结果；都不相等时取默认值（省略时为空）。',
    },
  }),
  fn({
    name: 'COALESCE',
    syntax: 'COALESCE(value1, [value2, …])',
    params: ['T'],
    repeat: 1,
    result: 'T',
    description: { en: 'The first argument that is not blank.', zh: '取第一个非空的参数。' },
  }),
  fn({
    name: 'ISBLANK',
    syntax: 'ISBLANK(value)',
    params: ['any'],
    result: 'boolean',
    description: {
      en: 'TRUE when the value is blank (no value, or empty text).',
      zh: '值为空（没有值或空文本）时为 TRUE。',
    },
  }),
  fn({
    name: 'AND',
    syntax: 'AND(logical1, [logical2, …])',
    params: ['boolean'],
    repeat: 1,
    result: 'boolean',
    description: {
      en: 'TRUE when all arguments are TRUE; FALSE when any is FALSE; otherwise blank. Same as the AND operator.',
      zh: '全部为 TRUE 时为 TRUE；任一为 FALSE 时为 FALSE；否则为空。与运算符 AND 相同。',
    },
  }),
  fn({
    name: 'OR',
    syntax: 'OR(logical1, [logical2, …])',
    params: ['boolean'],
    repeat: 1,
    result: 'boolean',
    description: {
      en: 'TRUE when any argument is TRUE; FALSE when all are FALSE; otherwise blank. Same as the OR operator.',
      zh: '任一为 TRUE 时为 TRUE；全部为 FALSE 时为 FALSE；否则为空。与运算符 OR 相同。',
    },
  }),
  fn({
    name: 'NOT',
    syntax: 'NOT(logical)',
    params: ['boolean'],
    result: 'boolean',
    description: { en: 'The opposite truth value; blank stays blank.', zh: '取相反的逻辑值；空仍为空。' },
  }),
  fn({
    name: 'ROUND',
    syntax: 'ROUND(number, [digits])',
    params: ['number', 'number'],
    optional: 1,
    result: 'number',
    description: {
      en: 'Rounds to the given decimal places (default 0; negative rounds to tens, hundreds…), halves away from zero: ROUND(2.5) = 3, ROUND(-2.5) = -3.',
      zh: '四舍五入到指定小数位（默认 0 位；负数表示十位、百位…），0.5 远离零进位：ROUND(2.5) = 3，ROUND(-2.5) = -3。',
    },
  }),
  fn({
    name: 'ROUNDUP',
    syntax: 'ROUNDUP(number, [digits])',
    params: ['number', 'number'],
    optional: 1,
    result: 'number',
    description: {
      en: 'Rounds away from zero to the given decimal places (default 0).',
      zh: '向远离零的方向舍入到指定小数位（默认 0 位）。',
    },
  }),
  fn({
    name: 'ROUNDDOWN',
    syntax: 'ROUNDDOWN(number, [digits])',
    params: ['number', 'number'],
    optional: 1,
    result: 'number',
    description: {
      en: 'Rounds toward zero (cuts off) to the given decimal places (default 0).',
      zh: '向零的方向舍入（截断）到指定小数位（默认 0 位）。',
    },
  }),
  fn({
    name: 'ABS',
    syntax: 'ABS(number)',
    params: ['number'],
    result: 'number',
    description: { en: 'The absolute value.', zh: '绝对值。' },
  }),
  fn({
    name: 'MOD',
    syntax: 'MOD(number, divisor)',
    params: ['number', 'number'],
    result: 'number',
    description: {
      en: 'The remainder after division, with the sign of the divisor (as in Excel); blank when the divisor is 0.',
      zh: '相除后的余数，符号与除数相同（同 Excel）；除数为 0 时为空。',
    },
  }),
  fn({
    name: 'MIN',
    syntax: 'MIN(value1, [value2, …])',
    params: ['T'],
    repeat: 1,
    result: 'T',
    description: {
      en: 'The smallest argument (numbers, dates, date-times or text), ignoring blanks; blank when all are blank.',
      zh: '取最小值（数字、日期、日期时间或文本），忽略空值；全部为空时为空。',
    },
  }),
  fn({
    name: 'MAX',
    syntax: 'MAX(value1, [value2, …])',
    params: ['T'],
    repeat: 1,
    result: 'T',
    description: {
      en: 'The largest argument (numbers, dates, date-times or text), ignoring blanks; blank when all are blank.',
      zh: '取最大值（数字、日期、日期时间或文本），忽略空值；全部为空时为空。',
    },
  }),
  fn({
    name: 'LEN',
    syntax: 'LEN(text)',
    params: ['text'],
    result: 'number',
    description: { en: 'The number of characters.', zh: '字符数。' },
  }),
  fn({
    name: 'LEFT',
    syntax: 'LEFT(text, [count])',
    params: ['text', 'number'],
    optional: 1,
    result: 'text',
    description: {
      en: 'The first characters of the text (default 1; a negative count gives "").',
      zh: '取文本开头的若干个字符（默认 1 个；个数为负时得到 ""）。',
    },
  }),
  fn({
    name: 'RIGHT',
    syntax: 'RIGHT(text, [count])',
    params: ['text', 'number'],
    optional: 1,
    result: 'text',
    description: {
      en: 'The last characters of the text (default 1; a negative count gives "").',
      zh: '取文本末尾的若干个字符（默认 1 个；个数为负时得到 ""）。',
    },
  }),
  fn({
    name: 'MID',
    syntax: 'MID(text, start, count)',
    params: ['text', 'number', 'number'],
    result: 'text',
    description: {
      en: 'The characters from position start (1 is the first; less counts as 1), count of them.',
      zh: '从第 start 个字符起（1 为第一个；小于 1 按 1 计）取 count 个字符。',
    },
  }),
  fn({
    name: 'FIND',
    syntax: 'FIND(part, text)',
    params: ['text', 'text'],
    result: 'number',
    description: {
      en: 'The position of the first part within the text, counted in characters (1 is the first); 0 when it is not there. Case-sensitive.',
      zh: 'part 在文本中第一次出现的位置（按字符计，1 为第一个）；找不到时为 0。区分大小写。',
    },
  }),
  fn({
    name: 'UPPER',
    syntax: 'UPPER(text)',
    params: ['text'],
    result: 'text',
    description: { en: 'The text in capital letters.', zh: '将文本中的字母转为大写。' },
  }),
  fn({
    name: 'LOWER',
    syntax: 'LOWER(text)',
    params: ['text'],
    result: 'text',
    description: { en: 'The text in small letters.', zh: '将文本中的字母转为小写。' },
  }),
  fn({
    name: 'TRIM',
    syntax: 'TRIM(text)',
    params: ['text'],
    result: 'text',
    description: {
      en: 'The text without spaces (including the full-width space), tabs and line breaks at its start and end.',
      zh: '去掉文本首尾的空格（含全角空格）、制表符和换行。',
    },
  }),
  fn({
    name: 'CONCAT',
    syntax: 'CONCAT(value1, [value2, …])',
    params: ['any'],
    repeat: 1,
    result: 'text',
    description: {
      en: 'Joins the arguments as text; blanks count as "". Same as the & operator.',
      zh: '将参数连接为文本；空值按 "" 处理。与运算符 & 相同。',
    },
  }),
  fn({
    name: 'TEXT',
    syntax: 'TEXT(value)',
    params: ['any'],
    result: 'text',
    description: {
      en: 'The value as text: numbers without trailing zeros (1.50 → "1.5"), dates as YYYY-MM-DD, date-times as YYYY-MM-DD HH:MM:SS in the company time zone, TRUE/FALSE.',
      zh: '将值转为文本：数字去掉末尾的 0（1.50 → "1.5"），日期为 YYYY-MM-DD，日期时间为公司时区的 YYYY-MM-DD HH:MM:SS，逻辑值为 TRUE/FALSE。',
    },
  }),
  fn({
    name: 'TODAY',
    syntax: 'TODAY()',
    params: [],
    result: 'date',
    volatile: true,
    description: { en: "Today's date in the company time zone.", zh: '公司时区的今天日期。' },
  }),
  fn({
    name: 'NOW',
    syntax: 'NOW()',
    params: [],
    result: 'dateTime',
    volatile: true,
    description: { en: 'The current date and time.', zh: '当前的日期和时间。' },
  }),
  fn({
    name: 'ME',
    syntax: 'ME()',
    params: [],
    result: 'text',
    actor: true,
    description: {
      en: 'The user acting now (who sends the event), to compare with a user field or the owner: owner_id = ME(). Blank when no user acts (a timer). Only in workflow guard conditions and their counts of related records.',
      zh: '当前操作的用户（发出事件的人），用于与用户字段或负责人比较：owner_id = ME()。没有用户操作时（定时器）为空。只能用于流程守卫的条件及其关联记录计数。',
    },
  }),
  fn({
    name: 'DATE',
    syntax: 'DATE(year, month, day)',
    params: ['number', 'number', 'number'],
    result: 'date',
    description: {
      en: 'The date of a year, month and day. Months and days beyond their range carry over as in Excel: DATE(2026, 13, 1) = 2027-01-01, DATE(2026, 3, 0) = 2026-02-28. Blank outside the years 1–9999.',
      zh: '由年、月、日得到日期。超出范围的月、日像 Excel 一样顺延：DATE(2026, 13, 1) = 2027-01-01，DATE(2026, 3, 0) = 2026-02-28。超出 1–9999 年时为空。',
    },
  }),
  fn({
    name: 'YEAR',
    syntax: 'YEAR(date)',
    params: ['temporal'],
    result: 'number',
    description: {
      en: 'The year of a date (of a date-time: in the company time zone).',
      zh: '日期的年份（日期时间按公司时区）。',
    },
  }),
  fn({
    name: 'MONTH',
    syntax: 'MONTH(date)',
    params: ['temporal'],
    result: 'number',
    description: {
      en: 'The month of a date, 1–12 (of a date-time: in the company time zone).',
      zh: '日期的月份，1–12（日期时间按公司时区）。',
    },
  }),
  fn({
    name: 'DAY',
    syntax: 'DAY(date)',
    params: ['temporal'],
    result: 'number',
    description: {
      en: 'The day of the month of a date, 1–31 (of a date-time: in the company time zone).',
      zh: '日期是当月的第几天，1–31（日期时间按公司时区）。',
    },
  }),
  fn({
    name: 'WEEKDAY',
    syntax: 'WEEKDAY(date)',
    params: ['temporal'],
    result: 'number',
    description: {
      en: 'The day of the week, 1 (Sunday) to 7 (Saturday), as Excel counts by default.',
      zh: '星期几，1（星期日）到 7（星期六），与 Excel 默认一致。',
    },
  }),
  fn({
    name: 'DATEDIF',
    syntax: 'DATEDIF(start, end, "d" | "m" | "y")',
    params: ['temporal', 'temporal', 'text'],
    result: 'number',
    description: {
      en: 'Whole days ("d"), months ("m") or years ("y") from start to end, counted in calendar days of the company time zone; negative when end is before start.',
      zh: '从开始到结束的整天数（"d"）、整月数（"m"）或整年数（"y"），按公司时区的日历日计算；结束早于开始时为负数。',
    },
  }),
  fn({
    name: 'EDATE',
    syntax: 'EDATE(date, months)',
    params: ['temporal', 'number'],
    result: 'date',
    description: {
      en: 'The date some months later (earlier when negative), on the same day or the last day of a shorter month: EDATE(2026-01-31, 1) = 2026-02-28.',
      zh: '若干个月之后（负数为之前）的同一天，该月没有这一天时取月末：EDATE(2026-01-31, 1) = 2026-02-28。',
    },
  }),
]);
