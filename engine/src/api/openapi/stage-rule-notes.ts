import { stageRulesOf } from '@lodestar/core';
import type { CompiledEntity, Model } from '../../model/compile-model.js';
import type { JsonSchema } from './field-schemas.js';
import { appendToWriteOperations } from './write-notes.js';

/**
 * Field rules by stage in the document: the create and change operations of an entity whose workflow
 * states declare `meta.fields` / `meta.lock` say, per stage, which fields a write may not set, which
 * it must fill in and which reads leave out, and the 422 keywords that refuse them.
 */
export function addStageRuleNotes(paths: Record<string, JsonSchema>, model: Model, entity: CompiledEntity): void {
  const lines: string[] = [];
  for (const workflow of model.workflows.values()) {
    if (workflow.meta.entity !== entity.id) continue;
    for (const state of Object.keys(workflow.states)) {
      const rules = stageRulesOf(workflow, state);
      if (!rules) continue;
      const parts = [
        rules.locked && `locked${rules.except.size ? ` except ${list(rules.except)}` : ''} (\`stageLocked\`)`,
        rules.readOnly.size && `read-only ${list(rules.readOnly)} (\`stageReadOnly\`)`,
        rules.required.size && `required ${list(rules.required)} (\`stageRequired\`; also to enter the stage)`,
        rules.hidden.size && `hidden ${list(rules.hidden)} (left out of reads; \`stageHidden\`)`,
      ].filter(Boolean);
      lines.push(`- \`${workflow.id}\` stage \`${state}\`: ${parts.join('; ')}`);
    }
  }
  if (!lines.length) return;
  const note = `Field rules by stage (they bind users, not workflow actions; 422 on the field):\n${lines.join('\n')}`;
  appendToWriteOperations(paths, entity.id, note);
}

function list(names: ReadonlySet<string>): string {
  return [...names].map((name) => `\`${name}\``).join(', ');
}
