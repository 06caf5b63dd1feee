import type { Text } from '../errors.js';
import type { Step, StepDraft } from './plan.js';
import type { StepNames } from './step-names.js';

type KeyStepDraft = Extract<StepDraft, { kind: 'addKeyIndex' | 'dropKeyIndex' }>;
type KeyStep = Extract<Step, { kind: 'addKeyIndex' | 'dropKeyIndex' }>;

/** `add unique key customer (creditCode; trim, width)` for the CLI and logs. */
export function describeKeyStep(step: KeyStepDraft): string {
  const parts = step.key.parts
    .map((part) => (part.steps.length ? `${part.column} [${part.steps.join(', ')}]` : part.column))
    .join(', ');
  const what = step.key.unique ? 'unique key' : 'duplicate-check index';
  if (step.kind === 'dropKeyIndex') return `drop ${what} ${step.key.name} on ${step.table}`;
  const shared = step.rows ? ` (${step.rows} rows share a key)` : '';
  return `add ${what} ${step.key.name} on ${step.table} (${parts})${shared}`;
}

/** The step by titles, in both languages. */
export function keyStepText(step: KeyStepDraft, names: StepNames): Text {
  const entity = names.entity(step.table);
  const fields = fieldList(step, names);
  const add = step.kind === 'addKeyIndex';
  if (step.key.unique) {
    return add
      ? { en: `make ${fields.en} unique in “${entity.en}”`, zh: `「${entity.zh}」的${fields.zh}不能重复` }
      : {
          en: `stop requiring ${fields.en} to be unique in “${entity.en}”`,
          zh: `取消「${entity.zh}」${fields.zh}不能重复的限制`,
        };
  }
  return add
    ? { en: `check ${fields.en} of “${entity.en}” for duplicates`, zh: `对「${entity.zh}」的${fields.zh}查重` }
    : {
        en: `stop checking ${fields.en} of “${entity.en}” for duplicates`,
        zh: `不再对「${entity.zh}」的${fields.zh}查重`,
      };
}

/**
 * Why: safe, or blocked with how many records share a key and the values they share, so the admin can
 * search for them, tell them apart or merge them, and publish again.
 */
export function keyStepReason(step: KeyStep, names: StepNames): Text {
  if (step.kind === 'dropKeyIndex' || !step.key.unique)
    return { en: 'indexes hold no data of their own', zh: '索引不保存数据' };
  const rows = step.rows;
  if (rows === undefined) return { en: 'existing records must not share the key', zh: '现有记录之间不能重复' };
  if (rows === 0) return { en: 'no two records share the key', zh: '没有重复的记录' };
  const fields = fieldList(step, names);
  const values = (step.duplicates ?? []).map((group) => group.map((value) => `“${value}”`).join(' + '));
  const valuesZh = (step.duplicates ?? []).map((group) => group.map((value) => `“${value}”`).join(' + '));
  return {
    en: `${rows} record${rows === 1 ? '' : 's'} share${rows === 1 ? 's' : ''} ${fields.en} with another record, e.g. ${values.join('; ')}; search the list for these values, change or merge the duplicates, then publish again`,
    zh: `有 ${rows} 条记录的${fields.zh}与其他记录重复，例如 ${valuesZh.join('；')}；请在列表中搜索这些值，修改或合并重复的记录后再发布`,
  };
}

function fieldList(step: KeyStepDraft, names: StepNames): Text {
  const titles = step.key.parts.map((part) => names.field(step.table, part.column));
  return {
    en: titles.map((title) => `“${title.en}”`).join(' + '),
    zh: titles.map((title) => `「${title.zh}」`).join('+'),
  };
}
