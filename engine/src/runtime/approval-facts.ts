import type { Knex } from 'knex';
import { UUID_RE } from '@lodestar/core';
import type { Actor } from '../actor.js';
import { findUserById } from '../identity/users-repo.js';
import { approvalPlanOf, type Principal } from '../workflow/approval-plan.js';
import type { ApproverFacts } from '../workflow/approval-decide.js';
import type { CompiledWorkflow } from '../workflow/compile-machine.js';
import type { Approval } from '../workflow/reference.js';
import { delegatorIds } from './approval-delegations-repo.js';
import { approvalsSince } from './history-repo.js';
import { usesApprovals } from './timer-rows.js';

/** What `decide` needs to judge approvals in a record's state, as loaded for it. */
export interface ApprovalFacts {
  approvals?: Approval[];
  approvers?: ApproverFacts;
}

/**
 * Loads the decisions since the record entered its state (when a guard reads them or the state's approval
 * has steps), the owner's manager (when a step names them) and the actor's active delegators with their
 * roles. States without an approval read nothing more than before.
 */
export async function loadApprovalFacts(
  db: Knex,
  at: {
    compiled: CompiledWorkflow;
    state: string;
    entity: string;
    record: Record<string, unknown>;
    actor: Actor;
    now: Date;
  },
): Promise<ApprovalFacts> {
  const { compiled, record } = at;
  const plan = approvalPlanOf(compiled.definition.states[at.state]);
  const id = record.id as string;
  const entered = record.state_entered_at ? new Date(record.state_entered_at as string) : null;
  const approvals =
    usesApprovals(compiled) || (plan && !plan.single) ? await approvalsSince(db, at.entity, id, entered) : undefined;
  if (!plan) return approvals ? { approvals } : {};
  const needsManager = plan.steps.some((step) => 'ownerManager' in step.approver);
  const [ownerManagerId, delegators] = await Promise.all([
    needsManager ? managerOf(db, record.owner_id) : undefined,
    delegatorsOf(db, at.actor, at.now),
  ]);
  const approvers: ApproverFacts = {
    ...(ownerManagerId !== undefined && { ownerManagerId }),
    ...(delegators.length > 0 && { delegators }),
  };
  return { ...(approvals && { approvals }), approvers };
}

async function managerOf(db: Knex, ownerId: unknown): Promise<string | null> {
  if (typeof ownerId !== 'string') return null;
  const owner = await findUserById(db, ownerId);
  return (owner?.manager_id as string | null | undefined) ?? null;
}

/** The active users who handed their approvals to the actor for a period holding `now`, with their roles. */
export async function delegatorsOf(db: Knex, actor: Pick<Actor, 'id'>, now: Date): Promise<Principal[]> {
  if (!UUID_RE.test(actor.id)) return [];
  const ids = await delegatorIds(db, actor.id, now);
  const users = await Promise.all(ids.map((id) => findUserById(db, id)));
  return users
    .filter((user) => user && user.active !== false)
    .map((user) => ({ id: user!.id as string, roles: (user!.roles as string[] | null) ?? [] }));
}
