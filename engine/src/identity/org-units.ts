import { randomUUID } from 'node:crypto';
import type { OrgUnit } from '@lodestar/core';
import type { Knex } from 'knex';
import { AUDIT_OBJECTS, changedFields, type AuditContext } from '../audit/audit-entry.js';
import { insertAudit } from '../audit/audit-repo.js';
import { NotFoundError, ValidationError, issueOf } from '../errors.js';
import { isSameOrBelow } from './org-cycles.js';
import {
  findOrgUnitPath,
  findOrgUnitRow,
  insertOrgUnitRow,
  listOrgUnitRows,
  lockOrgTree,
  moveOrgUnitRows,
  orgUnitIdsUnder,
} from './users-repo.js';

/** One unit of the company tree (company → department → team): core's OrgUnit. */
export type OrgUnitJson = OrgUnit;

/** Creates a unit under `parentId` (none: a root); its path extends the parent's; audited as 'create' in the same transaction. */
export async function createOrgUnit(
  knex: Knex,
  unit: { name?: unknown; parentId?: unknown },
  context: AuditContext = { actorId: null },
): Promise<OrgUnitJson> {
  if (typeof unit.name !== 'string' || !unit.name.trim() || unit.name.length > 200) {
    throw new ValidationError(
      { en: 'an org unit needs a name', zh: '部门需要名称' },
      {
        issues: [
          issueOf('/name', 'required', { en: 'is required (up to 200 characters)', zh: '必须填写（最多 200 个字符）' }),
        ],
      },
    );
  }
  const parentId = unit.parentId ?? null;
  return knex.transaction(async (trx) => {
    let prefix = '/';
    if (parentId !== null) {
      const parent =
        typeof parentId === 'string' && /^[0-9a-f-]{36}$/i.test(parentId)
          ? await findOrgUnitPath(trx, parentId)
          : undefined;
      if (parent === undefined)
        throw new ValidationError(
          { en: 'the parent org unit does not exist', zh: '上级部门不存在' },
          {
            issues: [issueOf('/parentId', 'relation', { en: 'must be an existing org unit', zh: '必须是已有的部门' })],
          },
        );
      prefix = parent;
    }
    const id = randomUUID();
    const row = await insertOrgUnitRow(trx, {
      id,
      parent_id: parentId,
      name: unit.name!.toString().trim(),
      path: `${prefix}${id}/`,
    });
    const created = toOrgUnitJson(row);
    const changes = changedFields(null, { ...created }, ['name', 'parentId', 'path']);
    await insertAudit(trx, [
      {
        actorId: context.actorId,
        entity: AUDIT_OBJECTS.orgUnit,
        recordId: id,
        action: 'create',
        changes,
        requestId: context.requestId ?? null,
      },
    ]);
    return created;
  });
}

/**
 * Renames a unit or moves it (with everything below it) under another parent, or to the top with
 * `parentId: null`. A move under itself or under one of its own units is refused naming both units (422 at
 * `/parentId`); moves are serialized by a lock on the tree. Audited as 'update' in the same transaction.
 */
export async function updateOrgUnit(
  knex: Knex,
  id: string,
  patch: { name?: unknown; parentId?: unknown },
  context: AuditContext,
): Promise<OrgUnitJson> {
  if (patch.name !== undefined && (typeof patch.name !== 'string' || !patch.name.trim() || patch.name.length > 200))
    throw new ValidationError(
      { en: 'an org unit needs a name', zh: '部门需要名称' },
      {
        issues: [
          issueOf('/name', 'required', { en: 'is required (up to 200 characters)', zh: '必须填写（最多 200 个字符）' }),
        ],
      },
    );
  return knex.transaction(async (trx) => {
    await lockOrgTree(trx);
    const row = await findOrgUnitRow(trx, id, 'update');
    if (!row) throw new NotFoundError({ en: 'no such org unit', zh: '没有这个部门' });
    const before = toOrgUnitJson(row);
    const parentId = patch.parentId === undefined ? before.parentId : ((patch.parentId as string | null) ?? null);
    let path = before.path;
    if (parentId !== before.parentId) {
      let prefix = '/';
      if (parentId !== null) {
        const parent = /^[0-9a-f-]{36}$/i.test(parentId) ? await findOrgUnitRow(trx, parentId) : undefined;
        if (!parent)
          throw new ValidationError(
            { en: 'the parent org unit does not exist', zh: '上级部门不存在' },
            {
              issues: [
                issueOf('/parentId', 'relation', { en: 'must be an existing org unit', zh: '必须是已有的部门' }),
              ],
            },
          );
        if (isSameOrBelow(before.path, parent.path as string)) {
          const target = String(parent.name);
          const text =
            parent.id === id
              ? { en: `${before.name} cannot be placed under itself`, zh: `「${before.name}」不能放在自己下面` }
              : {
                  en: `${before.name} cannot be placed under ${target}: ${target} is inside ${before.name}`,
                  zh: `「${before.name}」不能放到「${target}」下面：「${target}」本身就在「${before.name}」之下`,
                };
          throw new ValidationError(text, { issues: [issueOf('/parentId', 'orgUnitCycle', text)] });
        }
        prefix = parent.path as string;
      }
      path = `${prefix}${id}/`;
    }
    const name = typeof patch.name === 'string' ? patch.name.trim() : undefined;
    const updated = toOrgUnitJson(
      await moveOrgUnitRows(trx, id, {
        parentId,
        oldPath: before.path,
        newPath: path,
        ...(name !== undefined && { name }),
      }),
    );
    const changes = changedFields({ ...before }, { ...updated }, ['name', 'parentId', 'path']);
    if (Object.keys(changes).length)
      await insertAudit(trx, [
        {
          actorId: context.actorId,
          entity: AUDIT_OBJECTS.orgUnit,
          recordId: id,
          action: 'update',
          changes,
          requestId: context.requestId ?? null,
        },
      ]);
    return updated;
  });
}

export async function listOrgUnits(knex: Knex): Promise<OrgUnitJson[]> {
  return (await listOrgUnitRows(knex)).map(toOrgUnitJson);
}

/** The unit's id and every unit below it. */
export async function unitAndBelow(knex: Knex, id: string): Promise<string[]> {
  const path = await findOrgUnitPath(knex, id);
  if (path === undefined) throw new NotFoundError({ en: 'no such org unit', zh: '没有这个部门' });
  return orgUnitIdsUnder(knex, path);
}

function toOrgUnitJson(row: Record<string, unknown>): OrgUnitJson {
  return {
    id: row.id as string,
    parentId: (row.parent_id as string | null) ?? null,
    name: row.name as string,
    path: row.path as string,
  };
}
