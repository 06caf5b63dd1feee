import type { SearchSpec } from '@lodestar/core';
import type { EntityDefinition, FieldDefinition } from '../definitions/entity.js';
import { toColumnType, toFieldKind, type FieldKind } from '../schema/column-types.js';
import { toSqlType } from '../schema/table-spec.js';
import { isFormula } from '../schema/formula-fields.js';

/** Field kinds a search document can read: values that are words, names, addresses or numbers to find. */
export const SEARCHABLE_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'longText', 'email', 'phone', 'url']);

/** The most fields one search document reads (each gets a one-letter tag in the document's terms). */
export const MAX_SEARCH_FIELDS = 20;

/**
 * What the entity's search document reads, in rank order. `x-entity.search` lists it; without it: the
 * title field, then the text, email and phone fields shown in lists (`x-ui.list`). The title field and
 * fields marked `pinyin` also get pinyin terms (zs → 张三); phone fields are searched by digits.
 */
export function searchSpecOf(entity: EntityDefinition): SearchSpec | undefined {
  const options = entity['x-entity'];
  const declared = options.search;
  const entries = declared ?? defaultEntries(entity);
  const fields: SearchSpec['fields'] = [];
  for (const entry of entries) {
    const field = entity.properties[entry.field];
    if (!field || !isSearchable(field) || fields.some((f) => f.name === entry.field)) continue;
    const type = toColumnType(field);
    if (!type) continue;
    const kind = toFieldKind(field);
    const mode = kind === 'phone' ? 'phone' : (entry.pinyin ?? entry.field === options.titleField) ? 'pinyin' : 'text';
    fields.push({ name: entry.field, mode, type: toSqlType(type) });
    if (fields.length === MAX_SEARCH_FIELDS) break;
  }
  return fields.length ? { fields } : undefined;
}

/** Whether a field can be in a search document: a stored text-like column. */
export function isSearchable(field: FieldDefinition): boolean {
  const kind = toFieldKind(field);
  return kind !== undefined && SEARCHABLE_KINDS.has(kind) && !isFormula(field) && !field['x-rollup'];
}

function defaultEntries(entity: EntityDefinition): { field: string; pinyin?: boolean }[] {
  const title = entity['x-entity'].titleField;
  const listed = Object.entries(entity.properties)
    .filter(([name, field]) => name !== title && field['x-ui']?.list === true && isSearchable(field))
    .filter(([, field]) => ['text', 'email', 'phone'].includes(toFieldKind(field) ?? ''))
    .map(([name]) => ({ field: name }));
  return [{ field: title }, ...listed];
}
