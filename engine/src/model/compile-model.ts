import type { ValidateFunction } from 'ajv';
import { fieldsHiddenInSomeStage } from '@lodestar/core';
import { createAjv } from '../definitions/create-ajv.js';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { EntityDefinition, FieldDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { type FieldKind, toFieldKind } from '../schema/column-types.js';
import { compileEntity } from '../schema/compile-entity.js';
import { compiledFormulas, type CompiledFormula } from '../schema/formula-read.js';
import { toEffectiveSchema, toPatchSchema } from '../schema/record-types.js';
import type { ColumnSpec, JunctionSpec, TableSpec } from '../schema/table-spec.js';

export interface CompiledField {
  name: string;
  kind: FieldKind;
  definition: FieldDefinition;
  /** The column, or undefined for many-to-many fields (stored in `junction`). */
  column?: ColumnSpec;
  junction?: JunctionSpec;
  /** A formula field: read-only; its `column` is real when stored, else computed by `formula.readSql`. */
  formula?: CompiledFormula;
}

export interface CompiledEntity {
  id: string;
  definition: EntityDefinition;
  table: TableSpec;
  fields: Map<string, CompiledField>;
  /** Record type keys; empty when the entity has none. */
  recordTypes: string[];
  /** ajv validator of the effective schema, per record type ('' for an entity without types). */
  validators: Map<string, ValidateFunction>;
  /** Validator of a patch's own values (see toPatchSchema); undefined when only whole records can be judged. */
  patchValidator?: ValidateFunction;
  /** Fields some stage of a workflow on the entity hides (`meta.fields.hidden`): never searched. */
  stageHidden?: ReadonlySet<string>;
}

/** All published definitions at one version, compiled once and shared by every request pinned to it. */
export interface Model {
  version: number;
  hash: string;
  set: DefinitionSet;
  entities: Map<string, CompiledEntity>;
  workflows: Map<string, WorkflowDefinition>;
}

/** Compiles a (valid) definition set: table specs, fields by name, validators per record type. */
export function compileModel(set: DefinitionSet, version: number, hash: string): Model {
  const bound = boundEntities(set);
  const ajv = createAjv();
  const entities = new Map<string, CompiledEntity>();
  const formulas = compiledFormulas(set.entities);
  for (const definition of set.entities)
    entities.set(definition.$id, compileOne(definition, bound, ajv, formulas.get(definition.$id)));
  for (const entity of entities.values()) entity.stageHidden = stageHiddenOf(set.workflows, entity.id);
  return { version, hash, set, entities, workflows: new Map(set.workflows.map((w) => [w.id, w])) };
}

function stageHiddenOf(workflows: readonly WorkflowDefinition[], entity: string): ReadonlySet<string> {
  return new Set(
    workflows.filter((w) => w.meta?.entity === entity).flatMap((w) => [...fieldsHiddenInSomeStage(w).keys()]),
  );
}

/** Entities that some workflow binds to through `meta.entity` (they get a `state` column). */
export function boundEntities(set: DefinitionSet): Set<string> {
  return new Set(set.workflows.map((w) => w.meta?.entity).filter((id): id is string => typeof id === 'string'));
}

function compileOne(
  definition: EntityDefinition,
  bound: Set<string>,
  ajv: ReturnType<typeof createAjv>,
  formulas?: Map<string, CompiledFormula>,
): CompiledEntity {
  const table = compileEntity(definition, bound);
  const fields = new Map<string, CompiledField>();
  for (const [name, field] of Object.entries(definition.properties)) {
    const formula = formulas?.get(name);
    const column = formula?.column ?? table.columns.find((c) => c.name === name);
    const junction = table.junctions.find((j) => j.field === name);
    fields.set(name, {
      name,
      kind: toFieldKind(field)!,
      definition: field,
      ...(column && { column }),
      ...(junction && { junction }),
      ...(formula && { formula }),
    });
  }
  const recordTypes = Object.keys(definition['x-entity'].recordTypes ?? {});
  const validators = new Map<string, ValidateFunction>();
  for (const type of recordTypes.length ? recordTypes : ['']) {
    validators.set(type, ajv.compile(toEffectiveSchema(definition, type || undefined)));
  }
  const patchSchema = toPatchSchema(definition);
  const patchValidator = patchSchema && ajv.compile(patchSchema);
  return {
    id: definition.$id,
    definition,
    table,
    fields,
    recordTypes,
    validators,
    ...(patchValidator && { patchValidator }),
  };
}

/** The table specs of every entity in a set, as the planner compares them. */
export function compileTables(set: DefinitionSet): TableSpec[] {
  const bound = boundEntities(set);
  return set.entities.map((entity) => compileEntity(entity, bound));
}
