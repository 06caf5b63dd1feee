import type { WorkflowDefinition } from '../definitions/workflow.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { workflowOf } from '../model/workflow-binding.js';
import { compileMachine, type CompiledWorkflow } from '../workflow/compile-machine.js';
import type { FieldTitle, RoleTitle } from '../workflow/guards/types.js';
import { toText } from '../migrate/step-names.js';

// Keyed by the definition object of a model version: compiled once, collected with the version.
const cache = new WeakMap<WorkflowDefinition, CompiledWorkflow>();

/** The compiled workflow a record of `recordType` follows, or undefined when none is bound. */
export function boundWorkflow(
  model: Model,
  entity: CompiledEntity,
  recordType: string | null | undefined,
): CompiledWorkflow | undefined {
  const definition = workflowOf(model, entity, recordType);
  if (!definition) return undefined;
  let compiled = cache.get(definition);
  if (!compiled) cache.set(definition, (compiled = compileMachine(definition, fieldTitles(entity), roleTitles(model))));
  return compiled;
}

/** A role's title in both languages from roles.json (the built-in admin has its own), falling back to its id. */
function roleTitles(model: Model): RoleTitle {
  return (role) =>
    role === 'admin' && !model.set.roles?.roles.admin
      ? { en: 'Administrator', zh: '系统管理员' }
      : toText(model.set.roles?.roles[role]?.title, undefined, role);
}

/** A field's title in English and Chinese from the entity definition, falling back to its id. */
function fieldTitles(entity: CompiledEntity): FieldTitle {
  return (field) => {
    const definition = entity.definition.properties[field];
    const en = definition?.['x-i18n']?.title?.en ?? definition?.title ?? field;
    return { en, zh: definition?.['x-i18n']?.title?.zh ?? en };
  };
}
