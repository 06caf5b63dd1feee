import type { DefinitionSet, EntityDefinition } from '@lodestar/core';
import { pick, titleOf, type Lang } from '@lodestar/ui-shared';

/*
 * The choices a guard's or action's params offer, by title, so the workflow editor never asks for an id:
 * entities, the relation fields between two of them, many-to-one paths, roles, record types and events.
 */

export interface ParamOption {
  value: string;
  label: string;
}

type Entities = readonly EntityDefinition[];

const find = (entities: Entities, id: string | undefined) => (id ? entities.find((e) => e.$id === id) : undefined);

/** Every entity, by title. */
export function entityOptions(entities: Entities, lang: Lang): ParamOption[] {
  return entities.map((e) => ({ value: e.$id, label: titleOf(e, lang, e.$id) }));
}

/** The many-to-one fields of `entity` (any target, or only those pointing at `target`), by title. */
export function relationOptions(
  entities: Entities,
  entity: string | undefined,
  target: string | undefined,
  lang: Lang,
): ParamOption[] {
  const definition = find(entities, entity);
  if (!definition) return [];
  return Object.entries(definition.properties)
    .filter(([, field]) => field.type === 'string' && field['x-relation'])
    .filter(([, field]) => target === undefined || field['x-relation']?.entity === target)
    .map(([name, field]) => ({ value: name, label: titleOf(field, lang, name) }));
}

/** The fields of `entity` a workflow may write: every field but computed ones (formulas, roll-ups, auto numbers). */
export function writableFieldOptions(entities: Entities, entity: string | undefined, lang: Lang): ParamOption[] {
  const definition = find(entities, entity);
  if (!definition) return [];
  return Object.entries(definition.properties)
    .filter(([, field]) => !field['x-formula'] && !field['x-rollup'] && !field['x-sequence'])
    .map(([name, field]) => ({ value: name, label: titleOf(field, lang, name) }));
}

/**
 * Many-to-one paths from `entity` (`account`, `account.parent`), at most `depth` steps, by title
 * ("客户 › 上级客户"): a parent an action updates or sends an event to.
 */
export function pathOptions(entities: Entities, entity: string | undefined, lang: Lang, depth = 2): ParamOption[] {
  const out: ParamOption[] = [];
  const walk = (at: string | undefined, path: string, label: string, left: number, seen: string[]) => {
    const definition = find(entities, at);
    if (!definition || left === 0) return;
    for (const [name, field] of Object.entries(definition.properties)) {
      const target = field.type === 'string' ? field['x-relation']?.entity : undefined;
      if (!target) continue;
      const nextPath = path ? `${path}.${name}` : name;
      const nextLabel = label ? `${label} › ${titleOf(field, lang, name)}` : titleOf(field, lang, name);
      out.push({ value: nextPath, label: nextLabel });
      if (!seen.includes(target)) walk(target, nextPath, nextLabel, left - 1, [...seen, target]);
    }
  };
  walk(entity, '', '', depth, entity ? [entity] : []);
  return out;
}

/** The entity a many-to-one path from `entity` ends at (undefined when a step is not a relation). */
export function entityAtPath(entities: Entities, entity: string | undefined, path: string): string | undefined {
  let at = entity;
  for (const step of path.split('.')) {
    const field = find(entities, at)?.properties[step];
    at = field?.type === 'string' ? field['x-relation']?.entity : undefined;
    if (!at) return undefined;
  }
  return at;
}

/** The record types of `entity`, by title. */
export function recordTypeOptions(entities: Entities, entity: string | undefined, lang: Lang): ParamOption[] {
  const types = find(entities, entity)?.['x-entity'].recordTypes ?? {};
  return Object.entries(types).map(([key, type]) => ({ value: key, label: pick(type.title, lang) || key }));
}

/** The roles of the draft (not the built-in admin), by title. */
export function roleOptions(set: DefinitionSet, lang: Lang): ParamOption[] {
  const roles = (set.roles as { roles?: Record<string, { title?: unknown }> } | undefined)?.roles ?? {};
  return Object.entries(roles).map(([id, role]) => ({
    value: id,
    label: pick(role.title as Parameters<typeof pick>[0], lang) || id,
  }));
}

/** The events the workflows bound to `entity` take, by their transitions' titles (the first titled one wins). */
export function eventOptions(set: DefinitionSet, entity: string | undefined, lang: Lang): ParamOption[] {
  const titles = new Map<string, string>();
  for (const workflow of set.workflows) {
    if (!entity || workflow.meta.entity !== entity) continue;
    for (const state of Object.values(workflow.states)) {
      for (const [event, transition] of Object.entries((state as { on?: Record<string, unknown> }).on ?? {})) {
        const title = (Array.isArray(transition) ? transition : [transition])
          .map((t) => (t && typeof t === 'object' ? (t as { meta?: { title?: unknown } }).meta?.title : undefined))
          .map((t) => pick(t as Parameters<typeof pick>[0], lang))
          .find(Boolean);
        if (!titles.get(event)) titles.set(event, title ?? '');
      }
    }
  }
  return [...titles].map(([value, title]) => ({ value, label: title || value }));
}

/** The options, plus the current value when none of them holds it (kept visible, marked, rather than lost). */
export function withValue(options: ParamOption[], value: unknown): ParamOption[] {
  const current = (Array.isArray(value) ? value : value ? [value] : []).map(String);
  const missing = current.filter((v) => !options.some((o) => o.value === v));
  return [...options, ...missing.map((v) => ({ value: v, label: `${v} ⚠` }))];
}

/** A `copy` as rows of (target field, source field): a list copies same-named fields. */
export function copyRows(value: unknown): [string, string][] {
  if (Array.isArray(value)) return value.map((name) => [String(name), String(name)]);
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).map(([to, from]) => [to, String(from)]);
  return [];
}

/** The `copy` rows stand for: a list when each pair names one field twice, else a map; undefined for none. */
export function copyParam(rows: [string, string][]): string[] | Record<string, string> | undefined {
  const complete = rows.filter(([to, from]) => to && from);
  if (!complete.length) return undefined;
  return complete.every(([to, from]) => to === from) ? complete.map(([to]) => to) : Object.fromEntries(complete);
}

/** One row of a new record's `values`: a field and a fixed value, or where its value comes from. */
export interface ValueRow {
  field: string;
  fixed?: string;
  /** `record.<field>`, `actor.id` or `now`. */
  from?: string;
}

export function valueRows(value: unknown): ValueRow[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([field, v]) =>
    v && typeof v === 'object' && typeof (v as { from?: unknown }).from === 'string'
      ? { field, from: (v as { from: string }).from }
      : { field, fixed: typeof v === 'string' ? v : JSON.stringify(v) },
  );
}

/** The `values` rows stand for: a fixed value typed as a number or true/false is kept as one. */
export function valueParam(rows: ValueRow[]): Record<string, unknown> | undefined {
  const named = rows.filter((r) => r.field);
  if (!named.length) return undefined;
  return Object.fromEntries(
    named.map((r) => [r.field, r.from !== undefined ? { from: r.from } : typedValue(r.fixed ?? '')]),
  );
}

function typedValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed !== '' && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}

/** The line-item lists of `entity` (quote.lines): each list's name, its child entity, titled by the child. */
export function lineListOptions(
  entities: Entities,
  entity: string | undefined,
  lang: Lang,
): (ParamOption & { child: string })[] {
  if (!entity) return [];
  const out: (ParamOption & { child: string })[] = [];
  for (const child of entities)
    for (const field of Object.values(child.properties)) {
      const relation = field.type === 'string' ? field['x-relation'] : undefined;
      if (relation?.entity === entity && relation.items)
        out.push({ value: relation.items, label: titleOf(child, lang, child.$id), child: child.$id });
    }
  return out;
}
