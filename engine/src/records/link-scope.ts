import type { Knex } from 'knex';
import { ValidationError, type Issue } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { attributesOf } from './attributes.js';
import { UUID_RE } from '@lodestar/core';
import { quoteIdent } from './quote-ident.js';
import { linkIds } from './link-attributes.js';
import type { RecordJson } from './types.js';

/**
 * A link may point only at a record its writer may read. Every id a write links to (many-to-one and
 * many-to-many) is looked up in one statement per related entity, within the writer's read scope:
 * an id outside it gets exactly the 422 a made-up id gets, so links cannot probe for records.
 * Ids the stored record already holds are not judged again (an administrator may have linked them).
 */
export async function requireReadableLinks(
  db: Knex,
  sight: ModelAccess,
  entity: CompiledEntity,
  fields: Record<string, unknown>,
  stored?: RecordJson,
): Promise<void> {
  const wanted = new Map<string, { target: string; ids: Set<string> }>();
  const { byName } = attributesOf(entity);
  for (const [name, value] of Object.entries(fields)) {
    const target = byName.get(name)?.target;
    if (!target || value === null || value === undefined) continue;
    const before = new Set(toIds(stored?.[name]));
    const ids = toIds(value).filter((id) => UUID_RE.test(id) && !before.has(id));
    if (ids.length) wanted.set(name, { target, ids: new Set(ids) });
  }
  if (!wanted.size) return;
  const byTarget = new Map<string, Set<string>>();
  for (const { target, ids } of wanted.values())
    byTarget.set(target, new Set([...(byTarget.get(target) ?? []), ...ids]));
  const found = new Set<string>();
  for (const [target, ids] of byTarget) {
    for (const id of await readableIds(db, sight, target, [...ids])) found.add(`${target}:${id}`);
  }
  const issues: Issue[] = [...wanted]
    .filter(([, { target, ids }]) => [...ids].some((id) => !found.has(`${target}:${id}`)))
    .map(([name]) => missingLink(name));
  if (issues.length) throw linkError(issues);
}

/** The ids among `ids` that exist and that `sight` may read. */
async function readableIds(db: Knex, sight: ModelAccess, target: string, ids: string[]): Promise<string[]> {
  const condition = sight.condition(target, 'read', 't');
  const where = condition ? ` and (${condition.sql})` : '';
  const sql = `select t.id from ${quoteIdent(target)} as t where t.id in (${ids.map(() => '?').join(', ')})${where}`;
  const { rows } = (await db.raw(sql, [...ids, ...(condition?.bindings ?? [])] as Knex.RawBinding[])) as {
    rows: { id: string }[];
  };
  return rows.map((row) => row.id);
}

function toIds(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return linkIds(value);
}

/** The one answer for a link to a record that does not exist or that the writer may not see. */
export function missingLink(field: string): Issue {
  return {
    pointer: `/${field}`,
    keyword: 'relation',
    message: 'must be an existing record you may see',
    i18n: { en: 'must be an existing record you may see', zh: '关联的记录不存在或无权访问' },
  };
}

export function linkError(issues: Issue[]): ValidationError {
  return new ValidationError(
    { en: 'a linked record does not exist or is not visible to you', zh: '关联的记录不存在或无权访问' },
    { issues },
  );
}
