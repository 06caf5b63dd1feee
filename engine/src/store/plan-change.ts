import type { WordedPlan } from '@lodestar/core';
import type { Knex } from 'knex';
import { EMPTY_SET, type DefinitionSet, type SourceFiles } from '../definitions/definition-set.js';
import { validateDefinitionSet } from '../definitions/validate-definition-set.js';
import { checkRemovedReferences } from '../definitions/references-removed.js';
import { DefinitionError, ValidationError, problemsIn, type Issue } from '../errors.js';
import { activeUserIds } from '../identity/users-repo.js';
import { checkStateRenames } from '../migrate/check-state-renames.js';
import { countAffected } from '../migrate/count-affected.js';
import { classifyStep } from '../migrate/classify.js';
import { diffSequences } from '../migrate/diff-sequences.js';
import { diffTables } from '../migrate/diff-tables.js';
import { diffWorkflows, toStateSteps } from '../migrate/diff-workflows.js';
import { orderSteps } from '../migrate/order-steps.js';
import { checkStateMapping, type StateMapping } from '../migrate/state-mapping.js';
import { stepNames } from '../migrate/step-names.js';
import { describeSteps } from '../migrate/step-text.js';
import { compileTables } from '../model/compile-model.js';
import { listNamedUsers, unknownUserIssue } from '../workflow/check-owners.js';
import { readCurrentVersion } from '../db/definitions-repo.js';

export interface PlanOptions {
  /** Where records of removed workflow states go: workflow id → removed state → target state. */
  stateMapping?: StateMapping;
}

/** Rejects an invalid set with every issue listed (file, pointer, rule). */
export function assertValidSet(set: DefinitionSet, files?: SourceFiles, first: Issue[] = []): void {
  const issues = [...first, ...validateDefinitionSet(set, files)];
  if (issues.length) throw new DefinitionError(problemsIn(issues.length, 'the definitions', '定义'), { issues });
}

/** Users a workflow names literally must exist and be active (users are data: only the database can tell). */
async function assertNamedUsersExist(knex: Knex, set: DefinitionSet, files?: SourceFiles): Promise<void> {
  const named = listNamedUsers(set, files);
  if (!named.length) return;
  const ids = named.map((n) => n.userId).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const active = await activeUserIds(knex, ids);
  const issues = named.filter((n) => !active.has(n.userId)).map(unknownUserIssue);
  if (issues.length) throw new DefinitionError(problemsIn(issues.length, 'the definitions', '定义'), { issues });
}

/**
 * Rejects what only the published version can judge: state renames (422 definition issues) and a state
 * mapping naming unknown workflows or states, or states the new version does not remove (422 with
 * pointers under /stateMapping).
 */
export function assertValidChange(
  before: DefinitionSet,
  next: DefinitionSet,
  files?: SourceFiles,
  stateMapping: StateMapping = {},
): void {
  const renames = checkStateRenames(before, next, files);
  if (renames.length)
    throw new DefinitionError(problemsIn(renames.length, 'the definitions', '定义'), { issues: renames });
  const mapping = checkStateMapping(stateMapping, before, next);
  if (mapping.length)
    throw new ValidationError(problemsIn(mapping.length, 'the state mapping', '阶段对应关系'), { issues: mapping });
}

/**
 * The plan that would take the database from the published version to `next`, with affected rows
 * counted: table steps, then the workflow states of stored records (renamed, or removed and moved).
 * Runs on the caller's connection or transaction (publish re-plans under its lock).
 */
export async function planChange(
  knex: Knex,
  next: DefinitionSet,
  files?: SourceFiles,
  options: PlanOptions = {},
): Promise<WordedPlan> {
  const current = await readCurrentVersion(knex);
  const before = current?.definitions ?? EMPTY_SET;
  // A removed field or state still named somewhere leads the issues, with every place listed by title.
  assertValidSet(next, files, checkRemovedReferences(before, next, files));
  await assertNamedUsersExist(knex, next, files);
  assertValidChange(before, next, files, options.stateMapping);
  const tables = diffTables(compileTables(before), compileTables(next));
  const states = toStateSteps(diffWorkflows(before, next), options.stateMapping);
  const sequences = diffSequences(before, next).map(classifyStep);
  const steps = await countAffected(knex, orderSteps([...tables, ...states, ...sequences]));
  // Each step in words for the studio, both languages, by the titles of the new version or the old one.
  return { baseVersion: current?.version ?? 0, steps: describeSteps(steps, stepNames(next, before)) };
}
