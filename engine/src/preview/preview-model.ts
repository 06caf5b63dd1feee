import type { DefinitionSet } from '../definitions/definition-set.js';
import { compileModel, type CompiledEntity, type CompiledField, type Model } from '../model/compile-model.js';
import { quoteIdent } from '../records/quote-ident.js';
import { toSqlType } from '../schema/table-spec.js';

/**
 * The model a preview request runs on: the draft's definitions (entities, fields, workflows, roles), read from
 * the tables the PUBLISHED version created. The draft has not been applied, so a field it adds has no column
 * yet, and one it renames still has its old column. Such fields are read as computed values over the
 * published row, exactly as a formula computed at read time is (`formula.readSql`): an added field reads
 * as empty (`null` of its type), a renamed one reads its old column, and a field the draft removes is not in
 * the draft model at all, so nothing shows it. A field whose type changes keeps reading the stored column.
 * Entities the draft adds have no table: `newEntities` lists them, and the preview answers them as empty.
 * Pure: no database.
 */
export interface PreviewModel {
  model: Model;
  /** Entities of the draft without a published table (the preview lists them empty). */
  newEntities: ReadonlySet<string>;
}

export function compilePreviewModel(draft: DefinitionSet, published: Model, hash: string): PreviewModel {
  const model = compileModel(draft, published.version, hash);
  const newEntities = new Set<string>();
  for (const entity of model.entities.values()) {
    const before = published.entities.get(entity.id);
    if (!before || before.table.name !== entity.table.name) {
      newEntities.add(entity.id);
      continue;
    }
    for (const field of entity.fields.values()) readFromPublished(entity, field, before);
  }
  return { model, newEntities };
}

/** Makes one draft field readable from the published table (see compilePreviewModel). */
function readFromPublished(entity: CompiledEntity, field: CompiledField, before: CompiledEntity): void {
  const previous = before.fields.get(field.name);
  if (field.junction) {
    if (before.table.junctions.some((j) => j.name === field.junction!.name)) return;
    return computeAs(entity, field, 'null');
  }
  if (field.formula && !field.formula.stored) {
    // A formula computed at read time may name fields the table does not have yet: only an unchanged one is computed.
    if (previous?.formula && JSON.stringify(previous.definition) === JSON.stringify(field.definition)) return;
    return computeAs(entity, field, `null::${toSqlType(field.formula.column.type)}`);
  }
  const column = field.column;
  if (!column) return;
  if (before.table.columns.some((c) => c.name === column.name && !c.system)) return;
  const renamedFrom = field.definition['x-renamedFrom'];
  const old = typeof renamedFrom === 'string' ? before.table.columns.find((c) => c.name === renamedFrom) : undefined;
  computeAs(entity, field, old ? `t.${quoteIdent(old.name)}` : `null::${toSqlType(column.type)}`);
}

function computeAs(entity: CompiledEntity, field: CompiledField, sql: string): void {
  // Many-to-many fields have no column: the computed one only types the value (nothing filters on it here).
  const column = { ...(field.column ?? { name: field.name, type: { base: 'text' as const } }), nullable: true };
  const computed: CompiledField = { ...field, formula: { source: '', stored: false, column, readSql: sql } };
  if (field.column) computed.column = column;
  delete computed.junction;
  entity.fields.set(field.name, computed);
}
