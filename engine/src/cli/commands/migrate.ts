import type { Config } from '../../config.js';
import { describeStep } from '../../migrate/describe-step.js';
import type { Plan, Step } from '../../migrate/plan.js';
import { seedFromFolder } from '../../store/seed.js';
import { withDb } from './open-db.js';

const MARK: Record<Step['safety'], string> = { safe: '  ✓', destructive: '  ! DESTRUCTIVE', blocked: '  ✗ BLOCKED' };

/** Prints the plan that `migrate` would apply; exits 0 whether or not there is anything to do. */
export async function runPlan(config: Config, options: { json?: boolean }): Promise<void> {
  await withDb(config, async (db) => {
    const result = await seedFromFolder(db.knex, config.definitionsDir, { apply: 'never' });
    if (options.json) return void console.log(JSON.stringify(result, null, 2));
    if (result.status === 'unchanged') return void console.log(`Nothing to do: the database is at model version ${result.version}.`);
    if (result.status === 'planned') printPlan(result.plan);
  });
}

/** Applies the folder's definitions; destructive steps only with --allow-destructive. Fails with a non-zero exit. */
export async function runMigrate(config: Config, options: { allowDestructive?: boolean }): Promise<void> {
  await withDb(config, async (db) => {
    const started = Date.now();
    const result = await seedFromFolder(db.knex, config.definitionsDir, { apply: 'always', allowDestructive: options.allowDestructive ?? false });
    if (result.status === 'unchanged') return void console.log(`Nothing to do: the database is at model version ${result.version}.`);
    if (result.status === 'published') {
      printPlan(result.plan);
      console.log(`Published model version ${result.version} in ${Date.now() - started} ms.`);
    }
  });
}

function printPlan(plan: Plan): void {
  if (plan.steps.length === 0) return void console.log('The plan has no database steps (definitions changed without schema changes).');
  console.log(`Plan against model version ${plan.baseVersion} (${plan.steps.length} steps):`);
  for (const step of plan.steps) {
    console.log(`${MARK[step.safety]} ${describeStep(step)}${step.safety === 'safe' ? '' : ` — ${step.reason}`}`);
  }
  const destructive = plan.steps.filter((s) => s.safety === 'destructive').length;
  const blocked = plan.steps.filter((s) => s.safety === 'blocked').length;
  if (blocked) console.log(`${blocked} step(s) cannot be applied as defined; change the definitions.`);
  else if (destructive) console.log(`${destructive} destructive step(s): apply with \`lodestar migrate --allow-destructive\`.`);
  else console.log('All steps are safe: apply with `lodestar migrate`.');
}
