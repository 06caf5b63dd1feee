import type { DefinitionSet } from '../definitions/definition-set.js';
import { diffTables } from '../migrate/diff-tables.js';
import { diffWorkflows, toStateSteps } from '../migrate/diff-workflows.js';
import { orderSteps } from '../migrate/order-steps.js';
import type { Step } from '../migrate/plan.js';
import { stepNames } from '../migrate/step-names.js';
import { describeSteps } from '../migrate/step-text.js';
import { compileTables } from '../model/compile-model.js';

/**
 * The steps that would take the tables of `before` to those of `after`, by the publish planner's own
 * diff, without row counts: rows exist only for the published version, so only a real plan against
 * it (planChange) can count them. Used to show what separates two past versions; each step carries
 * its words in both languages, by the titles of either version.
 */
export function planBetween(before: DefinitionSet, after: DefinitionSet): Step[] {
  const tables = diffTables(compileTables(before), compileTables(after));
  return describeSteps(
    orderSteps([...tables, ...toStateSteps(diffWorkflows(before, after))]),
    stepNames(after, before),
  );
}
