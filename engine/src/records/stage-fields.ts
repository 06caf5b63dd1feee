import {
  fieldsHiddenInSomeStage,
  isFilledIn,
  stageBlock,
  stageBlockText,
  stageRequiredText,
  stageRulesOf,
  type StageRules,
  type Text,
} from '@lodestar/core';
import { type Issue, issueOf } from '../errors.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import type { SqlCondition } from '../permissions/scope-condition.js';
import { workflowOf } from '../model/workflow-binding.js';
import { paramIssue } from './query-params.js';
import type { ListQuery, RecordJson } from './types.js';

/**
 * Field rules by stage, applied to users' writes and reads (see core's stage-rules.ts for the rules
 * themselves). They bind users only: workflow actions are part of the definition that declares the
 * rules (an approval's `setField` writes the very field the approved stage then locks), so the engine
 * applies them unchecked, as it does the role restrictions. They bind administrators too: a stage
 * rule is the process, not a permission (an admin changes the definition, not the locked record).
 */

/** The rules of the stage a record of `recordType` is in (`state` null: the workflow's start). */
export function stageRulesFor(
  model: Model,
  entity: CompiledEntity,
  recordType: string | null | undefined,
  state: string | null | undefined,
): StageRules | undefined {
  const workflow = workflowOf(model, entity, recordType);
  return workflow && stageRulesOf(workflow, state ?? workflow.initial);
}

/**
 * Issues for a user's write in a stage: each written field the stage hides, makes read-only or locks,
 * and each required field the write leaves blank. `creating` checks every required field (the record
 * enters the stage); a patch only the required fields it clears, so a record stored before a rule was
 * added can still be edited in its other fields.
 */
export function stageWriteIssues(
  entity: CompiledEntity,
  rules: StageRules | undefined,
  fields: Record<string, unknown>,
  creating: boolean,
): Issue[] {
  if (!rules) return [];
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const block = stageBlock(rules, name);
    // A create names no value for a field it leaves empty; null there is the same as absent.
    if (block && !(creating && value === null))
      issues.push(
        issueOf(`/${name}`, block, stageBlockText(block, fieldTitle(entity, name), rules.title), {
          stage: rules.state,
        }),
      );
  }
  for (const name of rules.required) {
    const written = name in fields;
    if ((creating || written) && !isFilledIn(fields[name]) && !issues.some((i) => i.pointer === `/${name}`))
      issues.push(
        issueOf(`/${name}`, 'stageRequired', stageRequiredText(fieldTitle(entity, name), rules.title), {
          stage: rules.state,
        }),
      );
  }
  return issues;
}

/** Whether some stage of some workflow bound to the entity restricts writing one of `names` (then a patch must read the record first). */
export function stageRulesTouch(model: Model, entity: CompiledEntity, names: readonly string[]): boolean {
  for (const workflow of boundWorkflows(model, entity))
    for (const state of Object.keys(workflow.states)) {
      const rules = stageRulesOf(workflow, state);
      if (rules && names.some((name) => stageBlock(rules, name) || rules.required.has(name))) return true;
    }
  return false;
}

/**
 * For the one-statement patch: the condition that keeps the UPDATE off records in a stage that would
 * refuse it (a written field hidden, read-only or locked there, or a field it requires left blank), so
 * a patch the stage allows stays one statement and a refused one matches no row and falls back to the
 * full path, which names the 422. Undefined when no stage refuses it; 'read' when the entity's records
 * follow more than one workflow (by record type), where the record must be read to know its rules.
 */
export function blindStageCondition(
  model: Model,
  entity: CompiledEntity,
  fields: Record<string, unknown>,
): SqlCondition | 'read' | undefined {
  const workflows = boundWorkflows(model, entity);
  if (workflows.length !== 1 || workflows[0]!.meta.recordType !== undefined) return 'read';
  const workflow = workflows[0]!;
  const names = Object.keys(fields);
  const blank = names.filter((name) => !isFilledIn(fields[name]));
  const refusing = Object.keys(workflow.states).filter((state) => {
    const rules = stageRulesOf(workflow, state);
    return rules && (names.some((name) => stageBlock(rules, name)) || blank.some((name) => rules.required.has(name)));
  });
  if (!refusing.length) return undefined;
  const list = refusing.map(() => '?').join(', ');
  // Records stored before the binding have no state yet: they stand at the start.
  const sql = refusing.includes(workflow.initial)
    ? `t.state is not null and t.state not in (${list})`
    : `(t.state is null or t.state not in (${list}))`;
  return { sql, bindings: refusing };
}

/** Both conditions (either may be absent). */
export function bothConditions(a: SqlCondition | undefined, b: SqlCondition | undefined): SqlCondition | undefined {
  if (!a || !b) return a ?? b;
  return { sql: `(${a.sql}) and (${b.sql})`, bindings: [...a.bindings, ...b.bindings] };
}

/** The record without the fields its stage hides (`row` supplies state and record type when the record was read without them). */
export function withoutStageHidden(
  model: Model,
  entity: CompiledEntity,
  record: RecordJson,
  row: Record<string, unknown> = record,
): RecordJson {
  if (!hiddenSomewhere(model, entity).size) return record;
  const rules = stageRulesFor(model, entity, row.record_type as string | null, row.state as string | null);
  if (!rules?.hidden.size || ![...rules.hidden].some((name) => name in record)) return record;
  // A stage hides fields, never `id`.
  return Object.fromEntries(Object.entries(record).filter(([name]) => !rules.hidden.has(name))) as RecordJson;
}

/** `fields` with the state and record type added when a stage-hidden field is among them, so each row can be masked. */
export function withStageColumns(
  model: Model,
  entity: CompiledEntity,
  fields: string[] | undefined,
): string[] | undefined {
  const hidden = hiddenSomewhere(model, entity);
  if (!fields || !fields.some((name) => hidden.has(name))) return fields;
  const extra = ['state', ...(entity.recordTypes.length ? ['record_type'] : [])].filter((n) => !fields.includes(n));
  return [...fields, ...extra];
}

/**
 * 400 issues for a list that filters or sorts on a field some stage hides (on the entity or, through a
 * relation, on the related one): which records match, or their order, would reveal the hidden values.
 */
export function stageHiddenQueryIssues(model: Model, entity: CompiledEntity, query: ListQuery): Issue[] {
  const issues: Issue[] = [];
  for (const filter of query.filters) {
    const owner = filter.via ? model.entities.get(filter.via.target!) : entity;
    const states = owner && hiddenSomewhere(model, owner).get(filter.attribute.name);
    if (states) {
      const name = filter.via ? `${filter.via.name}.${filter.attribute.name}` : filter.attribute.name;
      issues.push(unqueryable(`filter[${name}]`, owner, filter.attribute.name, states));
    }
  }
  for (const key of query.sort) {
    const states = hiddenSomewhere(model, entity).get(key.name);
    if (states) issues.push(unqueryable('sort', entity, key.name, states));
  }
  return issues;
}

/** The 400 issue for grouping or summing on a field some stage hides. */
export function stageHiddenGroupIssue(model: Model, entity: CompiledEntity, param: string, field: string): Issue[] {
  const states = hiddenSomewhere(model, entity).get(field);
  return states ? [unqueryable(param, entity, field, states)] : [];
}

function unqueryable(param: string, entity: CompiledEntity, field: string, states: string[]): Issue {
  const title = fieldTitle(entity, field);
  return paramIssue(
    param,
    'stageHidden',
    {
      en: `${title.en} is hidden in some stages, so lists cannot filter, sort or group on it`,
      zh: `${title.zh}在部分阶段隐藏，列表不能按它筛选、排序或分组`,
    },
    { field, stages: states },
  );
}

const hiddenCache = new WeakMap<CompiledEntity, Map<string, string[]>>();

/** Fields some stage of a workflow bound to the entity hides, with those stages. */
export function hiddenSomewhere(model: Model, entity: CompiledEntity): Map<string, string[]> {
  let found = hiddenCache.get(entity);
  if (!found) {
    found = new Map();
    for (const workflow of boundWorkflows(model, entity))
      for (const [field, states] of fieldsHiddenInSomeStage(workflow))
        found.set(field, [...(found.get(field) ?? []), ...states]);
    hiddenCache.set(entity, found);
  }
  return found;
}

function boundWorkflows(model: Model, entity: CompiledEntity) {
  return [...model.workflows.values()].filter((w) => w.meta.entity === entity.id);
}

/** A field's title in both languages (its id when the definition has none). */
export function fieldTitle(entity: CompiledEntity, name: string): Text {
  const field = entity.definition.properties[name];
  const en = field?.['x-i18n']?.title?.en ?? field?.title ?? name;
  return { en, zh: field?.['x-i18n']?.title?.zh ?? en };
}
