import { defineMessages } from '@lodestar/ui-shared';

/** The line item grid's own words (field titles come from the child entity's definition). */
export const LINE_ITEM_MESSAGES = defineMessages({
  zh: {
    add: '添加一行',
    remove: '删除此行',
    up: '上移',
    down: '下移',
    line: (n: number) => `第 ${n} 行`,
    empty: '还没有明细行',
    totals: '合计（保存前实时计算）',
    required: '必填',
    notANumber: '请输入数字',
    atLeast: (n: number) => `不能小于 ${n}`,
    atMost: (n: number) => `不能大于 ${n}`,
    tooLong: (n: number) => `最多 ${n} 个字符`,
    wholeNumber: '请输入整数',
    decimals: (n: number) => `最多 ${n} 位小数`,
    linesInvalid: '有明细行需要修改，见标出的单元格',
  },
  en: {
    add: 'Add a line',
    remove: 'Remove this line',
    up: 'Move up',
    down: 'Move down',
    line: (n: number) => `Line ${n}`,
    empty: 'No lines yet',
    totals: 'Totals (live, before saving)',
    required: 'Required',
    notANumber: 'Enter a number',
    atLeast: (n: number) => `Must be at least ${n}`,
    atMost: (n: number) => `Must be at most ${n}`,
    tooLong: (n: number) => `At most ${n} characters`,
    wholeNumber: 'Enter a whole number',
    decimals: (n: number) => `At most ${n} decimal places`,
    linesInvalid: 'Some lines need fixing: see the marked cells',
  },
});
