import {
  checkFormula,
  FORMULA_TIME_ZONE,
  parseFormula,
  type CheckedFormula,
  type Expr,
  type FieldPath,
  type FormulaIssue,
  type FormulaSpec,
  type FormulaType,
} from '@lodestar/core';
import type { EntityDefinition, FieldDefinition } from '../definitions/entity.js';
import { formulaToSql } from '../formula/to-sql.js';
import { toColumnType, toFieldKind, type FieldKind } from './column-types.js';
import type { SqlType } from './table-spec.js';
import { toSqlType } from './table-spec.js';

/**
 * Formula fields (`x-formula`) compiled against the whole definition set: their parsed expression, the
 * type the checker found, what they read, and where the value lives. A formula is STORED (a generated
 * column PostgreSQL computes and back-fills) when it reads only its own row and never the clock, and so
 * does every formula field it reads; otherwise every read statement computes it (`readSql`, over `t`).
 */

export interface FormulaField {
  entity: string;
  name: string;
  source: string;
  /** Undefined when the formula does not parse. */
  expr?: Expr;
  checked?: CheckedFormula;
  parseIssues: FormulaIssue[];
  /** The type the field's own JSON Schema asks of the formula; undefined for kinds a formula cannot fill. */
  wants?: FormulaType;
  stored: boolean;
  /** The column type the value is cast to (the field's own kind's type). */
  type: SqlType;
}

/** Entity id → field name → formula field, for every formula of a set. */
export type FormulaFields = Map<string, Map<string, FormulaField>>;

const KIND_TYPES: Partial<Record<FieldKind, FormulaType>> = {
  text: 'text',
  longText: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  choice: 'text',
  uuid: 'text',
  user: 'text',
  manyToOne: 'text',
  integer: 'number',
  number: 'number',
  money: 'number',
  boolean: 'boolean',
  date: 'date',
  dateTime: 'dateTime',
};

/** Kinds a formula field may have (its value is cast to the kind's column). */
const FORMULA_KINDS: ReadonlySet<FieldKind> = new Set([
  'text',
  'longText',
  'integer',
  'number',
  'money',
  'boolean',
  'date',
  'dateTime',
]);

/** System columns formulas may read, with their types. */
const SYSTEM_TYPES: Record<string, FormulaType> = {
  created_at: 'dateTime',
  updated_at: 'dateTime',
  record_type: 'text',
  owner_id: 'text',
};

/** Whether a field definition is a formula field. */
export function isFormula(field: FieldDefinition | undefined): boolean {
  return typeof field?.['x-formula'] === 'string';
}

/** The formula type a field offers to formulas that read it, or undefined when formulas cannot read it. */
export function formulaTypeOfField(field: FieldDefinition): FormulaType | undefined {
  const kind = toFieldKind(field);
  return kind && KIND_TYPES[kind];
}

/** The formula type a formula field's value must have, or undefined when its kind cannot hold a formula. */
export function wantedFormulaType(field: FieldDefinition): FormulaType | undefined {
  const kind = toFieldKind(field);
  return kind && FORMULA_KINDS.has(kind) ? KIND_TYPES[kind] : undefined;
}

/** What a path names: a field of this entity, or (two parts) a field of the entity a many-to-one field points at. */
export function resolvePath(
  entities: ReadonlyMap<string, EntityDefinition>,
  entity: EntityDefinition,
  path: FieldPath,
): { entity: EntityDefinition; name: string; field?: FieldDefinition; via?: string } | undefined {
  if (path.length === 1) {
    const name = path[0]!;
    if (name in SYSTEM_TYPES) return { entity, name };
    const field = Object.hasOwn(entity.properties, name) ? entity.properties[name] : undefined;
    return field ? { entity, name, field } : undefined;
  }
  if (path.length !== 2) return undefined;
  const [via, name] = path as [string, string];
  const link = Object.hasOwn(entity.properties, via) ? entity.properties[via] : undefined;
  if (!link || toFieldKind(link) !== 'manyToOne') return undefined;
  const target = entities.get(link['x-relation']!.entity);
  if (!target) return undefined;
  if (name in SYSTEM_TYPES) return { entity: target, name, via };
  const field = Object.hasOwn(target.properties, name) ? target.properties[name] : undefined;
  return field ? { entity: target, name, field, via } : undefined;
}

/** Parses and checks every formula of the set and decides which are stored. */
export function compileFormulaFields(definitions: readonly EntityDefinition[]): FormulaFields {
  const entities = new Map(definitions.map((e) => [e.$id, e]));
  const result: FormulaFields = new Map();
  for (const entity of definitions) {
    const own = new Map<string, FormulaField>();
    for (const [name, field] of Object.entries(entity.properties)) {
      if (!isFormula(field)) continue;
      own.set(name, compileOne(entities, entity, name, field));
    }
    if (own.size) result.set(entity.$id, own);
  }
  decideStorage(result);
  return result;
}

function compileOne(
  entities: ReadonlyMap<string, EntityDefinition>,
  entity: EntityDefinition,
  name: string,
  field: FieldDefinition,
): FormulaField {
  const source = field['x-formula']!;
  const wants = wantedFormulaType(field);
  const type = toColumnType(field) ?? { base: 'text' };
  const parsed = parseFormula(source);
  const base = { entity: entity.$id, name, source, type, stored: false, ...(wants && { wants }) };
  if (!parsed.expr) return { ...base, parseIssues: parsed.issues };
  const checked = checkFormula(parsed.expr, {
    typeOf(path) {
      const target = resolvePath(entities, entity, path);
      if (!target) return undefined;
      // The owner is read by workflow expressions (owner_id = ME()); formula fields keep to record data.
      if (!target.field && target.name === 'owner_id') return undefined;
      return target.field ? formulaTypeOfField(target.field) : SYSTEM_TYPES[target.name];
    },
  });
  return { ...base, expr: parsed.expr, checked, parseIssues: [] };
}

/** Stored: valid, row-only, immutable, and every formula field it reads (transitively) is stored too. */
function decideStorage(fields: FormulaFields): void {
  const deciding = new Set<FormulaField>();
  const decided = new Set<FormulaField>();
  const decide = (formula: FormulaField): boolean => {
    if (decided.has(formula)) return formula.stored;
    if (deciding.has(formula)) return false; // a cycle: an issue of its own; never stored
    deciding.add(formula);
    const checked = formula.checked;
    let stored = !!checked && !checked.issues.length && checked.immutable && formula.wants !== undefined;
    for (const path of checked?.refs ?? []) {
      if (path.length !== 1) stored = false;
      const other = fields.get(formula.entity)?.get(path[0]!);
      if (path.length === 1 && other && !decide(other)) stored = false;
    }
    formula.stored = stored;
    decided.add(formula);
    return stored;
  };
  for (const own of fields.values()) for (const formula of own.values()) decide(formula);
}

/** Formula fields of the set that read themselves through other formulas: each cycle once, as its path of names. */
export function formulaCycles(
  fields: FormulaFields,
  entities: ReadonlyMap<string, EntityDefinition>,
): FormulaField[][] {
  const cycles: FormulaField[][] = [];
  const done = new Set<FormulaField>();
  const visit = (formula: FormulaField, stack: FormulaField[]): void => {
    const at = stack.indexOf(formula);
    if (at >= 0) {
      const cycle = stack.slice(at);
      if (!cycle.some((f) => done.has(f))) cycles.push(cycle);
      return;
    }
    if (done.has(formula)) return;
    for (const next of readFormulas(fields, entities, formula)) visit(next, [...stack, formula]);
    done.add(formula);
  };
  for (const own of fields.values()) for (const formula of own.values()) visit(formula, []);
  return cycles;
}

/** The formula fields a formula reads directly (own or across a relation). */
function readFormulas(
  fields: FormulaFields,
  entities: ReadonlyMap<string, EntityDefinition>,
  formula: FormulaField,
): FormulaField[] {
  const entity = entities.get(formula.entity)!;
  const found: FormulaField[] = [];
  for (const path of formula.checked?.refs ?? []) {
    const target = resolvePath(entities, entity, path);
    const other = target && fields.get(target.entity.$id)?.get(target.name);
    if (other) found.push(other);
  }
  return found;
}

const quote = (name: string) => `"${name}"`;

/**
 * The SQL of a formula's value, cast to its column type. `alias` qualifies the row's columns (`t`), or
 * is empty for a generated column's expression. Formula fields it reads are inlined (a generated column
 * may not read another one); a relation hop is a scalar subquery on the related row.
 */
export function formulaSql(
  fields: FormulaFields,
  entities: ReadonlyMap<string, EntityDefinition>,
  formula: FormulaField,
  alias: string,
  depth = 0,
  actor?: string,
): string {
  if (!formula.expr || !formula.checked || formula.checked.issues.length || depth > 16)
    return `null::${toSqlType(formula.type)}`;
  const entity = entities.get(formula.entity)!;
  const own = (name: string, at: string) => (at ? `${at}.${quote(name)}` : quote(name));
  const sql = formulaToSql(
    formula.expr,
    (path) => {
      const target = resolvePath(entities, entity, path);
      if (!target) return 'null';
      const other = fields.get(target.entity.$id)?.get(target.name);
      if (!target.via)
        return other ? `(${formulaSql(fields, entities, other, alias, depth + 1)})` : own(target.name, alias);
      const hop = `r${depth}_${target.via}`;
      const value =
        other && !other.stored ? formulaSql(fields, entities, other, hop, depth + 1) : own(target.name, hop);
      return `(select ${value} from ${quote(target.entity.$id)} as ${hop} where ${hop}.id = ${own(target.via, alias)})`;
    },
    { timeZone: FORMULA_TIME_ZONE, ...(actor && { actor }) },
  );
  return `(${sql})::${toSqlType(formula.type)}`;
}

/** The table spec entry of a formula field: stored ones carry their generated column's expression and the fields it reads. */
export function toFormulaSpec(
  fields: FormulaFields,
  entities: ReadonlyMap<string, EntityDefinition>,
  formula: FormulaField,
): FormulaSpec {
  const spec: FormulaSpec = { name: formula.name, formula: formula.source, type: formula.type };
  if (!formula.stored) return spec;
  const refs = new Set<string>();
  collectColumns(fields, formula, refs);
  return { ...spec, stored: formulaSql(fields, entities, formula, ''), refs: [...refs].sort() };
}

/** The own columns a stored formula reads, through the stored formulas it inlines. */
function collectColumns(fields: FormulaFields, formula: FormulaField, into: Set<string>): void {
  for (const path of formula.checked?.refs ?? []) {
    const other = fields.get(formula.entity)?.get(path[0]!);
    if (other && other !== formula) collectColumns(fields, other, into);
    else if (!other) into.add(path[0]!);
  }
}

/** The formula entries of one entity's table spec (stored formulas read only their own row, so the entity alone decides them). */
export function formulaSpecsOf(entity: EntityDefinition): FormulaSpec[] {
  const fields = compileFormulaFields([entity]);
  const entities = new Map([[entity.$id, entity]]);
  return [...(fields.get(entity.$id)?.values() ?? [])].map((formula) => toFormulaSpec(fields, entities, formula));
}
