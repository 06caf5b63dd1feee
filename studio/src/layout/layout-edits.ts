import type { EntityDefinition, FieldDefinition, SectionDefinition } from '@lodestar/core';
import { stateIdFrom } from '../workflows/ids';
import { kindOf } from '../designer/field-model';

/*
 * The form layout as the designer sees it, and its pure edits. Sections and field order are the
 * entity's (`x-entity.sections`, `x-ui.section`/`order`) and shared by every record type; a record type
 * chooses which fields its form shows (`recordTypes.<type>.fields`). Edits run on the draft's copy.
 */

/** A section of the form with the fields it shows for the chosen record type; id '' holds fields without one. */
export interface LayoutSection {
  id: string;
  title: SectionDefinition['title'];
  columns: 1 | 2;
  fields: string[];
}

export interface Layout {
  sections: LayoutSection[];
  /** Fields the form does not show (hidden, or not among the record type's fields), to add back. */
  aside: string[];
}

/** The highest number of header highlights the meta-schema allows. */
export const MAX_HIGHLIGHTS = 8;

/** Field order: `x-ui.order` first, definition order for ties (as the runtime form sorts them). */
export function orderedNames(entity: EntityDefinition): string[] {
  const names = Object.keys(entity.properties);
  const order = (name: string) => entity.properties[name]?.['x-ui']?.order ?? Number.MAX_SAFE_INTEGER;
  return names
    .map((name, i) => ({ name, i }))
    .sort((a, b) => order(a.name) - order(b.name) || a.i - b.i)
    .map((x) => x.name);
}

/** Fields a form can never show (objects): kept out of the designer. */
function formable(field: FieldDefinition): boolean {
  return kindOf(field) !== 'json';
}

/** Fields the record type (or every record, without one) must have: they cannot leave the form. */
export function requiredIn(entity: EntityDefinition, recordType: string | undefined): Set<string> {
  const type = recordType ? entity['x-entity'].recordTypes?.[recordType] : undefined;
  return new Set([...(entity.required ?? []), ...(type?.required ?? []), entity['x-entity'].titleField]);
}

/** Whether the form of the record type shows the field: mirrors the runtime form's choice. */
export function shownIn(entity: EntityDefinition, recordType: string | undefined, name: string): boolean {
  const field = entity.properties[name];
  if (!field || !formable(field)) return false;
  const required = requiredIn(entity, recordType);
  if (required.has(name)) return true;
  if (field['x-ui']?.hidden) return false;
  const listed = recordType ? entity['x-entity'].recordTypes?.[recordType]?.fields : undefined;
  return !listed || listed.includes(name);
}

export function layoutOf(entity: EntityDefinition, recordType: string | undefined): Layout {
  const ordered = orderedNames(entity).filter((name) => formable(entity.properties[name]!));
  const shown = ordered.filter((name) => shownIn(entity, recordType, name));
  const defined = entity['x-entity'].sections ?? [];
  const known = new Set(defined.map((s) => s.id));
  const sectionOf = (name: string) => entity.properties[name]?.['x-ui']?.section ?? '';
  const sections: LayoutSection[] = defined.map((s) => ({
    id: s.id,
    title: s.title,
    columns: s.columns ?? 2,
    fields: shown.filter((name) => sectionOf(name) === s.id),
  }));
  const rest = shown.filter((name) => !known.has(sectionOf(name)));
  sections.push({ id: '', title: '', columns: 2, fields: rest });
  return { sections, aside: ordered.filter((name) => !shown.includes(name)) };
}

/** Writes `x-ui` keys of a field, dropping keys set to undefined and an `x-ui` left empty. */
function setUi(field: FieldDefinition, change: Partial<NonNullable<FieldDefinition['x-ui']>>): void {
  const ui: Record<string, unknown> = { ...field['x-ui'], ...change };
  for (const key of Object.keys(ui)) if (ui[key] === undefined || ui[key] === false) delete ui[key];
  if (Object.keys(ui).length) field['x-ui'] = ui as FieldDefinition['x-ui'];
  else delete field['x-ui'];
}

/**
 * Moves a field into a section (id '' for none) before the field now at `index` among the fields the
 * chosen record type shows there (past the end: last). Every field's `x-ui.order` is renumbered 1..n,
 * so the stored order says exactly what the designer shows.
 */
export function moveToSection(
  entity: EntityDefinition,
  recordType: string | undefined,
  name: string,
  sectionId: string,
  index: number,
): void {
  const field = entity.properties[name];
  if (!field) return;
  const known = new Set((entity['x-entity'].sections ?? []).map((s) => s.id));
  if (sectionId && !known.has(sectionId)) return;
  const target = layoutOf(entity, recordType)
    .sections.find((s) => s.id === sectionId)!
    .fields.filter((n) => n !== name);
  const names = orderedNames(entity).filter((n) => n !== name);
  if (index < target.length) names.splice(names.indexOf(target[index]!), 0, name);
  else if (target.length) names.splice(names.indexOf(target.at(-1)!) + 1, 0, name);
  else names.push(name);
  setUi(field, { section: sectionId || undefined });
  names.forEach((n, i) => setUi(entity.properties[n]!, { order: i + 1 }));
}

/** Moves a field one place up (-1) or down (+1) among those its section shows; at an end, nothing. */
export function moveWithinSection(
  entity: EntityDefinition,
  recordType: string | undefined,
  name: string,
  delta: -1 | 1,
): void {
  const section = layoutOf(entity, recordType).sections.find((s) => s.fields.includes(name));
  if (!section) return;
  const at = section.fields.indexOf(name);
  const to = at + delta;
  if (to < 0 || to >= section.fields.length) return;
  // Without the moved field, index `to` is before its upper neighbour, or just past its lower one.
  moveToSection(entity, recordType, name, section.id, to);
}

function titleText(title: SectionDefinition['title'], lang: 'zh' | 'en'): string {
  return typeof title === 'string' ? (lang === 'en' ? title : '') : (title[lang] ?? '');
}

/** A new empty section at the end, its id made from its title (财务信息 → caiWuXinXi); returns the id. */
export function addSection(entity: EntityDefinition, zh: string, en: string): string {
  const sections = entity['x-entity'].sections ?? [];
  const id = stateIdFrom(
    en.trim() || zh.trim(),
    sections.map((s) => s.id),
    'section',
  );
  const title: Record<string, string> = {};
  if (zh.trim()) title.zh = zh.trim();
  if (en.trim()) title.en = en.trim();
  entity['x-entity'].sections = [...sections, { id, title: Object.keys(title).length ? title : id }];
  return id;
}

/** Renames a section in one language, keeping the other. */
export function renameSection(entity: EntityDefinition, id: string, lang: 'zh' | 'en', value: string): void {
  const sections = entity['x-entity'].sections ?? [];
  entity['x-entity'].sections = sections.map((s) => {
    if (s.id !== id) return s;
    const texts = { zh: titleText(s.title, 'zh'), en: titleText(s.title, 'en'), [lang]: value };
    const title = Object.fromEntries(Object.entries(texts).filter(([, text]) => text));
    return { ...s, title: Object.keys(title).length ? title : s.id };
  });
}

/** Whether any field of the entity (of any record type, hidden or not) sits in the section. */
export function sectionInUse(entity: EntityDefinition, id: string): boolean {
  return Object.values(entity.properties).some((f) => f['x-ui']?.section === id);
}

/** Removes a section no field uses (a section with fields must be emptied first); true when removed. */
export function removeSection(entity: EntityDefinition, id: string): boolean {
  if (sectionInUse(entity, id)) return false;
  const sections = (entity['x-entity'].sections ?? []).filter((s) => s.id !== id);
  if (sections.length) entity['x-entity'].sections = sections;
  else delete entity['x-entity'].sections;
  return true;
}

/** Moves a section one place up (-1) or down (+1). */
export function moveSection(entity: EntityDefinition, id: string, delta: -1 | 1): void {
  const sections = [...(entity['x-entity'].sections ?? [])];
  const at = sections.findIndex((s) => s.id === id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= sections.length) return;
  [sections[at], sections[to]] = [sections[to]!, sections[at]!];
  entity['x-entity'].sections = sections;
}

/** One or two columns on a wide screen; two is the default and is not written. */
export function setSectionColumns(entity: EntityDefinition, id: string, columns: 1 | 2): void {
  entity['x-entity'].sections = (entity['x-entity'].sections ?? []).map((s) => {
    if (s.id !== id) return s;
    const next: SectionDefinition = { ...s, columns };
    if (columns === 2) delete next.columns;
    return next;
  });
}

/**
 * Takes a field off the record type's form (into the aside): off the type's field list, or hidden
 * for every record when no type is chosen. Required fields and the title stay.
 */
export function removeFromForm(entity: EntityDefinition, recordType: string | undefined, name: string): void {
  if (requiredIn(entity, recordType).has(name) || !entity.properties[name]) return;
  const type = recordType ? entity['x-entity'].recordTypes?.[recordType] : undefined;
  if (!type) {
    setUi(entity.properties[name], { hidden: true });
    return;
  }
  const listed = type.fields ?? orderedNames(entity).filter((n) => shownIn(entity, recordType, n));
  type.fields = listed.filter((n) => n !== name);
}

/** Puts a field from the aside on the form: shown again, and on the record type's field list. */
export function addToForm(
  entity: EntityDefinition,
  recordType: string | undefined,
  name: string,
  sectionId?: string,
  index?: number,
): void {
  const field = entity.properties[name];
  if (!field) return;
  setUi(field, { hidden: undefined });
  const type = recordType ? entity['x-entity'].recordTypes?.[recordType] : undefined;
  if (type?.fields && !type.fields.includes(name)) type.fields = [...type.fields, name];
  if (sectionId !== undefined) moveToSection(entity, recordType, name, sectionId, index ?? Number.MAX_SAFE_INTEGER);
}

/** The header's key fields as the runtime shows them: `x-ui.highlights`, else the first four list fields. */
export function highlightsOf(entity: EntityDefinition): string[] {
  const named = entity['x-ui']?.highlights;
  if (named) return named.filter((n) => n in entity.properties);
  const title = entity['x-entity'].titleField;
  return orderedNames(entity)
    .filter((n) => entity.properties[n]?.['x-ui']?.list && n !== title)
    .slice(0, 4);
}

/** Turns a header highlight on or off; the first choice writes the list the header showed by default. */
export function toggleHighlight(entity: EntityDefinition, name: string): void {
  const current = highlightsOf(entity);
  const next = current.includes(name) ? current.filter((n) => n !== name) : [...current, name];
  if (next.length > MAX_HIGHLIGHTS) return;
  entity['x-ui'] = { ...entity['x-ui'], highlights: next };
}

/** Whether a field can be a highlight: lists of plain values have no place in a header line. */
export function canHighlight(field: FieldDefinition): boolean {
  return !(field.type === 'array' && field.items?.['x-relation'] === undefined && field.items?.enum === undefined);
}

/** Whether a list can filter on the field (`x-ui.filter`): not on objects. */
export function canFilter(field: FieldDefinition): boolean {
  return kindOf(field) !== 'json' && kindOf(field) !== 'unknown';
}

/** A default list column (`x-ui.list`) or a common filter (`x-ui.filter`), on or off. */
export function toggleFlag(entity: EntityDefinition, name: string, flag: 'list' | 'filter'): void {
  const field = entity.properties[name];
  if (!field) return;
  setUi(field, { [flag]: field['x-ui']?.[flag] ? undefined : true });
}
