import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';

const SRC = join(REPO_ROOT, 'engine/src');

/** Pure modules: definitions in, plans and decisions out. They may not reach I/O or configuration. */
const PURE = [
  'definitions/(?!read-folder)[^/]+\\.ts',
  'schema/[^/]+\\.ts',
  'migrate/(plan|diff-tables|diff-columns|diff-junctions|pair-by-name|conversion-sql|classify|order-steps|describe-step|is-widening|diff-workflows|workflow-records|state-mapping|check-state-renames|state-sql)\\.ts',
  'model/(compile-model|workflow-binding)\\.ts',
  'records/(list-query|keyset|validate-record|filter-values|attributes|to-filter|query-params|payload|serialize|version|blind-patch|csv-cell|export-view)\\.ts',
  'api/openapi(/[^/]+)?\\.ts',
  'db/pg-errors\\.ts',
  'workflow/[^/]+(/[^/]+)?\\.ts',
  'outbox/(backoff|payload|signature|error-text)\\.ts',
  'runtime/timer-rows\\.ts',
  'reports/(stages|params|fragment|report-sql|report-results)\\.ts',
  'permissions/(entity-grant|entity-view|scope-condition|model-access|visible-definitions|guard-visibility)\\.ts',
  'audit/(audit-entry|audit-sql)\\.ts',
  'records/audit-parts\\.ts',
  'handover/(handover-plan|handover-request|handover-sql)\\.ts',
  'identity/role-names\\.ts',
  'records/group-query\\.ts',
  'agenda/(day|plan)\\.ts',
  'views/view-body\\.ts',
  'versions/(keyed-diff|diff-definitions|plan-between|template-json)\\.ts',
].map((pattern) => new RegExp(`^${pattern}$`));

const FORBIDDEN = /from '(knex|pg|express|node:fs|node:fs\/promises|node:http|@electric-sql\/pglite)'|from '[./]+config\.js'|process\.env/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('dependency rules', () => {
  const files = sourceFiles(SRC).map((path) => relative(SRC, path));
  const pure = files.filter((file) => PURE.some((re) => re.test(file)));

  it('finds the pure modules', () => {
    expect(pure.length).toBeGreaterThan(10);
  });

  it.each(pure)('%s does no I/O and reads no configuration', (file) => {
    const text = readFileSync(join(SRC, file), 'utf8');
    const lines = text.split('\n').filter((line) => FORBIDDEN.test(line) && !/^import type /.test(line));
    expect(lines).toEqual([]);
  });
});
