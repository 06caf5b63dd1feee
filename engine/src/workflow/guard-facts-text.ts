import type { Expr, FieldPath, Text } from '@lodestar/core';
import type { EntityDefinition } from '../definitions/entity.js';
import type { RecordExpression } from '../formula/record-expression.js';
import { resolvePath } from '../schema/formula-fields.js';

/** Titles in both languages of an entity, of its fields (system columns included) and of a choice's values. */
export interface FactTitles {
  entity(id: string): Text;
  field(entity: string, field: string): Text;
  choice?(entity: string, field: string, value: string): Text;
}

const COMPARISONS = new Set(['=', '<>']);

// Operators as people read them; the rest of the source (literals, parentheses, functions) stays as written.
const WORDS: Partial<Record<string, Text>> = {
  '<=': { en: '≤', zh: '≤' },
  '>=': { en: '≥', zh: '≥' },
  '<>': { en: '≠', zh: '≠' },
  AND: { en: 'and', zh: '且' },
  OR: { en: 'or', zh: '或' },
  NOT: { en: 'not', zh: '非' },
};

interface Edit {
  offset: number;
  length: number;
  text: Text;
}

/**
 * A record expression as a user reads it: each field by its title (`customer.maxDiscount` → 客户的最大折扣 /
 * Customer's Max discount) and ≤ ≥ ≠ 且 或 for the operators, so a refusal never shows raw ids.
 */
export function expressionText(
  entities: ReadonlyMap<string, EntityDefinition>,
  expression: RecordExpression,
  titles: FactTitles,
): Text {
  const entity = entities.get(expression.entity);
  const { source } = expression;
  const edits: Edit[] = [];
  // A choice compared with a text (`customer.level = "key"`) shows the choice's label ("重点客户").
  const choiceLabel = (field: Expr, literal: Expr) => {
    if (field.kind !== 'field' || literal.kind !== 'text' || !titles.choice || !entity) return;
    const target = resolvePath(entities, entity, field.path);
    if (!target?.field?.enum?.includes(literal.value)) return;
    const label = titles.choice(target.entity.$id, target.name, literal.value);
    if (label.en === literal.value && label.zh === literal.value) return;
    edits.push({ offset: literal.offset, length: literal.length, text: { en: `"${label.en}"`, zh: `“${label.zh}”` } });
  };
  const pathTitle = (path: FieldPath): Text => {
    const target = entity && resolvePath(entities, entity, path);
    if (!target?.via) return titles.field(expression.entity, path.at(-1)!);
    const via = titles.field(expression.entity, target.via);
    const field = titles.field(target.entity.$id, target.name);
    return { en: `${via.en}'s ${field.en}`, zh: `${via.zh}的${field.zh}` };
  };
  const operator = (from: number, to: number, op: string) => {
    const word = WORDS[op];
    if (!word) return;
    const gap = source.slice(from, to);
    const at = /^[A-Z]+$/.test(op) ? gap.search(new RegExp(`\\b${op}\\b`, 'i')) : gap.indexOf(op);
    if (at >= 0) edits.push({ offset: from + at, length: op.length, text: word });
  };
  const visit = (node: Expr): void => {
    switch (node.kind) {
      case 'field':
        edits.push({ offset: node.offset, length: node.length, text: pathTitle(node.path) });
        return;
      case 'binary':
        visit(node.left);
        operator(node.left.offset + node.left.length, node.right.offset, node.op);
        if (COMPARISONS.has(node.op)) {
          choiceLabel(node.left, node.right);
          choiceLabel(node.right, node.left);
        }
        visit(node.right);
        return;
      case 'unary':
        operator(node.offset, node.arg.offset, node.op);
        visit(node.arg);
        return;
      case 'call':
        if (node.name === 'ME' && node.args.length === 0)
          edits.push({ offset: node.offset, length: node.length, text: { en: 'me', zh: '我' } });
        node.args.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(expression.expr);
  return { en: apply(source, edits, 'en'), zh: apply(source, edits, 'zh') };
}

/** A related guard's subject: the related entity by title, with its condition when it has one. */
export function relatedText(entityTitle: Text, where: Text | undefined): Text {
  if (!where) return entityTitle;
  return { en: `${entityTitle.en} where ${where.en}`, zh: `${entityTitle.zh}（${where.zh}）` };
}

function apply(source: string, edits: Edit[], lang: 'en' | 'zh'): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, edit.offset) + edit.text[lang] + out.slice(edit.offset + edit.length);
  return out.trim();
}
