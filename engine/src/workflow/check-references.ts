import type { ValidateFunction } from 'ajv';
import { createAjv } from '../definitions/create-ajv.js';
import type { EntityDefinition } from '../definitions/entity.js';
import { isSystemColumn } from '../definitions/identifiers.js';
import { toIssues } from '../definitions/validate-entity.js';
import type { NamedReference, WorkflowDefinition } from '../definitions/workflow.js';
import type { Issue } from '../errors.js';
import { ACTIONS } from './actions/index.js';
import { GUARDS } from './guards/index.js';
import { toReference, type FieldUse } from './reference.js';
import { escape, listTransitions } from './transitions.js';

type Ref = NamedReference | string;
interface Library {
  kind: 'guard' | 'action';
  specs: ReadonlyMap<
    string,
    {
      params: Record<string, unknown>;
      fields?(p: unknown): FieldUse[];
      children?(p: unknown): { pointer: string; ref: Ref }[];
      check?(
        p: unknown,
        entities: {
          bound: EntityDefinition | undefined;
          find(id: string): EntityDefinition | undefined;
          all?: readonly EntityDefinition[];
        },
      ): Issue[];
    }
  >;
}
interface Scope {
  entity: EntityDefinition | undefined;
  entities: readonly EntityDefinition[];
  issues: Issue[];
}

const ajv = createAjv();
const validators = new WeakMap<object, ValidateFunction>();
const GUARD_LIBRARY: Library = { kind: 'guard', specs: GUARDS as Library['specs'] };
const ACTION_LIBRARY: Library = { kind: 'action', specs: ACTIONS as Library['specs'] };

/**
 * Issues in the guards and actions a workflow names: unknown names, params that fail the library's schema,
 * and fields that do not exist on the bound entity (or, for createRecord, on the entity it creates).
 */
export function checkReferences(workflow: WorkflowDefinition, entities: readonly EntityDefinition[]): Issue[] {
  const scope: Scope = { entity: entities.find((e) => e.$id === workflow.meta.entity), entities, issues: [] };
  for (const [name, state] of Object.entries(workflow.states)) {
    const at = `/states/${escape(name)}`;
    state.entry?.forEach((ref, i) => checkReference(ref, `${at}/entry/${i}`, ACTION_LIBRARY, scope));
    state.exit?.forEach((ref, i) => checkReference(ref, `${at}/exit/${i}`, ACTION_LIBRARY, scope));
    for (const { definition, pointer } of listTransitions(state, at)) {
      if (definition.guard !== undefined) checkReference(definition.guard, `${pointer}/guard`, GUARD_LIBRARY, scope);
      definition.actions?.forEach((ref, i) => checkReference(ref, `${pointer}/actions/${i}`, ACTION_LIBRARY, scope));
    }
  }
  return scope.issues;
}

function checkReference(ref: Ref, pointer: string, library: Library, scope: Scope): void {
  const { type, params = {} } = toReference(ref);
  const spec = library.specs.get(type);
  if (!spec) {
    const keyword = library.kind === 'guard' ? 'unknownGuard' : 'unknownAction';
    scope.issues.push({ pointer, keyword, message: `${library.kind} "${type}" is not in the library` });
    return;
  }
  const validate = compiled(spec.params)!;
  const at = typeof ref === 'string' ? pointer : `${pointer}/params`;
  if (!validate(params)) {
    scope.issues.push(...toIssues(validate.errors, at));
    return;
  }
  for (const use of spec.fields?.(params) ?? []) checkField(use, at, scope);
  const find = (id: string) => scope.entities.find((e) => e.$id === id);
  for (const found of spec.check?.(params, { bound: scope.entity, find, all: scope.entities }) ?? [])
    scope.issues.push({ ...found, pointer: `${at}${found.pointer}` });
  for (const child of spec.children?.(params) ?? []) checkReference(child.ref, `${at}${child.pointer}`, library, scope);
}

function checkField(use: FieldUse, at: string, scope: Scope): void {
  const entity = use.entity ? scope.entities.find((e) => e.$id === use.entity!.id) : scope.entity;
  if (!entity) {
    const pointer = `${at}${use.entity?.pointer ?? ''}`;
    // An unknown bound entity is reported once, by the binding check.
    if (use.entity && !scope.issues.some((i) => i.pointer === pointer)) {
      scope.issues.push({ pointer, keyword: 'unknownEntity', message: `entity "${use.entity.id}" does not exist` });
    }
    return;
  }
  const known = use.field in entity.properties || (!use.write && isSystemColumn(use.field));
  if (!known) {
    scope.issues.push({
      pointer: `${at}${use.pointer}`,
      keyword: 'unknownField',
      message: `field "${use.field}" does not exist on "${entity.$id}"`,
    });
    return;
  }
  const schema = entity.properties[use.field];
  if (use.write && schema?.['x-sequence']) {
    scope.issues.push(numberedWrite(`${at}${use.pointer}`, use.field));
    return;
  }
  const validate = schema && compiled(schema);
  if (!validate) return;
  for (const { pointer, value } of use.values ?? []) {
    // null clears a field, which any optional field accepts; record validation still guards required ones.
    if (value !== null && !validate(value)) scope.issues.push(...toIssues(validate.errors, `${at}${pointer}`));
  }
}

/** The engine alone numbers a record (`x-sequence`): no action may write the number. */
function numberedWrite(pointer: string, field: string): Issue {
  const text = {
    en: `field "${field}" is numbered by the engine; an action cannot write it`,
    zh: `字段“${field}”由系统自动编号，动作不能写入`,
  };
  return { pointer, keyword: 'readOnly', message: text.en, i18n: text };
}

// Field schemas that do not compile are the entity validation's to report; here they are skipped.
function compiled(schema: object): ValidateFunction | undefined {
  try {
    const validate = validators.get(schema) ?? ajv.compile(schema);
    validators.set(schema, validate);
    return validate;
  } catch {
    return undefined;
  }
}
