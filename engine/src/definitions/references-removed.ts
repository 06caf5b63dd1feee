import type { DefinitionSet, SourceFiles } from './definition-set.js';
import type { Issue } from '../errors.js';
import { findFieldReferences, findStateReferences, listReferences, type Reference } from './references.js';

type Json = Record<string, unknown>;

/**
 * One issue per field or state that `next` removes from the published `before` while `next` still names
 * it, at the removed item's pointer and listing every reference by title. Validation alone would report
 * each dangling name where it sits, by id; the admin who deleted the field needs the list in one place.
 * A field or state renamed (x-renamedFrom, meta.renamedFrom) is not removed.
 */
export function checkRemovedReferences(before: DefinitionSet, next: DefinitionSet, files: SourceFiles = {}): Issue[] {
  const issues: Issue[] = [];
  (next.entities as unknown as Json[]).forEach((entity, index) => {
    const id = entity?.$id;
    const previous = (before.entities as unknown as Json[]).find((e) => e.$id === id);
    if (typeof id !== 'string' || !previous) return;
    const kept = properties(entity);
    const renamed = new Set(Object.values(kept).map((f) => (f as Json)?.['x-renamedFrom']));
    for (const [name, def] of Object.entries(properties(previous))) {
      if (name in kept || renamed.has(name)) continue;
      const refs = findFieldReferences(next, id, name);
      if (!refs.length) continue;
      const title = titleOf((def as Json)?.['x-i18n'], (def as Json)?.title, name);
      issues.push(
        removedIssue(
          files[`entity:${id}`] ?? `entities[${index}]`,
          `/properties/${token(name)}`,
          'referencedField',
          refs,
          {
            en: `field "${title.en}" cannot be removed while it is used`,
            zh: `字段「${title.zh}」仍被使用，不能删除`,
          },
        ),
      );
    }
  });
  (next.workflows as unknown as Json[]).forEach((workflow, index) => {
    const id = workflow?.id;
    const previous = (before.workflows as unknown as Json[]).find((w) => w.id === id);
    if (typeof id !== 'string' || !previous) return;
    const kept = states(workflow);
    const renamed = new Set(Object.values(kept).map((s) => ((s as Json)?.meta as Json | undefined)?.renamedFrom));
    for (const [name, def] of Object.entries(states(previous))) {
      if (name in kept || renamed.has(name)) continue;
      const refs = findStateReferences(next, id, name).filter((r) => !r.soft);
      if (!refs.length) continue;
      const title = titleOf((def as Json)?.meta, undefined, name);
      issues.push(
        removedIssue(
          files[`workflow:${id}`] ?? `workflows[${index}]`,
          `/states/${token(name)}`,
          'referencedState',
          refs,
          {
            en: `stage "${title.en}" cannot be removed while it is used`,
            zh: `阶段「${title.zh}」仍被使用，不能删除`,
          },
        ),
      );
    }
  });
  return issues;
}

function removedIssue(
  file: string,
  pointer: string,
  keyword: string,
  refs: Reference[],
  head: { en: string; zh: string },
): Issue {
  const list = listReferences(refs);
  const i18n = { en: `${head.en}: ${list.en}`, zh: `${head.zh}：${list.zh}` };
  return { file, pointer, keyword, message: i18n.en, i18n, params: { references: refs } };
}

function properties(entity: unknown): Json {
  const p = (entity as Json | undefined)?.properties;
  return p && typeof p === 'object' ? (p as Json) : {};
}

function states(workflow: unknown): Json {
  const s = (workflow as Json | undefined)?.states;
  return s && typeof s === 'object' ? (s as Json) : {};
}

/** A title in both languages from `{ title: { zh, en } }` (x-i18n or a state's meta), else the plain title or the name. */
function titleOf(holder: unknown, plain: unknown, name: string): { en: string; zh: string } {
  const title = (holder as Json | undefined)?.title;
  if (typeof title === 'string') return { en: title, zh: title };
  const t = (title ?? {}) as Json;
  const fallback = typeof plain === 'string' ? plain : name;
  return {
    en: typeof t.en === 'string' ? t.en : fallback,
    zh: typeof t.zh === 'string' ? t.zh : fallback,
  };
}

function token(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
