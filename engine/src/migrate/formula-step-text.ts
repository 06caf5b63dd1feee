import type { Text } from '../errors.js';
import type { Step, StepDraft } from './plan.js';
import type { StepNames } from './step-names.js';

type FormulaStep = Extract<StepDraft, { kind: 'addFormula' | 'changeFormula' | 'dropFormula' }>;

const count = (rows: number, en: string) => `${rows} ${en}${rows === 1 ? '' : 's'}`;

/** One line for the CLI: `add formula quote.total = amount * (1 - discount) (stored, computes 12 rows)`. */
export function describeFormulaStep(step: FormulaStep): string {
  const rows = step.rows === undefined ? '' : `, computes ${count(step.rows, 'row')}`;
  switch (step.kind) {
    case 'addFormula':
      return `add formula ${step.table}.${step.formula.name} = ${step.formula.formula} (${storage(step.formula)}${rows})`;
    case 'changeFormula': {
      const what =
        step.from.formula === step.to.formula
          ? `${storage(step.from)} → ${storage(step.to)}`
          : `${step.from.formula} → ${step.to.formula}, ${storage(step.to)}`;
      return `change formula ${step.table}.${step.to.name}: ${what}${rows}`;
    }
    case 'dropFormula':
      return step.replaced
        ? `drop the stored column of formula ${step.table}.${step.formula.name} (it is computed again below)`
        : `drop formula ${step.table}.${step.formula.name} (${storage(step.formula)})`;
  }
}

function storage(formula: { stored?: string }): string {
  return formula.stored ? 'stored' : 'computed when read';
}

/** The step in both languages, by titles. */
export function formulaStepText(step: FormulaStep, names: StepNames): Text {
  const entity = names.entity(step.table);
  const name = step.kind === 'changeFormula' ? step.to.name : step.formula.name;
  const field = names.field(step.table, name);
  const f = { en: `"${field.en}" of "${entity.en}"`, zh: `「${entity.zh}」的公式字段「${field.zh}」` };
  switch (step.kind) {
    case 'addFormula':
      return {
        en: `add the formula field ${f.en}: ${step.formula.formula}`,
        zh: `添加${f.zh}：${step.formula.formula}`,
      };
    case 'changeFormula': {
      if (step.from.formula !== step.to.formula)
        return {
          en: `change the formula of ${f.en}: ${step.from.formula} → ${step.to.formula}`,
          zh: `修改${f.zh}的公式：${step.from.formula} → ${step.to.formula}`,
        };
      if (!!step.from.stored !== !!step.to.stored)
        return step.to.stored
          ? { en: `store the values of ${f.en}`, zh: `改为保存${f.zh}的值` }
          : { en: `compute ${f.en} when read instead of storing it`, zh: `${f.zh}改为读取时计算，不再保存` };
      return { en: `compute the stored values of ${f.en} again`, zh: `重新计算并保存${f.zh}的值` };
    }
    case 'dropFormula':
      return step.replaced
        ? {
            en: `drop the stored values of ${f.en} (computed again below)`,
            zh: `删除${f.zh}已保存的值（随后重新计算）`,
          }
        : { en: `remove the formula field ${f.en}`, zh: `删除${f.zh}` };
  }
}

/** Why such a step is safe, in English (the planner's reason) and both languages. */
export function formulaStepReason(step: FormulaStep & Partial<Pick<Step, 'rows'>>): Text {
  const target = step.kind === 'addFormula' ? step.formula : step.kind === 'changeFormula' ? step.to : undefined;
  if (target?.stored) {
    const rows = step.rows;
    return rows === undefined
      ? {
          en: 'PostgreSQL computes the value of every row in the publish',
          zh: '发布时由数据库为每一行计算值',
        }
      : {
          en: `PostgreSQL computes the value of ${count(rows, 'row')} in the publish`,
          zh: `发布时由数据库计算 ${rows} 行的值`,
        };
  }
  if (target) return { en: 'computed whenever a record is read; nothing is stored', zh: '每次读取记录时计算，不保存' };
  return {
    en: 'a formula value is computed from other fields; nothing entered is lost',
    zh: '公式的值由其他字段算出，不会丢失录入的数据',
  };
}
