import type { WordedPlan } from '@lodestar/core';
import type { Knex } from 'knex';
import { AUDIT_OBJECTS } from '../audit/audit-entry.js';
import { insertAudit } from '../audit/audit-repo.js';
import {
  hashDefinitionSet,
  toCanonicalSet,
  type DefinitionSet,
  type SourceFiles,
} from '../definitions/definition-set.js';
import { ConflictError } from '../errors.js';
import { applySteps } from '../migrate/apply-plan.js';
import type { Plan, StepKind } from '../migrate/plan.js';
import type { StateMapping } from '../migrate/state-mapping.js';
import { insertVersion, lockVersions, readLatestVersionNumber, readVersion } from '../db/definitions-repo.js';
import { planChange } from './plan-change.js';

export interface PublishRequest {
  definitions: DefinitionSet;
  /** Where it came from: 'folder', 'draft', 'template', 'rollback', 'api'. */
  source: string;
  allowDestructive?: boolean;
  /** Where records of removed workflow states go: workflow id → removed state → target state. */
  stateMapping?: StateMapping;
  /** The version the author planned against; a newer publish in between is a conflict. */
  baseVersion?: number;
  note?: string;
  publishedBy?: string | null;
  /** The HTTP request that asked for the publish, kept on its audit row. */
  requestId?: string;
  files?: SourceFiles;
  /** Runs inside the publish transaction after the version row is written (e.g. record the seed hash). */
  alsoInTransaction?: (trx: Knex.Transaction, version: number) => Promise<void>;
}

export interface PublishResult {
  version: number;
  plan: WordedPlan;
}

/**
 * Validates, plans and applies a new model version in ONE transaction: the DDL steps, the data
 * changes of confirmed destructive steps, records moved out of removed workflow states (with their
 * history rows), the immutable version row and its audit row commit together or not at all.
 */
export async function publish(knex: Knex, request: PublishRequest): Promise<PublishResult> {
  const definitions = toCanonicalSet(request.definitions);
  return knex.transaction(async (trx) => {
    await lockVersions(trx);
    // A stale draft is a conflict before anything else (its state mapping was made for another version).
    const latest = (await readLatestVersionNumber(trx)) ?? 0;
    if (request.baseVersion !== undefined && request.baseVersion !== latest) {
      throw new ConflictError({
        en: `the model was published as version ${latest} after this draft was based on version ${request.baseVersion}; re-plan`,
        zh: `此草稿基于版本 ${request.baseVersion}，之后模型已发布为版本 ${latest}，请重新生成计划`,
      });
    }
    const plan = await planChange(trx, definitions, request.files, { stateMapping: request.stateMapping ?? {} });
    const version = plan.baseVersion + 1;
    await applySteps(trx, plan.steps, {
      allowDestructive: request.allowDestructive ?? false,
      version,
      actorId: request.publishedBy ?? null,
    });
    const hash = hashDefinitionSet(definitions);
    const before = plan.baseVersion > 0 ? await readVersion(trx, plan.baseVersion) : undefined;
    await insertVersion(trx, {
      version,
      hash,
      definitions,
      plan,
      source: request.source,
      note: request.note ?? null,
      published_by: request.publishedBy ?? null,
    });
    await insertAudit(trx, [
      {
        actorId: request.publishedBy ?? null,
        entity: AUDIT_OBJECTS.model,
        recordId: String(version),
        action: 'publish',
        changes: { version: [before ? before.version : null, version], hash: [before?.hash ?? null, hash] },
        detail: planSummary(plan, request.source),
        requestId: request.requestId ?? null,
      },
    ]);
    await request.alsoInTransaction?.(trx, version);
    return { version, plan };
  });
}

/** What the audit row keeps of a plan: how many steps, how many destructive, which kinds (the plan itself is on the version row). */
export function planSummary(
  plan: Plan,
  source: string,
): {
  source: string;
  baseVersion: number;
  steps: number;
  destructive: number;
  kinds: Partial<Record<StepKind, number>>;
} {
  const kinds: Partial<Record<StepKind, number>> = {};
  for (const step of plan.steps) kinds[step.kind] = (kinds[step.kind] ?? 0) + 1;
  return {
    source,
    baseVersion: plan.baseVersion,
    steps: plan.steps.length,
    destructive: plan.steps.filter((s) => s.safety === 'destructive').length,
    kinds,
  };
}
