import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';

const SRC = join(REPO_ROOT, 'engine/src');

/**
 * Each engine table has ONE repository module: the only module whose code names it. A column change is
 * then made in one place, and a route cannot grow its own query. Fragments that must stay inside one
 * statement (the transition's CTEs, an audit insert) are built by the owner and composed by the caller.
 */
const OWNERS: Record<string, string> = {
  lodestar_users: 'identity/users-repo.ts',
  lodestar_sessions: 'identity/users-repo.ts',
  lodestar_api_keys: 'identity/users-repo.ts',
  lodestar_org_units: 'identity/users-repo.ts',
  lodestar_round_robin: 'identity/users-repo.ts',
  lodestar_login_failures: 'identity/login-throttle.ts',
  lodestar_login_known_clients: 'identity/login-throttle.ts',
  lodestar_model_versions: 'db/definitions-repo.ts',
  lodestar_drafts: 'db/definitions-repo.ts',
  lodestar_seeds: 'db/definitions-repo.ts',
  lodestar_history: 'runtime/history-repo.ts',
  lodestar_timers: 'runtime/timers-repo.ts',
  lodestar_outbox: 'outbox/outbox-repo.ts',
  lodestar_audit: 'audit/audit-repo.ts',
  lodestar_saved_views: 'views/views-repo.ts',
  lodestar_sequences: 'records/sequences-repo.ts',
  lodestar_approval_delegations: 'runtime/approval-delegations-repo.ts',
  lodestar_calendar_days: 'calendar/calendar-repo.ts',
  lodestar_working_hours: 'calendar/calendar-repo.ts',
  lodestar_schedules: 'schedules/runs-repo.ts',
  lodestar_schedule_runs: 'schedules/runs-repo.ts',
  lodestar_notifications: 'notifications/notifications-repo.ts',
  lodestar_imports: 'import/imports-repo.ts',
  lodestar_import_records: 'import/imports-repo.ts',
  lodestar_import_errors: 'import/imports-repo.ts',
  lodestar_addons: 'versions/addons-repo.ts',
  lodestar_pinyin: 'search/search-sql.ts',
  lodestar_bulk_requests: 'records/bulk-repo.ts',
  lodestar_webhook_subscriptions: 'webhooks/subscriptions-repo.ts',
  lodestar_webhook_attempts: 'webhooks/attempts-repo.ts',
  lodestar_demo_records: 'demo/demo-repo.ts',
  lodestar_rate_limits: 'identity/login-rate-limits.ts',
};

/**
 * A repository's pure half: SQL text that pure builders (list filters, handover, audited writes) compose
 * into their one statement. The boundary rule keeps pure modules from importing the I/O half, so the
 * fragment lives in a pure module, named here beside its repository and nowhere else.
 */
const PURE_HALVES: Record<string, string> = {
  lodestar_users: 'permissions/scope-condition.ts',
  lodestar_org_units: 'permissions/scope-condition.ts',
  lodestar_audit: 'audit/audit-sql.ts',
  lodestar_history: 'runtime/history-sql.ts',
};

/** Migrations create and alter the tables: the only other place a table is named. */
const MIGRATIONS = [
  'db/engine-tables.ts',
  'identity/identity-tables.ts',
  'runtime/approval-tables.ts',
  'calendar/calendar-tables.ts',
  'schedules/schedule-tables.ts',
  'notifications/notification-tables.ts',
  'import/import-tables.ts',
  'views/view-tables.ts',
  'search/search-tables.ts',
  'records/bulk-tables.ts',
  'webhooks/webhook-tables.ts',
  'db/signal-triggers.ts',
  'demo/demo-repo.ts',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The code without comments (a comment may name a table; only code touches one). */
const codeOf = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const files = sourceFiles(SRC).map((path) => ({
  file: relative(SRC, path).split('\\').join('/'),
  code: codeOf(readFileSync(path, 'utf8')),
}));
const named = (table: string) =>
  files.filter(({ code }) => new RegExp(`\\b${table}\\b`).test(code)).map(({ file }) => file);

describe('one owner per engine table', () => {
  it('every table the migrations create has an owner', () => {
    const created = MIGRATIONS.flatMap((file) =>
      [...readFileSync(join(SRC, file), 'utf8').matchAll(/createTable\('(lodestar_[a-z_]+)'/g)].map((m) => m[1]!),
    );
    expect(created.length).toBeGreaterThan(10);
    expect(created.filter((table) => !(table in OWNERS))).toEqual([]);
  });

  it.each(Object.keys(OWNERS))('only the owner names %s', (table) => {
    const outside = named(table).filter(
      (file) => file !== OWNERS[table] && file !== PURE_HALVES[table] && !MIGRATIONS.includes(file),
    );
    expect(outside).toEqual([]);
    expect(named(table)).toContain(OWNERS[table]);
  });

  // An owner takes its connection as a parameter and imports knex only as a type: pure SQL builders may
  // then import an owner's fragments without pulling in a driver.
  it.each([...new Set(Object.values(OWNERS))])('%s imports knex only as a type', (file) => {
    const code = readFileSync(join(SRC, file), 'utf8');
    expect(
      code
        .split('\n')
        .filter((line) => /from '(knex|pg|@electric-sql\/pglite)'/.test(line) && !/^import type /.test(line)),
    ).toEqual([]);
  });
});
