import type { Knex } from 'knex';
import { ENGINE_MIGRATION_NAMES } from '../../db/engine-tables.js';
import { readLatestVersionNumber } from '../../db/definitions-repo.js';
import type { Text } from '../../errors.js';
import type { ModelCache } from '../../model/model-cache.js';

export type CheckName = 'database' | 'migrations' | 'model';

export interface CheckResult {
  ok: boolean;
  /** Why it failed, in both languages; absent when it passed. */
  text?: Text;
  /** The underlying error, for the log only (never answered: the route is public). */
  error?: unknown;
}

export interface Readiness {
  ready: boolean;
  modelVersion: number;
  checks: Record<CheckName, CheckResult>;
}

/** A probe must answer before a load balancer gives up on it; knex would wait 60 s for a connection. */
export const CHECK_TIMEOUT_MS = 3000;

const PASSED: CheckResult = { ok: true };

/** Pure: the engine's migrations the database has not recorded (a database restored from an older engine). */
export function judgeMigrations(applied: readonly string[], expected: readonly string[]): CheckResult {
  const done = new Set(applied);
  const pending = expected.filter((name) => !done.has(name));
  if (!pending.length) return PASSED;
  const list = pending.join(', ');
  return {
    ok: false,
    text: {
      en: `the engine tables lack ${pending.length} migration(s): ${list}; restart the engine to apply them`,
      zh: `引擎数据表缺少 ${pending.length} 个迁移：${list}；请重启引擎以应用`,
    },
  };
}

/** Pure: the process holds the newest published model version (0 and none published: an empty installation). */
export function judgeModel(latest: number | undefined, loaded: number): CheckResult {
  if ((latest ?? 0) <= loaded) return PASSED;
  return {
    ok: false,
    text: {
      en: `model version ${latest} is published but this engine still holds version ${loaded}`,
      zh: `已发布模型版本 ${latest}，但此引擎仍停留在版本 ${loaded}`,
    },
  };
}

const NO_DATABASE: Text = { en: 'the database does not answer', zh: '数据库没有响应' };
const TIMED_OUT: Text = {
  en: `the database did not answer within ${CHECK_TIMEOUT_MS / 1000} s`,
  zh: `数据库在 ${CHECK_TIMEOUT_MS / 1000} 秒内没有响应`,
};

class TimedOut extends Error {}

/** Runs one check; an error or a timeout fails it with `failed` (or the timeout's words). */
async function attempt(work: () => Promise<CheckResult>, failed: Text): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    return { ok: false, text: error instanceof TimedOut ? TIMED_OUT : failed, error };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness of this engine: the database answers, every engine migration is recorded, and the newest
 * published model is loaded (a model behind is refreshed once before it counts as failing).
 */
export async function checkReadiness(knex: Knex, models: ModelCache): Promise<Readiness> {
  const [database, migrations, model] = await Promise.all([
    attempt(async () => {
      await knex.raw('select 1');
      return PASSED;
    }, NO_DATABASE),
    attempt(async () => {
      const rows = await knex('lodestar_migrations').select<{ name: string }[]>('name');
      return judgeMigrations(
        rows.map((r) => r.name),
        ENGINE_MIGRATION_NAMES,
      );
    }, NO_DATABASE),
    attempt(async () => {
      const latest = await readLatestVersionNumber(knex);
      if ((latest ?? 0) > models.current().version) await models.refresh();
      return judgeModel(latest, models.current().version);
    }, NO_DATABASE),
  ]);
  const checks = { database, migrations, model };
  return { ready: database.ok && migrations.ok && model.ok, modelVersion: models.current().version, checks };
}
