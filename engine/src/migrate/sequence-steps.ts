import type { SequenceDefinition, Text } from '@lodestar/core';
import type { Safety, StepDraft } from './plan.js';
import type { StepNames } from './step-names.js';

/*
 * The numbering steps (`x-sequence`) in words and safety: the English line the CLI prints, the
 * bilingual line and reason the studio shows, and whether confirming is needed. Numbering a new field
 * is safe; numbering over values a field already held replaces them, so it needs confirmation.
 */

export type SequenceStep = Extract<
  StepDraft,
  { kind: 'addSequence' | 'changeSequence' | 'renameSequence' | 'dropSequence' }
>;

export function isSequenceStep(step: StepDraft): step is SequenceStep {
  return (
    step.kind === 'addSequence' ||
    step.kind === 'changeSequence' ||
    step.kind === 'renameSequence' ||
    step.kind === 'dropSequence'
  );
}

/** Safety and the English reason of a numbering step (`rows` once counted). */
export function classifySequenceStep(step: SequenceStep): { safety: Safety; reason: string } {
  switch (step.kind) {
    case 'addSequence':
      if (step.renumber && step.rows)
        return { safety: 'destructive', reason: `numbers replace the values of ${count(step.rows, 'record')}` };
      return {
        safety: 'safe',
        reason:
          step.rows === undefined
            ? 'existing records are numbered in creation order'
            : `${count(step.rows, 'existing record')} ${step.rows === 1 ? 'is' : 'are'} numbered in creation order`,
      };
    case 'changeSequence':
      return { safety: 'safe', reason: 'only new records get numbers of the new pattern; existing numbers stay' };
    case 'renameSequence':
      return { safety: 'safe', reason: 'the counters move with the field; numbering continues' };
    case 'dropSequence':
      return { safety: 'safe', reason: 'existing numbers stay as text; new records are no longer numbered' };
  }
}

/** One line in plain English, by ids, for the CLI. */
export function describeSequenceStep(step: SequenceStep): string {
  switch (step.kind) {
    case 'addSequence':
      return `number ${step.table}.${step.column} as ${step.sequence.pattern}${resetOf(step.sequence).en}${step.rows ? ` (${count(step.rows, 'existing record')})` : ''}`;
    case 'changeSequence':
      return `change numbering of ${step.table}.${step.column}: ${step.from.pattern} → ${step.to.pattern}${resetOf(step.to).en}`;
    case 'renameSequence':
      return `move numbering counters ${step.from.table}.${step.from.column} → ${step.table}.${step.column}`;
    case 'dropSequence':
      return `stop numbering ${step.table}.${step.column}`;
  }
}

/** The step in both languages, by titles. */
export function sequenceStepText(step: SequenceStep, names: StepNames): Text {
  switch (step.kind) {
    case 'addSequence': {
      const f = field(step.table, step.column, names);
      const reset = resetOf(step.sequence);
      return {
        en: `number ${f.en} as ${step.sequence.pattern}${reset.en}`,
        zh: `为${f.zh}自动编号，规则 ${step.sequence.pattern}${reset.zh}`,
      };
    }
    case 'changeSequence': {
      const f = field(step.table, step.column, names);
      const reset = resetOf(step.to);
      return {
        en: `change the numbering of ${f.en}: ${step.from.pattern} → ${step.to.pattern}${reset.en}`,
        zh: `修改${f.zh}的编号规则：${step.from.pattern} → ${step.to.pattern}${reset.zh}`,
      };
    }
    case 'renameSequence': {
      const f = field(step.table, step.column, names);
      return { en: `keep the numbering of ${f.en} under its new name`, zh: `${f.zh}改名后继续沿用原编号计数` };
    }
    case 'dropSequence': {
      const f = field(step.table, step.column, names);
      return { en: `stop numbering ${f.en}`, zh: `${f.zh}不再自动编号` };
    }
  }
}

/** Why the step has its safety, in both languages. */
export function sequenceStepReason(step: SequenceStep, rows: number | undefined): Text {
  switch (step.kind) {
    case 'addSequence':
      if (step.renumber && rows)
        return {
          en: `numbers in creation order replace the values of ${count(rows, 'record')}`,
          zh: `将按创建顺序重新编号，替换 ${rows} 条记录原有的值`,
        };
      return rows === undefined
        ? { en: 'existing records are numbered in creation order', zh: '现有记录按创建顺序编号' }
        : {
            en: `${count(rows, 'existing record')} ${rows === 1 ? 'is' : 'are'} numbered in creation order`,
            zh: `${rows} 条现有记录按创建顺序编号`,
          };
    case 'changeSequence':
      return {
        en: 'existing numbers stay; only new records get numbers of the new pattern',
        zh: '已有编号不变，只有新记录使用新规则',
      };
    case 'renameSequence':
      return { en: 'numbering continues where it was', zh: '编号从原来的位置继续' };
    case 'dropSequence':
      return { en: 'existing numbers stay as text; new records get none', zh: '已有编号保留为文本，新记录不再编号' };
  }
}

function field(table: string, column: string, names: StepNames): Text {
  const [e, f] = [names.entity(table), names.field(table, column)];
  return { en: `“${f.en}” of “${e.en}”`, zh: `「${e.zh}」的「${f.zh}」` };
}

function resetOf(sequence: SequenceDefinition): Text {
  if (sequence.reset === 'yearly') return { en: ', starting again each year', zh: '，每年重新编号' };
  if (sequence.reset === 'monthly') return { en: ', starting again each month', zh: '，每月重新编号' };
  return { en: '', zh: '' };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
