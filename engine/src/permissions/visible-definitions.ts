import { checkRuleFields, isCheckRule, type EffectivePermissions } from '@lodestar/core';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { EntityDefinition } from '../definitions/entity.js';
import type {
  NamedReference,
  StateDefinition,
  TransitionConfig,
  TransitionDefinition,
  WorkflowDefinition,
} from '../definitions/workflow.js';
import { toReference } from '../workflow/reference.js';
import type { Model } from '../model/compile-model.js';
import type { ModelAccess } from './model-access.js';

/**
 * The published definitions as an actor may see them: entities they may read, without hidden fields
 * (nor those fields' mentions in `required` or record types), the workflows of those entities
 * projected (see projectWorkflow), and no roles. Administrators see everything.
 */
export function visibleDefinitions(model: Model, access: ModelAccess | undefined): DefinitionSet {
  if (!access) return model.set;
  const entities = model.set.entities
    .filter((e) => access.views.has(e.$id))
    .map((e) => projectEntity(access.views.get(e.$id)!.definition, access.grant(e.$id).hidden));
  const readable = new Set(entities.map((e) => e.$id));
  const workflows = model.set.workflows
    .filter((w) => readable.has(w.meta.entity))
    .map((w) => projectWorkflow(w, access.grant(w.meta.entity).hidden));
  return { entities, workflows };
}

/**
 * An entity (already without its hidden fields, see entity-view) as a non-administrator sees it: no
 * storage settings (`indexes`), and no rule, agenda, search field, unique key, duplicate check or header
 * highlight that names a hidden field, so nothing in the definition says such a field exists.
 */
export function projectEntity(definition: EntityDefinition, hidden: ReadonlySet<string>): EntityDefinition {
  const { indexes: _indexes, agenda, ...options } = definition['x-entity'];
  const visible = (name: string) => !hidden.has(name);
  if (options.search) options.search = options.search.filter((entry) => visible(entry.field));
  if (options.unique) options.unique = options.unique.filter((key) => key.fields.every(visible));
  if (options.duplicates)
    options.duplicates = { ...options.duplicates, match: options.duplicates.match.filter(visible) };
  const ui = definition['x-ui'];
  const highlights = ui?.highlights?.filter(visible);
  const named = (value: unknown) =>
    JSON.stringify(value ?? null)
      .match(/"[^"\\]*"/g)
      ?.some((s) => hidden.has(s.slice(1, -1))) ?? false;
  const rules = definition['x-rules']?.filter((rule) =>
    isCheckRule(rule)
      ? !checkRuleFields(rule).some((name) => hidden.has(name))
      : !hidden.has(rule.field) && !(rule.than && hidden.has(rule.than)),
  );
  return {
    ...definition,
    'x-entity': { ...options, ...(agenda && !named(agenda) && { agenda }) },
    ...(rules && { 'x-rules': rules }),
    ...(ui && { 'x-ui': { ...ui, ...(highlights && { highlights }) } }),
  };
}

/**
 * A workflow as someone who does not administer the model sees it: states, transitions, titles and
 * stage settings, but guards and actions by name only. Their params are configuration, not
 * something a user acts on: they may name hidden fields or wanted values, or carry secrets (webhook
 * URLs and headers, mail addresses). `amountField`/`closeDateField` go when they name a hidden field.
 * A projection, not a filter of known secrets: a new action's params are covered without a change here.
 */
export function projectWorkflow(workflow: WorkflowDefinition, hidden: ReadonlySet<string>): WorkflowDefinition {
  const meta = { ...workflow.meta };
  for (const key of ['amountField', 'closeDateField'] as const)
    if (typeof meta[key] === 'string' && hidden.has(meta[key])) delete meta[key];
  const states = Object.fromEntries(
    Object.entries(workflow.states).map(([name, state]) => [name, projectState(state, hidden)]),
  );
  return { ...workflow, meta, states };
}

function projectState(state: StateDefinition, hidden: ReadonlySet<string>): StateDefinition {
  const out: StateDefinition = { ...state };
  if (state.meta && hidden.size) out.meta = withoutHiddenNames(state.meta, hidden);
  if (state.on) out.on = mapValues(state.on, projectConfig);
  if (state.after) out.after = mapValues(state.after, projectConfig);
  if (state.always !== undefined) out.always = projectConfig(state.always);
  if (state.entry) out.entry = state.entry.map(byName);
  if (state.exit) out.exit = state.exit.map(byName);
  return out;
}

/** Stage field rules without the fields hidden from the reader: the rule would reveal that they exist. */
function withoutHiddenNames(meta: NonNullable<StateDefinition['meta']>, hidden: ReadonlySet<string>) {
  const keep = (names: string[] | undefined) => names && names.filter((name) => !hidden.has(name));
  const { fields, lock } = meta;
  return {
    ...meta,
    ...(fields && {
      fields: { readOnly: keep(fields.readOnly), required: keep(fields.required), hidden: keep(fields.hidden) },
    }),
    ...(typeof lock === 'object' && { lock: { except: keep(lock.except)! } }),
  };
}

function projectConfig(config: TransitionConfig): TransitionConfig {
  if (typeof config === 'string') return config;
  return Array.isArray(config) ? config.map(projectTransition) : projectTransition(config);
}

function projectTransition(transition: TransitionDefinition): TransitionDefinition {
  const out: TransitionDefinition = { ...transition };
  if (transition.guard !== undefined) out.guard = byName(transition.guard);
  if (transition.actions) out.actions = transition.actions.map(byName);
  return out;
}

function byName(ref: NamedReference | string): NamedReference {
  return { type: toReference(ref).type };
}

function mapValues<T>(record: Record<string, T>, map: (value: T) => T): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/** Per readable entity, the actor's scopes and read-only fields (core's EffectivePermissions, as the apps read them). */
export function entityPermissions(model: Model, access: ModelAccess | undefined): Record<string, EffectivePermissions> {
  const out: Record<string, EffectivePermissions> = {};
  for (const entity of model.entities.values()) {
    const grant = access?.grant(entity.id);
    if (grant && grant.read === 'none') continue;
    out[entity.id] = grant
      ? {
          read: grant.read,
          create: grant.create,
          update: grant.update,
          delete: grant.delete,
          readOnly: [...grant.readOnly],
        }
      : { read: 'all', create: 'all', update: 'all', delete: 'all', readOnly: [] };
  }
  return out;
}
