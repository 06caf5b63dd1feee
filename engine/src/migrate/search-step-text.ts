import type { Text } from '../errors.js';
import { amount } from './classify.js';
import type { Step, StepDraft } from './plan.js';
import type { StepNames } from './step-names.js';

type SearchStep = Extract<StepDraft, { kind: 'setSearch' | 'dropSearch' }>;

/** One line for the CLI, by ids: `index customer for search: name, phone (12 rows)`. */
export function describeSearchStep(step: SearchStep): string {
  const fields = step.search.fields.map((field) => field.name).join(', ');
  if (step.kind === 'dropSearch') return `drop the search index of ${step.table} (${fields})`;
  return `index ${step.table} for search: ${fields}${step.rows ? ` (${amount(step.rows, 'row')})` : ''}`;
}

/** The step by titles, in both languages, for the studio's plan. */
export function searchStepText(step: SearchStep, names: StepNames): Text {
  const entity = names.entity(step.table);
  const fields = step.search.fields.map((field) => names.field(step.table, field.name));
  if (step.kind === 'dropSearch') {
    return { en: `rebuild or remove the search index of "${entity.en}"`, zh: `重建或移除「${entity.zh}」的搜索索引` };
  }
  return {
    en: `make "${entity.en}" searchable by ${fields.map((f) => `"${f.en}"`).join(', ')}`,
    zh: `让「${entity.zh}」可按${fields.map((f) => `「${f.zh}」`).join('、')}搜索`,
  };
}

/** Why it is safe, with the rows indexed once counted. */
export function searchStepReason(step: SearchStep & Step): Text {
  if (step.kind === 'dropSearch') {
    return { en: 'a search index holds no data of its own', zh: '搜索索引不保存自己的数据' };
  }
  const rows = step.rows;
  return {
    en: `indexes ${rows === undefined ? 'every record' : amount(rows, 'record')} for search; no entered value changes`,
    zh: `为${rows === undefined ? '所有记录' : ` ${rows} 条记录`}建立搜索索引；录入的数据不变`,
  };
}
