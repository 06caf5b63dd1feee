import type { CompiledEntity } from '../model/compile-model.js';
import type { FieldKind } from '../schema/column-types.js';
import type { Attribute } from './types.js';

/** Everything the records code derives from one compiled entity, computed once per model version. */
export interface EntityAttributes {
  byName: Map<string, Attribute>;
  /** Attributes stored in the entity's own table, in table order. */
  columns: Attribute[];
  /** Many-to-many fields, stored in junction tables. */
  junctions: Attribute[];
  /** Text columns searched by `q`, the title field first. */
  search: string[];
}

const SYSTEM_KINDS: Record<string, FieldKind> = {
  id: 'uuid',
  record_type: 'choice',
  state: 'choice',
  state_entered_at: 'dateTime',
  sla_breached_at: 'dateTime',
  sla_due_at: 'dateTime',
  owner_id: 'uuid',
  created_at: 'dateTime',
  updated_at: 'dateTime',
  created_by: 'uuid',
  updated_by: 'uuid',
  version: 'integer',
};

const SEARCHABLE: ReadonlySet<FieldKind> = new Set(['text', 'longText', 'email', 'phone', 'url']);

// Keyed by the compiled entity, so a new model version gets fresh attributes and old ones are collected.
const cache = new WeakMap<CompiledEntity, EntityAttributes>();

/** The entity's attributes (system columns and fields), cached per compiled entity. */
export function attributesOf(entity: CompiledEntity): EntityAttributes {
  let attributes = cache.get(entity);
  if (!attributes) {
    attributes = compileAttributes(entity);
    cache.set(entity, attributes);
  }
  return attributes;
}

function compileAttributes(entity: CompiledEntity): EntityAttributes {
  const byName = new Map<string, Attribute>();
  for (const column of entity.table.columns) {
    const kind = SYSTEM_KINDS[column.name];
    if (column.system && kind) byName.set(column.name, { name: column.name, kind, system: true, column });
  }
  for (const field of entity.fields.values()) {
    const target = field.definition['x-relation']?.entity;
    byName.set(field.name, {
      name: field.name,
      kind: field.kind,
      system: false,
      ...(field.column && { column: field.column }),
      ...(field.junction && { junction: field.junction }),
      ...(target && { target }),
      ...(field.formula?.readSql !== undefined && { computed: field.formula.readSql }),
    });
  }
  const all = [...byName.values()];
  const titleField = entity.definition['x-entity'].titleField;
  // A field some stage hides is not searched: a match would reveal its value on records in that stage.
  const search = all
    .filter((a) => a.column && !a.system && SEARCHABLE.has(a.kind) && !entity.stageHidden?.has(a.name))
    .map((a) => a.name);
  search.sort((a, b) => Number(b === titleField) - Number(a === titleField));
  return { byName, columns: all.filter((a) => a.column), junctions: all.filter((a) => a.junction), search };
}
