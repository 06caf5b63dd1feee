import type { Text } from '../errors.js';
import type { RollupSpec } from '../schema/table-spec.js';
import { amount } from './classify.js';
import type { Step, StepDraft } from './plan.js';
import type { StepNames } from './step-names.js';

type RollupStep = Extract<StepDraft, { kind: 'setRollup' | 'dropRollup' }>;

const OP_TEXT: Record<RollupSpec['op'], Text> = {
  count: { en: 'count', zh: '计数' },
  sum: { en: 'sum', zh: '求和' },
  min: { en: 'minimum', zh: '最小值' },
  max: { en: 'maximum', zh: '最大值' },
  avg: { en: 'average', zh: '平均值' },
};

/** One line for the CLI, by ids: `compute roll-up contract.paidTotal = sum(payment.amount via contract) (12 rows)`. */
export function describeRollupStep(step: RollupStep): string {
  const { rollup } = step;
  const of = `${rollup.op}(${rollup.from}${rollup.field ? `.${rollup.field}` : ''} via ${rollup.via}${rollup.where ? ` where ${rollup.where}` : ''})`;
  if (step.kind === 'dropRollup') return `stop keeping roll-up ${step.table}.${rollup.name}`;
  return `compute roll-up ${step.table}.${rollup.name} = ${of}${step.rows ? ` (${amount(step.rows, 'row')})` : ''}`;
}

/** The step by titles, in both languages, for the studio's plan. */
export function rollupStepText(step: RollupStep, names: StepNames): Text {
  const { rollup } = step;
  const target = names.field(step.table, rollup.name);
  const entity = names.entity(step.table);
  if (step.kind === 'dropRollup') {
    return {
      en: `stop keeping the roll-up "${target.en}" of "${entity.en}" up to date`,
      zh: `停止维护「${entity.zh}」的汇总字段「${target.zh}」`,
    };
  }
  const child = names.entity(rollup.from);
  const op = OP_TEXT[rollup.op];
  const field = rollup.field ? names.field(rollup.from, rollup.field) : undefined;
  const via = names.field(rollup.from, rollup.via);
  const where = rollup.where ? { en: ` where ${rollup.where}`, zh: `（条件：${rollup.where}）` } : { en: '', zh: '' };
  return {
    en: `compute the roll-up "${target.en}" of "${entity.en}": ${op.en} of ${field ? `"${field.en}" of ` : ''}"${child.en}" linked by "${via.en}"${where.en}`,
    zh: `计算「${entity.zh}」的汇总字段「${target.zh}」：按「${via.zh}」关联的「${child.zh}」${field ? `的「${field.zh}」` : ''}${op.zh}${where.zh}`,
  };
}

/** Why it is safe, with the rows computed once counted. */
export function rollupStepReason(step: RollupStep & Step): Text {
  if (step.kind === 'dropRollup') {
    return {
      en: 'the value stops being kept up to date; the plan computes it again or drops it',
      zh: '该值不再自动更新；本次发布会重新计算或删除它',
    };
  }
  const rows = step.rows;
  return {
    en: `computed from related records${rows === undefined ? '' : ` for ${amount(rows, 'record')}`}; no entered value changes`,
    zh: `根据关联记录计算${rows === undefined ? '' : `，共 ${rows} 条记录`}；录入的数据不变`,
  };
}
