import type { DefinitionSet } from '../definitions/definition-set.js';
import type { EntityDefinition } from '../definitions/entity.js';
import type { StateDefinition, WorkflowDefinition } from '../definitions/workflow.js';
import type { LocalizedText } from '../definitions/entity.js';
import { stepNames, toText, type StepNames } from '../migrate/step-names.js';
import type { DashboardDefinition, DefinitionsDiff, EntityChange, WorkflowChange } from '@lodestar/core';
import { changedPointers, diffKeyed } from './keyed-diff.js';

// The diff's types are core's (version-diff.ts), so the studio reads what this module writes.
export type { DefinitionsDiff, EntityChange, KeyedDiff, RoleChange, ValueChange, WorkflowChange } from '@lodestar/core';

/**
 * Pure: two definition sets in, their differences out (what the studio's version compare shows). Every
 * name listed carries its title in both languages (`titles`), from the version that has it.
 */
export function diffDefinitionSets(before: DefinitionSet, after: DefinitionSet): DefinitionsDiff {
  const names = stepNames(after, before);
  return {
    entities: diffKeyed(
      byId(before.entities, (e) => e.$id),
      byId(after.entities, (e) => e.$id),
      (id, b, a) => diffEntity(id, b, a, names),
      (id) => names.entity(id),
    ),
    workflows: diffKeyed(
      byId(before.workflows, (w) => w.id),
      byId(after.workflows, (w) => w.id),
      (id, b, a) => diffWorkflow(id, b, a, names),
      (id) => names.workflow(id),
    ),
    roles: diffKeyed(
      before.roles?.roles ?? {},
      after.roles?.roles ?? {},
      (role, b, a) => ({ role, before: b, after: a, pointers: changedPointers(b, a) }),
      (role, value) => toText((value as { title?: LocalizedText }).title, undefined, role),
    ),
    ...((before.dashboards?.length || after.dashboards?.length) && {
      dashboards: diffKeyed(
        byId(before.dashboards ?? [], (d) => d.id),
        byId(after.dashboards ?? [], (d) => d.id),
        (dashboard, b, a) => ({ dashboard, before: b, after: a, pointers: changedPointers(byWidget(b), byWidget(a)) }),
        (dashboard, value) => toText(value.title, undefined, dashboard),
      ),
    }),
  };
}

/** A dashboard with its widgets keyed by id, so a change points at the widget by name (`/widgets/by-region/chart`). */
function byWidget(dashboard: DashboardDefinition): unknown {
  return { ...dashboard, widgets: byId(dashboard.widgets, (w) => w.id) };
}

function diffEntity(id: string, before: EntityDefinition, after: EntityDefinition, names: StepNames): EntityChange {
  return {
    id,
    fields: diffKeyed(
      before.properties ?? {},
      after.properties ?? {},
      (field, b, a) => ({ field, before: b, after: a }),
      (field) => names.field(id, field),
    ),
    recordTypes: diffKeyed(
      recordTypesOf(before),
      recordTypesOf(after),
      (recordType, b, a) => ({ recordType, before: b, after: a }),
      (recordType, value) => toText((value as { title?: LocalizedText }).title, undefined, recordType),
    ),
    other: changedPointers(entityRest(before), entityRest(after)),
  };
}

function diffWorkflow(
  id: string,
  before: WorkflowDefinition,
  after: WorkflowDefinition,
  names: StepNames,
): WorkflowChange {
  const states = (w: WorkflowDefinition) =>
    Object.fromEntries(Object.entries(w.states ?? {}).map(([name, state]) => [name, withoutTransitions(state)]));
  const { states: _b, ...beforeRest } = before;
  const { states: _a, ...afterRest } = after;
  return {
    id,
    states: diffKeyed(
      states(before),
      states(after),
      (state, b, a) => ({ state, before: b, after: a }),
      (state) => names.state(id, state),
    ),
    transitions: diffKeyed(
      transitionsOf(before),
      transitionsOf(after),
      (transition, b, a) => ({ transition, before: b, after: a }),
      (transition) => transitionTitle(id, transition, names),
    ),
    other: changedPointers(beforeRest, afterRest),
  };
}

/** `initialContact.SHOW_INTEREST` as “Initial contact: Show interest” / 初步接触：表示兴趣; timers and `always` by the stage alone. */
function transitionTitle(workflow: string, key: string, names: StepNames) {
  const [state, ...rest] = key.split('.');
  const from = names.state(workflow, state!);
  if (rest[0] === 'after')
    return { en: `${from.en}: after ${rest.slice(1).join('.')}`, zh: `${from.zh}：超时 ${rest.slice(1).join('.')}` };
  if (rest[0] === 'always') return { en: `${from.en}: automatic`, zh: `${from.zh}：自动流转` };
  const event = names.event(workflow, rest.join('.'));
  return { en: `${from.en}: ${event.en}`, zh: `${from.zh}：${event.zh}` };
}

/** The entity without what `fields` and `recordTypes` already cover, so `other` never repeats them. */
function entityRest(entity: EntityDefinition): Record<string, unknown> {
  const { properties: _properties, 'x-entity': options, ...rest } = entity;
  const { recordTypes: _recordTypes, ...optionsRest } = options ?? {};
  return { ...rest, 'x-entity': optionsRest };
}

function recordTypesOf(entity: EntityDefinition): Record<string, unknown> {
  return entity['x-entity']?.recordTypes ?? {};
}

function withoutTransitions(state: StateDefinition): Record<string, unknown> {
  const { on: _on, after: _after, always: _always, ...rest } = state;
  return rest;
}

/** Every transition of every state, keyed by `<state>.<EVENT>`, `<state>.after.<delay>` or `<state>.always`. */
function transitionsOf(workflow: WorkflowDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, state] of Object.entries(workflow.states ?? {})) {
    for (const [event, config] of Object.entries(state.on ?? {})) out[`${name}.${event}`] = config;
    for (const [delay, config] of Object.entries(state.after ?? {})) out[`${name}.after.${delay}`] = config;
    if (state.always !== undefined) out[`${name}.always`] = state.always;
  }
  return out;
}

function byId<T>(items: T[], idOf: (item: T) => string): Record<string, T> {
  return Object.fromEntries(items.map((item) => [idOf(item), item]));
}
