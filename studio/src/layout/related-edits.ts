import type { EntityDefinition } from '@lodestar/core';
import { titleOf, type Lang } from '@lodestar/ui-shared';
import { kindOf } from '../designer/field-model';
import { LAYOUT_MESSAGES } from './messages';

/** One related list of a record page: the records of `entity` whose field `via` points at the record. */
export interface RelatedListChoice {
  entity: string;
  via: string;
  /** Chosen columns; undefined: the runtime's default (defaultRelatedColumns). */
  columns?: string[];
  shown: boolean;
}

export const keyOf = (list: { entity: string; via: string }) => `${list.entity}.${list.via}`;

/**
 * Every (entity, field) that can list records under this entity's record page, in the definitions' order: a
 * many-to-one field or a link with attributes pointing here. Repeats runtime-ui's `referencesTo` (RelatedTab.tsx).
 */
export function relatedCandidates(
  entity: EntityDefinition,
  entities: readonly EntityDefinition[],
): { entity: string; via: string }[] {
  return entities.flatMap((other) =>
    Object.entries(other.properties)
      .filter(
        ([, field]) =>
          field['x-relation']?.entity === entity.$id &&
          (kindOf(field) === 'manyToOne' || field['x-relation']?.attributes !== undefined),
      )
      .map(([via]) => ({ entity: other.$id, via })),
  );
}

/**
 * The related lists as the page shows them (`x-ui.related` in its order, or every candidate when the
 * definition chooses none), then the candidates not shown. The runtime shows the `shown` ones.
 */
export function relatedListsOf(entity: EntityDefinition, entities: readonly EntityDefinition[]): RelatedListChoice[] {
  const candidates = relatedCandidates(entity, entities);
  const chosen = entity['x-ui']?.related;
  if (!chosen) return candidates.map((c) => ({ ...c, shown: true }));
  const shown = chosen
    .filter((list) => candidates.some((c) => keyOf(c) === keyOf(list)))
    .map((list) => ({ ...list, shown: true }));
  const rest = candidates
    .filter((c) => !chosen.some((list) => keyOf(list) === keyOf(c)))
    .map((c) => ({ ...c, shown: false }));
  return [...shown, ...rest];
}

/** Writes the shown lists as `x-ui.related` (from the first edit on, the definition names them all). */
function write(entity: EntityDefinition, lists: RelatedListChoice[]): void {
  const related = lists
    .filter((l) => l.shown)
    .map(({ entity: id, via, columns }) => ({ entity: id, via, ...(columns && { columns }) }));
  entity['x-ui'] = { ...entity['x-ui'], related };
}

export function setRelatedShown(
  entity: EntityDefinition,
  entities: readonly EntityDefinition[],
  key: string,
  shown: boolean,
): void {
  const lists = relatedListsOf(entity, entities);
  const at = lists.findIndex((l) => keyOf(l) === key);
  if (at < 0) return;
  const [list] = lists.splice(at, 1);
  // A list shown again goes last among the shown ones; a hidden one joins the rest.
  const shownCount = lists.filter((l) => l.shown).length;
  lists.splice(shown ? shownCount : lists.length, 0, { ...list!, shown });
  write(entity, lists);
}

/** Moves a shown list one place up or down among the shown ones. */
export function moveRelated(
  entity: EntityDefinition,
  entities: readonly EntityDefinition[],
  key: string,
  delta: -1 | 1,
): void {
  const lists = relatedListsOf(entity, entities);
  const at = lists.findIndex((l) => keyOf(l) === key);
  const to = at + delta;
  if (at < 0 || !lists[at]!.shown || to < 0 || to >= lists.length || !lists[to]!.shown) return;
  [lists[at], lists[to]] = [lists[to]!, lists[at]!];
  write(entity, lists);
}

/** Sets a shown list's columns (undefined: back to the default). */
export function setRelatedColumns(
  entity: EntityDefinition,
  entities: readonly EntityDefinition[],
  key: string,
  columns: string[] | undefined,
): void {
  const lists = relatedListsOf(entity, entities).map((l) => {
    if (keyOf(l) !== key) return l;
    const { columns: _old, ...rest } = l;
    return columns && columns.length ? { ...rest, columns } : rest;
  });
  write(entity, lists);
}

/** Columns a list may show: the child's fields (not lists, not the link back), its stage, owner and times. */
export function columnCandidates(child: EntityDefinition, via: string): string[] {
  const own = Object.entries(child.properties)
    .filter(([name, field]) => name !== via && field.type !== 'array' && !field['x-ui']?.hidden)
    .sort(([, a], [, b]) => (a['x-ui']?.order ?? 999) - (b['x-ui']?.order ?? 999))
    .map(([name]) => name);
  return [...own, 'state', 'owner_id', 'created_at', 'updated_at'];
}

/** The runtime's default columns (runtime-ui RelatedTab.tsx `relatedColumns`): title, three ordered fields, updated. */
export function defaultRelatedColumns(child: EntityDefinition, via: string): string[] {
  const titleField = child['x-entity'].titleField;
  const rest = Object.entries(child.properties)
    .filter(
      ([name, def]) =>
        name !== titleField && name !== via && !def['x-ui']?.hidden && def.type !== 'array' && !def['x-multiline'],
    )
    .sort(([, a], [, b]) => (a['x-ui']?.order ?? 999) - (b['x-ui']?.order ?? 999))
    .slice(0, 3)
    .map(([name]) => name);
  return [titleField, ...rest, 'updated_at'];
}

/** At most this many columns (the meta-schema's maxItems). */
export const MAX_RELATED_COLUMNS = 8;

/** A related list by title: the entity's, with the linking field when the entity links here more than once. */
export function relatedTitle(
  list: { entity: string; via: string },
  lists: readonly { entity: string; via: string }[],
  entities: readonly EntityDefinition[],
  lang: Lang,
): string {
  const child = entities.find((e) => e.$id === list.entity);
  const title = child ? titleOf(child, lang, list.entity) : list.entity;
  const twice = lists.filter((l) => l.entity === list.entity).length > 1;
  if (!twice || !child) return title;
  const field = child.properties[list.via];
  return LAYOUT_MESSAGES[lang].relatedBy(title, field ? titleOf(field, lang, list.via) : list.via);
}

/** A column's title: a field's, or the stage / owner / times in words. */
export function columnTitle(child: EntityDefinition, column: string, lang: Lang): string {
  const field = child.properties[column];
  return field ? titleOf(field, lang, column) : (LAYOUT_MESSAGES[lang].systemColumns[column] ?? column);
}
