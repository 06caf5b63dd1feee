import type { Knex } from 'knex';
import { EMPTY_SET, type DefinitionSet, type SourceFiles } from '../definitions/definition-set.js';
import { validateDefinitionSet } from '../definitions/validate-definition-set.js';
import { DefinitionError } from '../errors.js';
import { countAffected } from '../migrate/count-affected.js';
import { diffTables } from '../migrate/diff-tables.js';
import type { Plan } from '../migrate/plan.js';
import { compileTables } from '../model/compile-model.js';
import { readCurrentVersion } from './definitions-repo.js';

/** Rejects an invalid set with every issue listed (file, pointer, rule). */
export function assertValidSet(set: DefinitionSet, files?: SourceFiles): void {
  const issues = validateDefinitionSet(set, files);
  if (issues.length) throw new DefinitionError(`${issues.length} problem(s) in the definitions`, { issues });
}

/**
 * The plan that would take the database from the published version to `next`, with affected rows
 * counted. Runs on the caller's connection or transaction (publish re-plans under its lock).
 */
export async function planChange(knex: Knex, next: DefinitionSet, files?: SourceFiles): Promise<Plan> {
  assertValidSet(next, files);
  const current = await readCurrentVersion(knex);
  const steps = diffTables(compileTables(current?.definitions ?? EMPTY_SET), compileTables(next));
  return { baseVersion: current?.version ?? 0, steps: await countAffected(knex, steps) };
}
