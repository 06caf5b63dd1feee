import { isFilledIn, stageRequiredText, stageRulesOf, type Text } from '@lodestar/core';
import type { Effect } from './actions/index.js';
import type { CompiledWorkflow } from './compile-machine.js';

/** A refusal to enter a stage, worded like a guard's. */
export interface EntryRefusal {
  ok: false;
  reason: Text;
  guard: 'stageRequired';
}

/**
 * A transition into `to` is refused while a field that stage requires (`meta.fields.required`) is
 * blank, judged on the record as the transition's own `setField` actions leave it. A transition
 * within the stage enters nothing, so it is not judged.
 */
export function refuseEntry(
  compiled: CompiledWorkflow,
  from: string,
  to: string,
  record: Record<string, unknown>,
  effects: readonly Effect[],
): EntryRefusal | undefined {
  if (from === to) return undefined;
  const rules = stageRulesOf(compiled.definition, to);
  if (!rules?.required.size) return undefined;
  const after: Record<string, unknown> = { ...record };
  for (const effect of effects) if (effect.kind === 'setField') after[effect.field] = effect.value;
  const missing = [...rules.required].filter((field) => !isFilledIn(after[field]));
  if (!missing.length) return undefined;
  const texts = missing.map((field) =>
    stageRequiredText(compiled.fieldTitle?.(field) ?? { en: field, zh: field }, rules.title),
  );
  return {
    ok: false,
    reason: { en: texts.map((t) => t.en).join('; '), zh: texts.map((t) => t.zh).join('；') },
    guard: 'stageRequired',
  };
}
