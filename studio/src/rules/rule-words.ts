import type { Lang } from '@lodestar/ui-shared';
import { RULE_MESSAGES } from './messages';
import type { RuleField } from './rule-fields';
import { rowText, type CompareRow, type Operand, type RuleGroup, type RuleItem } from './rule-tree';

/** A condition in words, fields and choices by their titles: "金额 > 100000 且 (客户等级 是 重点 或 折扣 ≥ 0.2)". */
export function ruleWords(group: RuleGroup, fields: RuleField[], lang: Lang): string {
  return groupWords(group, fields, lang, false);
}

function groupWords(group: RuleGroup, fields: RuleField[], lang: Lang, nested: boolean): string {
  const t = RULE_MESSAGES[lang];
  const parts = group.items.map((item) => itemWords(item, fields, lang)).filter(Boolean);
  const joined = parts.join(` ${group.join === 'all' ? t.and : t.or} `);
  return nested && parts.length > 1 ? `(${joined})` : joined;
}

function itemWords(item: RuleItem, fields: RuleField[], lang: Lang): string {
  if (item.kind === 'group') return groupWords(item, fields, lang, true);
  if (item.kind === 'formula') return item.source.trim();
  return rowText(item) === undefined ? '' : rowWords(item, fields, lang);
}

/** The operator's name for a field: 早于 / 晚于 for dates, 是 / 不是 for choices, the symbol for numbers. */
export function opWords(row: Pick<CompareRow, 'op' | 'operands'>, field: RuleField | undefined, lang: Lang): string {
  const t = RULE_MESSAGES[lang];
  if (field?.type === 'boolean' && row.op === 'eq')
    return row.operands[0]?.kind === 'boolean' && !row.operands[0].value ? t.isNo : t.isYes;
  if (field?.type === 'date' || field?.type === 'dateTime') {
    if (row.op === 'lt') return t.before;
    if (row.op === 'gt') return t.after;
    if (row.op === 'eq') return t.onDay;
  }
  if (field?.kind === 'choice' || field?.kind === 'user' || field?.kind === 'manyToOne') {
    if (row.op === 'eq') return t.is;
    if (row.op === 'ne') return t.isNot;
  }
  if (field?.type === 'number' && (row.op === 'eq' || row.op === 'ne')) return row.op === 'eq' ? '=' : '≠';
  return t.ops[row.op];
}

function rowWords(row: CompareRow, fields: RuleField[], lang: Lang): string {
  const t = RULE_MESSAGES[lang];
  const field = fields.find((f) => f.path === row.field);
  const name = field?.label ?? row.field;
  const value = (operand: Operand) => operandWords(operand, field, fields, lang);
  const [a, b] = row.operands;
  switch (row.op) {
    case 'empty':
    case 'notEmpty':
      return `${name} ${t.ops[row.op]}`;
    case 'between':
      return `${name} ${t.ops.between} ${value(a!)} – ${value(b!)}`;
    case 'withinNext':
    case 'withinPast':
      return `${name} ${t.ops[row.op].replace('…', ` ${value(a!)} `).replace(/\s+/g, ' ')}`;
    case 'in':
      return `${name} ${t.ops.in} ${row.operands.map(value).join(lang === 'zh' ? '、' : ', ')}`;
    default:
      if (field?.type === 'boolean' && row.op === 'eq') return `${name} ${opWords(row, field, lang)}`;
      return `${name} ${opWords(row, field, lang)} ${value(a!)}`;
  }
}

function operandWords(operand: Operand, field: RuleField | undefined, fields: RuleField[], lang: Lang): string {
  const t = RULE_MESSAGES[lang];
  switch (operand.kind) {
    case 'field':
      return fields.find((f) => f.path === operand.path)?.label ?? operand.path;
    case 'today':
      return t.today;
    case 'me':
      return t.me;
    case 'boolean':
      return operand.value ? t.yes : t.no;
    case 'text':
      return field?.choices?.find((c) => c.value === operand.value)?.label ?? `“${operand.value}”`;
    default:
      return operand.value;
  }
}
