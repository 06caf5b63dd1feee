import type { LocalizedText } from '../../src/definitions/entity.js';
import type { WorkflowDefinition } from '../../src/definitions/workflow.js';
import { listTransitions } from '../../src/workflow/transitions.js';

/** The languages (zh, en) a definition text lacks; a bare string counts as untranslated. */
export function missingTranslations(text: LocalizedText | Record<string, string> | undefined): string[] {
  if (text === undefined || typeof text === 'string') return ['zh', 'en'];
  return ['zh', 'en'].filter((lang) => !(text as Record<string, string>)[lang]?.trim());
}

/** States reachable from the initial state through any transition. */
export function reachable(definition: WorkflowDefinition): Set<string> {
  const seen = new Set([definition.initial]);
  const queue = [definition.initial];
  while (queue.length) {
    const state = definition.states[queue.shift()!]!;
    for (const { definition: t } of listTransitions(state, '')) {
      if (t.target && !seen.has(t.target)) {
        seen.add(t.target);
        queue.push(t.target);
      }
    }
  }
  return seen;
}

/** What a workflow lacks for users: a title per language on it, its states and events; a colour per state. */
export function workflowLabelGaps(wf: WorkflowDefinition): string[] {
  const gaps: string[] = [];
  for (const lang of missingTranslations(wf.meta.title)) gaps.push(`${wf.id}: title.${lang}`);
  for (const [name, state] of Object.entries(wf.states)) {
    for (const lang of missingTranslations(state.meta?.title)) gaps.push(`${wf.id}.${name}: title.${lang}`);
    if (!/^#[0-9a-f]{6}$/.test(state.meta?.color ?? '')) gaps.push(`${wf.id}.${name}: color`);
    for (const { kind, key, definition } of listTransitions(state, '')) {
      if (kind !== 'on') continue;
      for (const lang of missingTranslations(definition.meta?.title as LocalizedText | undefined))
        gaps.push(`${wf.id}.${name}.${key}: title.${lang}`);
    }
  }
  return gaps;
}
