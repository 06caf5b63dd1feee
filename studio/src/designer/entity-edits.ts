import type { DefinitionSet, EntityDefinition, RecordTypeDefinition } from '@lodestar/core';
import { toField, type FieldForm } from './field-model';

/** Pure edits of one entity definition (the draft context clones the set before they run). */

export function entityIn(set: DefinitionSet, id: string): EntityDefinition {
  const entity = set.entities.find((e) => e.$id === id);
  if (!entity) throw new Error(`entity ${id} is not in the draft`);
  return entity;
}

/**
 * Adds or changes a field. A rename keeps the field's place and every reference to it, and writes
 * `x-renamedFrom` with the published name so the engine renames the column (its data stays).
 */
export function saveField(
  entity: EntityDefinition,
  form: FieldForm,
  originalName: string | undefined,
  publishedNames: Set<string>,
): void {
  const previous = originalName ? entity.properties[originalName] : undefined;
  const field = toField(form, previous);
  const renamed = originalName !== undefined && originalName !== form.name;
  if (renamed) {
    const from = previous?.['x-renamedFrom'] ?? originalName;
    if (publishedNames.has(from) && from !== form.name) field['x-renamedFrom'] = from;
    else delete field['x-renamedFrom'];
    entity.properties = Object.fromEntries(
      Object.entries(entity.properties).map(([key, value]) =>
        key === originalName ? [form.name, field] : [key, value],
      ),
    );
    renameReferences(entity, originalName, form.name);
  } else {
    entity.properties[form.name] = field;
  }
  const required = new Set(entity.required ?? []);
  if (form.required) required.add(form.name);
  else required.delete(form.name);
  entity.required = [...required];
  if (!entity.required.length) delete entity.required;
}

export function removeField(entity: EntityDefinition, name: string): void {
  delete entity.properties[name];
  const without = (list?: string[]) => list?.filter((n) => n !== name);
  entity.required = without(entity.required);
  if (!entity.required?.length) delete entity.required;
  for (const type of Object.values(entity['x-entity'].recordTypes ?? {})) {
    type.fields = without(type.fields);
    type.required = without(type.required);
    if (!type.required?.length) delete type.required;
  }
  const indexes = entity['x-entity'].indexes
    ?.map((columns) => columns.filter((c) => c !== name))
    .filter((columns) => columns.length > 0);
  if (indexes?.length) entity['x-entity'].indexes = indexes;
  else delete entity['x-entity'].indexes;
}

/** Moves a field up (-1) or down (+1); `x-ui.order` is renumbered so forms follow the new order. */
export function moveField(entity: EntityDefinition, name: string, delta: -1 | 1): void {
  const names = Object.keys(entity.properties);
  const from = names.indexOf(name);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= names.length) return;
  [names[from], names[to]] = [names[to]!, names[from]!];
  const ordered = names.some((n) => entity.properties[n]?.['x-ui']?.order !== undefined);
  entity.properties = Object.fromEntries(
    names.map((n, i) => {
      const field = entity.properties[n]!;
      return [n, ordered ? { ...field, 'x-ui': { ...field['x-ui'], order: i + 1 } } : field];
    }),
  );
}

function renameReferences(entity: EntityDefinition, from: string, to: string): void {
  const swap = (list?: string[]) => list?.map((n) => (n === from ? to : n));
  entity.required = swap(entity.required);
  const options = entity['x-entity'];
  if (options.titleField === from) options.titleField = to;
  for (const type of Object.values(options.recordTypes ?? {})) {
    type.fields = swap(type.fields);
    type.required = swap(type.required);
  }
  if (options.indexes) options.indexes = options.indexes.map((columns) => swap(columns)!);
}

export function saveRecordType(entity: EntityDefinition, id: string, type: RecordTypeDefinition): void {
  entity['x-entity'].recordTypes = { ...(entity['x-entity'].recordTypes ?? {}), [id]: type };
}

export function removeRecordType(entity: EntityDefinition, id: string): void {
  const types = { ...(entity['x-entity'].recordTypes ?? {}) };
  delete types[id];
  if (Object.keys(types).length) entity['x-entity'].recordTypes = types;
  else delete entity['x-entity'].recordTypes;
}

/** A new entity with its title field, as a consultant would start one. */
export function newEntity(
  id: string,
  titleZh: string,
  titleEn: string,
  titleField: string,
  fieldZh: string,
  fieldEn: string,
): EntityDefinition {
  return {
    $id: id,
    title: titleEn || titleZh || id,
    type: 'object',
    'x-i18n': { title: { ...(titleZh && { zh: titleZh }), ...(titleEn && { en: titleEn }) } },
    'x-entity': { titleField },
    properties: {
      [titleField]: {
        type: 'string',
        title: fieldEn || fieldZh || titleField,
        maxLength: 200,
        'x-i18n': { title: { ...(fieldZh && { zh: fieldZh }), ...(fieldEn && { en: fieldEn }) } },
        'x-ui': { list: true },
      },
    },
    required: [titleField],
  };
}
