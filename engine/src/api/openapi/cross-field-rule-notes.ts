import { isCheckRule } from '@lodestar/core';
import type { CompiledEntity } from '../../model/compile-model.js';
import type { JsonSchema } from './field-schemas.js';
import { appendToWriteOperations } from './write-notes.js';

const OPS: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * Cross-field rules in the document: the create and change operations of an entity with `x-rules` list
 * each rule (a formula, docs/formulas.md, or a comparison) and the field its 422 `rule` issue points at.
 * The entity is the reader's view, so a rule reading a field hidden from them is already left out.
 */
export function addCrossFieldRuleNotes(paths: Record<string, JsonSchema>, entity: CompiledEntity): void {
  const rules = entity.definition['x-rules'] ?? [];
  if (!rules.length) return;
  const lines = rules.map((rule) => {
    const check = isCheckRule(rule)
      ? rule.check
      : `${rule.field} ${OPS[rule.rule ?? ''] ?? '?'} ${rule.than ?? JSON.stringify(rule.value)}`;
    const message = rule.message ? ` — ${rule.message.en} / ${rule.message.zh}` : '';
    return `- on \`${rule.field}\`: \`${check}\`${message}`;
  });
  const note =
    'Cross-field rules (a rule holds when it is TRUE or blank; otherwise 422 with keyword `rule` on the field, ' +
    `worded in both languages):\n${lines.join('\n')}`;
  appendToWriteOperations(paths, entity.id, note);
}
