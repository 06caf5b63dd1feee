import { defineMessages } from '@lodestar/ui-shared';

/** The roll-up editor's words (RollupEditor.tsx). */
export const ROLLUP_MESSAGES = defineMessages({
  zh: {
    rollup: '汇总',
    isRollup: '汇总字段：值由关联的子记录汇总得出，只读',
    isRollupHint: '例如“已收款合计 = 回款的金额求和”；汇总字段不能必填，也没有默认值，可排序和筛选',
    from: '汇总的子对象',
    via: '通过哪个关联字段指向本对象',
    op: '汇总方式',
    field: '汇总的字段',
    where: '筛选条件（可选，公式，例如 status = "received"）',
    none: '（请选择）',
    noChildren: '没有业务对象通过多对一关联指向本对象，先在子对象中添加关联字段',
    ops: { count: '计数', sum: '求和', min: '最小值', max: '最大值', avg: '平均值' },
    wants: {
      count: '计数结果应保存在整数字段中',
      sum: '求和结果应保存在数字或金额字段中',
      avg: '平均值应保存在数字或金额字段中',
      min: '最小值应与所汇总字段同类型',
      max: '最大值应与所汇总字段同类型',
    },
  },
  en: {
    rollup: 'Roll-up',
    isRollup: 'Roll-up field: its value summarises related child records, read-only',
    isRollupHint:
      'E.g. "Paid = sum of Payments’ amount"; a roll-up is never required, has no default, and sorts and filters',
    from: 'Child entity to summarise',
    via: 'Its relation pointing at this entity',
    op: 'Summary',
    field: 'Field to summarise',
    where: 'Filter (optional, a formula, e.g. status = "received")',
    none: '(choose)',
    noChildren: 'No entity links to this one with a many-to-one relation: add that relation on the child first',
    ops: { count: 'Count', sum: 'Sum', min: 'Minimum', max: 'Maximum', avg: 'Average' },
    wants: {
      count: 'A count is stored in an integer field',
      sum: 'A sum is stored in a number or money field',
      avg: 'An average is stored in a number or money field',
      min: 'A minimum has the kind of the field it reads',
      max: 'A maximum has the kind of the field it reads',
    },
  },
});
