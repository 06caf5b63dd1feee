import type { Knex } from 'knex';
import { jsonParam } from '../audit/audit-sql.js';
import type { OnDelete } from '../definitions/entity.js';
import { ConflictError } from '../errors.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import type { ModelAccess } from '../permissions/model-access.js';
import type { JunctionSpec } from '../schema/table-spec.js';
import { auditPart, deletedChanges, updatedChanges, withAudit, type AuditWho } from './audit-parts.js';
import { forgetRow } from './row-cache.js';
import { quoteIdent } from './quote-ident.js';
import { toSelectSql } from './to-sql.js';
import { UUID_RE } from '@lodestar/core';

/** A many-to-one field of `entity` pointing at the deleted entity, and what its `onDelete` says. */
interface Reference {
  entity: CompiledEntity;
  field: string;
  onDelete: OnDelete;
}

/** A many-to-many field of `entity` whose links (in `junction`) point at the deleted entity. */
interface LinkReference {
  entity: CompiledEntity;
  field: string;
  junction: JunctionSpec;
}

interface Dependents {
  references: Reference[];
  links: LinkReference[];
}

/** Who deletes: the audit trail's actor and, when restricted, the scopes a cascade must stay within. */
export interface Deleter {
  who: AuditWho;
  access?: ModelAccess | undefined;
}

const byModel = new WeakMap<Model, Map<string, Dependents>>();

/** The fields of every entity that point at `entityId` (computed once per model). */
export function dependentsOf(model: Model, entityId: string): Dependents {
  let perModel = byModel.get(model);
  if (!perModel) byModel.set(model, (perModel = new Map()));
  let found = perModel.get(entityId);
  if (!found) {
    found = { references: [], links: [] };
    for (const entity of model.entities.values()) {
      for (const column of entity.table.columns) {
        if (column.references?.table === entityId)
          found.references.push({ entity, field: column.name, onDelete: column.references.onDelete });
      }
      for (const junction of entity.table.junctions) {
        if (junction.target === entityId) found.links.push({ entity, field: junction.field, junction });
      }
    }
    perModel.set(entityId, found);
  }
  return found;
}

/** Whether deleting a record of `entityId` changes or is refused by other records. */
export function hasDependents(model: Model, entityId: string): boolean {
  const { references, links } = dependentsOf(model, entityId);
  return references.length > 0 || links.length > 0;
}

/**
 * Does, in the engine and in the caller's transaction, what the foreign keys' ON DELETE would do
 * silently, so every record it changes gets its version bump and its audit row with the actor:
 * `restrict` refuses (409 naming what still refers), `cascade` deletes the referring records (first
 * their own dependents, recursively), `setNull` clears the field, and many-to-many links to the
 * deleted records are removed from the records holding them. A cascade never deletes what the
 * actor could not delete themselves: it is refused with 409 instead. Clearing a link to a record
 * that no longer exists is not the actor's change of the other record's content, so it needs no
 * update right there (it is audited all the same).
 */
export async function deleteDependents(
  trx: Knex,
  model: Model,
  entity: CompiledEntity,
  ids: string[],
  deleter: Deleter,
  seen = new Set<string>(),
): Promise<void> {
  for (const id of ids) seen.add(`${entity.id}:${id}`);
  const { references, links } = dependentsOf(model, entity.id);
  for (const reference of references.filter((r) => r.onDelete === 'restrict')) {
    const count = await countReferring(trx, reference, ids, seen);
    if (count) throw stillReferenced(entity, reference);
  }
  for (const reference of references.filter((r) => r.onDelete === 'cascade')) {
    const scope = deleter.access?.condition(reference.entity.id, 'delete');
    const forbidden = scope ? await countReferring(trx, reference, ids, seen, scope) : 0;
    if (forbidden) throw cascadeForbidden(entity, reference);
    const childIds = (await referring(trx, reference, ids)).filter((id) => !seen.has(`${reference.entity.id}:${id}`));
    if (!childIds.length) continue;
    await deleteDependents(trx, model, reference.entity, childIds, deleter, seen);
    await deleteAll(trx, reference.entity, childIds, deleter.who, {
      cascadeFrom: { entity: entity.id, field: reference.field },
    });
  }
  for (const reference of references.filter((r) => r.onDelete === 'setNull'))
    await clearReferences(trx, reference, ids, deleter.who);
  for (const link of links) await removeLinks(trx, link, ids, deleter.who);
}

/** Records (other than those being deleted) whose `field` points at one of `ids`; with `within`, only those outside it. */
async function countReferring(
  trx: Knex,
  reference: Reference,
  ids: string[],
  seen: Set<string>,
  within?: { sql: string; bindings: unknown[] },
): Promise<number> {
  // coalesce: a record without an owner is outside every owner-based scope.
  const scope = within ? ` and not coalesce((${within.sql}), false)` : '';
  const sql = `select t.id from ${quoteIdent(reference.entity.table.name)} as t where t.${quoteIdent(reference.field)} in (${marks(ids)})${scope}`;
  const { rows } = (await trx.raw(sql, [...ids, ...(within?.bindings ?? [])] as Knex.RawBinding[])) as {
    rows: { id: string }[];
  };
  return rows.filter((row) => !seen.has(`${reference.entity.id}:${row.id}`)).length;
}

async function referring(trx: Knex, reference: Reference, ids: string[]): Promise<string[]> {
  const sql = `select t.id from ${quoteIdent(reference.entity.table.name)} as t where t.${quoteIdent(reference.field)} in (${marks(ids)}) for update of t`;
  return ((await trx.raw(sql, ids)) as { rows: { id: string }[] }).rows.map((row) => row.id);
}

/** Deletes records by id with one `delete` audit row each (their values, and why: the cascade). */
async function deleteAll(
  trx: Knex,
  entity: CompiledEntity,
  ids: string[],
  who: AuditWho,
  detail: unknown,
): Promise<void> {
  const sql = `delete from ${quoteIdent(entity.table.name)} as t where t.id in (${marks(ids)}) returning ${toSelectSql(entity)}`;
  const statement = withAudit({ sql, bindings: ids }, (source) =>
    auditPart(source, entity, 'delete', who, deletedChanges(source), jsonParam(detail)),
  );
  await trx.raw(statement.sql, statement.bindings as Knex.RawBinding[]);
  for (const id of ids) forgetRow(entity, id);
}

/** `setNull`: clears the field on every referring record, bumping its version, one `update` audit row each. */
async function clearReferences(trx: Knex, reference: Reference, ids: string[], who: AuditWho): Promise<void> {
  const { entity, field } = reference;
  const stamp = isUuid(who.actorId) ? ', updated_by = ?' : '';
  const sql =
    `update ${quoteIdent(entity.table.name)} as t set ${quoteIdent(field)} = null, version = t.version + 1, updated_at = now()${stamp} ` +
    `where t.${quoteIdent(field)} in (${marks(ids)}) returning t.id, t.${quoteIdent(field)}`;
  const bindings = [...(stamp ? [who.actorId] : []), ...ids];
  const statement = withAudit({ sql, bindings }, (source) =>
    auditPart(
      source,
      entity,
      'update',
      who,
      updatedChanges(entity, source, [field]),
      jsonParam({ referenceDeleted: true }),
    ),
  );
  const { rows } = (await trx.raw(statement.sql, statement.bindings as Knex.RawBinding[])) as {
    rows: { id: string }[];
  };
  for (const row of rows) forgetRow(entity, row.id);
}

/**
 * Removes many-to-many links to the deleted records: each record holding one gets a version bump and
 * an `update` audit row with the field's ids before and after; the junction rows go in the same statement.
 */
async function removeLinks(trx: Knex, link: LinkReference, ids: string[], who: AuditWho): Promise<void> {
  const { entity, field, junction } = link;
  const table = quoteIdent(junction.name);
  const stamp = isUuid(who.actorId) ? ', updated_by = ?' : '';
  const sql =
    `update ${quoteIdent(entity.table.name)} as t set version = t.version + 1, updated_at = now()${stamp} ` +
    `where t.id in (select j.source_id from ${table} as j where j.target_id in (${marks(ids)})) returning t.id`;
  const linked = (source: string, without: boolean) =>
    `(select coalesce(jsonb_agg(j.target_id order by j.position), '[]'::jsonb) from ${table} as j where j.source_id = ${source}.id` +
    (without ? ` and j.target_id not in (${marks(ids)}))` : ')');
  const statement = withAudit({ sql, bindings: [...(stamp ? [who.actorId] : []), ...ids] }, (source) =>
    auditPart(
      source,
      entity,
      'update',
      who,
      {
        sql: `jsonb_build_object(?::text, jsonb_build_array(${linked(source, false)}, ${linked(source, true)}))`,
        bindings: [field, ...ids],
      },
      jsonParam({ referenceDeleted: true }),
    ),
  );
  const { rows } = (await trx.raw(statement.sql, statement.bindings as Knex.RawBinding[])) as {
    rows: { id: string }[];
  };
  for (const row of rows) forgetRow(entity, row.id);
  await trx.raw(`delete from ${table} where target_id in (${marks(ids)})`, ids);
}

// Neither refusal says how many records are in the way: some of them may be outside the actor's read scope.
function stillReferenced(entity: CompiledEntity, reference: Reference): ConflictError {
  return new ConflictError(
    {
      en: `this ${titleOf(entity, 'en')} record is still referenced by ${titleOf(reference.entity, 'en')} records; change or delete them first`,
      zh: `该${titleOf(entity)}仍被${titleOf(reference.entity)}记录引用，请先修改或删除这些记录`,
    },
    { extra: { referencedBy: { entity: reference.entity.id, field: reference.field } } },
  );
}

function cascadeForbidden(entity: CompiledEntity, reference: Reference): ConflictError {
  return new ConflictError(
    {
      en: `deleting this ${titleOf(entity, 'en')} record would also delete ${titleOf(reference.entity, 'en')} records you may not delete; ask someone who may`,
      zh: `删除该${titleOf(entity)}会连带删除您无权删除的${titleOf(reference.entity)}记录，请联系有权限的同事处理`,
    },
    { extra: { referencedBy: { entity: reference.entity.id, field: reference.field } } },
  );
}

function titleOf(entity: CompiledEntity, lang: 'zh' | 'en' = 'zh'): string {
  return entity.definition['x-i18n']?.title?.[lang] ?? entity.definition.title;
}

function marks(ids: string[]): string {
  return ids.map(() => '?').join(', ');
}

function isUuid(id: string | null | undefined): id is string {
  return typeof id === 'string' && UUID_RE.test(id);
}
