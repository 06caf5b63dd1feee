import type { EntityDefinition, FieldDefinition } from '../definitions/entity.js';
import { toColumnType, toFieldKind } from './column-types.js';
import { compileKeys } from './key-indexes.js';
import { formulaSpecsOf, isFormula } from './formula-fields.js';
import { ownerIndex, systemColumns, systemIndexes } from './system-columns.js';
import { isRollup, rollupIndex, rollupSpecsOf, toRollupColumn } from './rollup-fields.js';
import { searchSpecOf } from '../search/search-spec.js';
import type { ColumnSpec, IndexSpec, JunctionSpec, TableSpec } from './table-spec.js';
import { toConstraintName } from './table-spec.js';

/** Whether any workflow is bound to the entity or to one of its record types. */
export function hasWorkflow(entity: EntityDefinition, boundEntities: ReadonlySet<string> = new Set()): boolean {
  const options = entity['x-entity'];
  if (options.workflow || boundEntities.has(entity.$id)) return true;
  return Object.values(options.recordTypes ?? {}).some((type) => type.workflow !== undefined);
}

/**
 * Compiles one entity definition into its table spec: system columns, one typed column per field,
 * junction tables for many-to-many fields, and indexes (system, foreign keys, declared).
 * `boundEntities` names entities that a workflow's `meta.entity` binds to.
 */
export function compileEntity(entity: EntityDefinition, boundEntities: ReadonlySet<string> = new Set()): TableSpec {
  const table = entity.$id;
  const workflow = hasWorkflow(entity, boundEntities);
  const required = new Set(entity.required ?? []);
  const columns = systemColumns({
    hasWorkflow: workflow,
    hasRecordTypes: entity['x-entity'].recordTypes !== undefined,
  });
  const junctions: JunctionSpec[] = [];
  const indexes: IndexSpec[] = systemIndexes(table, { hasWorkflow: workflow });

  for (const [name, field] of Object.entries(entity.properties)) {
    if (isFormula(field)) continue; // formulas: `spec.formulas`
    if (toFieldKind(field) === 'manyToMany') {
      junctions.push(compileJunction(table, name, field));
      continue;
    }
    const compiled = compileColumn(name, field, required.has(name));
    if (!compiled) continue;
    const column = isRollup(field) ? toRollupColumn(compiled, field) : compiled;
    columns.push(column);
    if (isRollup(field)) indexes.push(rollupIndex(table, name));
    if (column.references) indexes.push({ name: toConstraintName([table, name], 'idx'), columns: [name] });
  }
  for (const fields of entity['x-entity'].indexes ?? []) {
    indexes.push({ name: toConstraintName([table, ...fields], 'idx'), columns: fields });
    if (fields[0] !== 'owner_id') indexes.push(ownerIndex(table, fields));
  }
  const spec: TableSpec = { name: table, columns, indexes: dedupeIndexes(indexes), junctions };
  const keys = compileKeys(entity);
  if (keys.length) spec.keys = keys;
  const formulas = formulaSpecsOf(entity);
  if (formulas.length) spec.formulas = formulas;
  const rollups = rollupSpecsOf(entity);
  if (rollups.length) spec.rollups = rollups;
  const search = searchSpecOf(entity);
  if (search) spec.search = search;
  const renamedFrom = entity['x-entity'].renamedFrom;
  return renamedFrom ? { ...spec, renamedFrom } : spec;
}

function compileColumn(name: string, field: FieldDefinition, required: boolean): ColumnSpec | undefined {
  const type = toColumnType(field);
  if (!type) return undefined;
  const column: ColumnSpec = { name, type, nullable: !required };
  if (field.default !== undefined) column.default = { value: field.default };
  const relation = field['x-relation'];
  if (relation) column.references = { table: relation.entity, onDelete: relation.onDelete ?? 'setNull' };
  const values = field.enum ?? field.items?.enum;
  if (values) column.enumValues = values.map(String);
  if (field['x-renamedFrom']) column.renamedFrom = field['x-renamedFrom'];
  return column;
}

function compileJunction(table: string, field: string, definition: FieldDefinition): JunctionSpec {
  const junction: JunctionSpec = {
    name: `${table}__${field}`,
    field,
    source: table,
    target: definition['x-relation']!.entity,
  };
  const attributes = Object.entries(definition['x-relation']!.attributes ?? {}).map(([name, field]) =>
    compileColumn(name, field, false),
  );
  if (attributes.length) junction.attributes = attributes.filter((column) => column !== undefined);
  const renamedFrom = definition['x-renamedFrom'];
  return renamedFrom ? { ...junction, renamedFrom: `${table}__${renamedFrom}` } : junction;
}

function dedupeIndexes(indexes: IndexSpec[]): IndexSpec[] {
  const seen = new Set<string>();
  return indexes.filter((index) => !seen.has(index.name) && seen.add(index.name));
}
