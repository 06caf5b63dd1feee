import type { Knex } from 'knex';
import type { Scope } from '../definitions/roles.js';
import { ForbiddenError, type Issue, issueOf } from '../errors.js';
import { forbidden } from '../permissions/forbidden.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { ownedPart, type EntityGrant } from '../permissions/entity-grant.js';
import { TEAM_MEMBERS, type SqlCondition } from '../permissions/scope-condition.js';
import type { Actor } from '../actor.js';
import { fieldTitleZh, notAField } from './query-params.js';
import { isRecordId, recordNotFound } from './record-id.js';
import { selectRecord } from './records-repo.js';
import { withoutStageHidden } from './stage-fields.js';
import { recordNames } from './serialize.js';
import type { RecordContext, RecordJson } from './types.js';

/** The entity as the context's actor sees it (hidden fields removed). */
export function viewOf(ctx: RecordContext): CompiledEntity {
  return ctx.access?.views.get(ctx.entity.id) ?? ctx.entity;
}

/** A record with only what the actor may see (and without what its stage hides). */
export function toVisible(ctx: RecordContext, stored: RecordJson): RecordJson {
  const record = withoutStageHidden(ctx.model, ctx.entity, stored);
  if (!ctx.access) return record;
  const visible: RecordJson = { id: record.id };
  for (const name of recordNames(viewOf(ctx))) if (name in record) visible[name] = record[name];
  return visible;
}

/** 403 unless the grant allows `action` on some records. */
export function requireAction(ctx: RecordContext, action: 'read' | 'create' | 'update' | 'delete'): void {
  if (ctx.access && ctx.access.grant(ctx.entity.id)[action] === 'none') {
    throw forbidden(ctx.entity, action);
  }
}

/**
 * Issues for fields the actor may not write: a hidden field is reported like a field that does not
 * exist (its existence is not revealed), a read-only one by name with the rule.
 */
export function fieldWriteIssues(
  grant: EntityGrant | undefined,
  entity: CompiledEntity,
  fields: Record<string, unknown>,
): Issue[] {
  if (!grant) return [];
  const issues: Issue[] = [];
  for (const name of Object.keys(fields)) {
    if (grant.hidden.has(name)) issues.push(issueOf(`/${name}`, 'additionalProperties', notAField(name, entity)));
    else if (grant.readOnly.has(name))
      issues.push(
        issueOf(`/${name}`, 'readOnly', {
          en: `"${name}" is read-only for your roles`,
          zh: `您的角色不能修改“${fieldTitleZh(entity, name)}”`,
        }),
      );
  }
  return issues;
}

/** 403 unless `ownerId` is a user the scope lets the actor give records to (own: self, team: the team). */
export async function requireOwnerInScope(
  knex: Knex,
  scope: Scope,
  actor: Actor,
  ownerId: string | null,
): Promise<void> {
  if (scope === 'all') return;
  const allowed =
    ownerId !== null &&
    (ownerId === actor.id ||
      (ownedPart(scope) === 'team' &&
        !!actor.orgUnitId &&
        (await knex.raw(`select 1 from (${TEAM_MEMBERS}) as m where m.id = ?`, [actor.orgUnitId, ownerId])).rows
          .length > 0));
  if (!allowed) {
    const team = ownedPart(scope) === 'team';
    throw new ForbiddenError(
      team
        ? { en: 'the owner must be a member of your team', zh: '负责人必须是您团队的成员' }
        : { en: 'you may only own the records you create or change', zh: '您只能把自己设为负责人' },
      {
        issues: [
          {
            pointer: '/owner_id',
            keyword: 'scope',
            message: `must be ${team ? 'a member of your team' : 'yourself'}`,
            i18n: team
              ? { en: 'must be a member of your team', zh: '必须是您团队的成员' }
              : { en: 'must be yourself', zh: '只能是您自己' },
          },
        ],
      },
    );
  }
}

/**
 * For actions on one existing record (events, history, audit): 404 unless the actor may read it,
 * then 403 unless `condition` (the action's scope) reaches it too. Two indexed lookups by id at most.
 */
export async function requireRecordInScope(
  ctx: RecordContext,
  id: string,
  condition: SqlCondition | undefined,
  action: string,
): Promise<void> {
  if (!isRecordId(id)) throw recordNotFound(ctx.entity, id);
  const read = ctx.access?.condition(ctx.entity.id, 'read');
  if (!(await selectRecord(ctx.knex, ctx.entity, { id, fields: ['id'], condition: read })))
    throw recordNotFound(ctx.entity, id);
  if (
    condition &&
    JSON.stringify(condition) !== JSON.stringify(read) &&
    !(await selectRecord(ctx.knex, ctx.entity, { id, fields: ['id'], condition }))
  ) {
    throw forbidden(ctx.entity, action, true);
  }
}
