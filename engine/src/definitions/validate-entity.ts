import type { ErrorObject } from 'ajv';
import type { Issue } from '../errors.js';
import { createAjv } from './create-ajv.js';
import type { EntityDefinition, FieldDefinition } from './entity.js';
import { RESERVED_NAMES } from './identifiers.js';
import entityMetaSchema from './meta/entity.meta.json' with { type: 'json' };
import { toFieldKind } from '../schema/column-types.js';

const metaAjv = createAjv();
const validateShape = metaAjv.compile(entityMetaSchema);

/** Context for checks that look across definitions. */
export interface EntityContext {
  entityIds: ReadonlySet<string>;
  workflowIds: ReadonlySet<string>;
}

/** Turns ajv errors into issues with JSON pointers. */
export function toIssues(errors: ErrorObject[] | null | undefined, prefix = ''): Issue[] {
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
    const extra = error.keyword === 'additionalProperties' ? `/${String(error.params.additionalProperty)}` : '';
    return {
      pointer: `${prefix}${error.instancePath}${missing}${extra}`,
      keyword: error.keyword,
      message: error.message ?? error.keyword,
      params: error.params as Record<string, unknown>,
    };
  });
}

/** Every issue of one entity definition: its shape against the meta-schema, then the semantic rules. */
export function validateEntity(entity: unknown, context: EntityContext): Issue[] {
  if (!validateShape(entity)) return toIssues(validateShape.errors);
  const definition = entity as EntityDefinition;
  return [
    ...checkNames(definition),
    ...checkFields(definition, context),
    ...checkOptions(definition, context),
    ...checkCompiles(definition),
  ];
}

function checkNames(entity: EntityDefinition): Issue[] {
  const issues: Issue[] = [];
  if (RESERVED_NAMES.has(entity.$id)) issues.push(issue('/$id', 'reserved', `"${entity.$id}" is reserved by the engine`));
  for (const name of Object.keys(entity.properties)) {
    if (RESERVED_NAMES.has(name)) issues.push(issue(`/properties/${name}`, 'reserved', `"${name}" is a system column name`));
  }
  entity.required?.forEach((name, i) => {
    if (!(name in entity.properties)) issues.push(issue(`/required/${i}`, 'unknownField', `required field "${name}" is not a property`));
  });
  return issues;
}

function checkFields(entity: EntityDefinition, context: EntityContext): Issue[] {
  const issues: Issue[] = [];
  for (const [name, field] of Object.entries(entity.properties)) {
    const at = `/properties/${name}`;
    const kind = toFieldKind(field);
    if (!kind) issues.push(issue(at, 'unsupportedField', 'field shape is not a supported field type'));
    const relation = field['x-relation'];
    if (relation) issues.push(...checkRelation(at, field, context));
    if (field['x-currency'] !== undefined && field.type !== 'number') {
      issues.push(issue(`${at}/x-currency`, 'currencyType', 'x-currency applies to number fields only'));
    }
    if (field['x-scale'] !== undefined && field['x-currency'] === undefined) {
      issues.push(issue(`${at}/x-scale`, 'scaleWithoutCurrency', 'x-scale needs x-currency'));
    }
    if (field['x-renamedFrom'] !== undefined && field['x-renamedFrom'] in entity.properties) {
      issues.push(issue(`${at}/x-renamedFrom`, 'renameClash', `"${field['x-renamedFrom']}" still exists`));
    }
  }
  return issues;
}

function checkRelation(at: string, field: FieldDefinition, context: EntityContext): Issue[] {
  const relation = field['x-relation']!;
  const issues: Issue[] = [];
  if (!context.entityIds.has(relation.entity)) {
    issues.push(issue(`${at}/x-relation/entity`, 'unknownEntity', `relation points at unknown entity "${relation.entity}"`));
  }
  const idField = field.type === 'array' ? field.items : field;
  if (idField?.type !== 'string' || idField.format !== 'uuid') {
    issues.push(issue(at, 'relationFormat', 'a relation field holds uuids: type string (or array of strings) with format uuid'));
  }
  return issues;
}

function checkOptions(entity: EntityDefinition, context: EntityContext): Issue[] {
  const options = entity['x-entity'];
  const issues: Issue[] = [];
  const has = (name: string) => name in entity.properties;
  if (!has(options.titleField)) issues.push(issue('/x-entity/titleField', 'unknownField', `titleField "${options.titleField}" is not a property`));
  if (options.workflow && !context.workflowIds.has(options.workflow)) {
    issues.push(issue('/x-entity/workflow', 'unknownWorkflow', `workflow "${options.workflow}" does not exist`));
  }
  options.indexes?.forEach((fields, i) =>
    fields.forEach((name, j) => {
      if (!has(name)) issues.push(issue(`/x-entity/indexes/${i}/${j}`, 'unknownField', `index field "${name}" is not a property`));
    }),
  );
  for (const [key, type] of Object.entries(options.recordTypes ?? {})) {
    const at = `/x-entity/recordTypes/${key}`;
    for (const list of ['required', 'fields'] as const) {
      type[list]?.forEach((name, i) => {
        if (!has(name)) issues.push(issue(`${at}/${list}/${i}`, 'unknownField', `record type field "${name}" is not a property`));
      });
    }
    if (type.workflow && !context.workflowIds.has(type.workflow)) {
      issues.push(issue(`${at}/workflow`, 'unknownWorkflow', `workflow "${type.workflow}" does not exist`));
    }
  }
  return issues;
}

/** The definition must itself be a schema ajv can compile (bad patterns, bad defaults...). */
function checkCompiles(entity: EntityDefinition): Issue[] {
  try {
    createAjv().compile({ ...entity, $id: undefined });
    return [];
  } catch (error) {
    return [issue('', 'schemaCompile', (error as Error).message)];
  }
}

function issue(pointer: string, keyword: string, message: string): Issue {
  return { pointer, keyword, message };
}
