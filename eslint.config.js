// ESLint for every workspace; `npm test` runs it before the tests. Rules are the recommended sets, plus the
// dependency rules of ARCHITECTURE.md as import boundaries (engine/test/architecture.test.ts proves they bite).
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const ENGINE_SRC = 'engine/src';

/**
 * Pure modules of the engine, relative to engine/src: definitions in, plans, SQL text and decisions out.
 * They may not import I/O (databases, HTTP, files), configuration or the environment, nor any engine module
 * not on this list; type-only imports are free (they vanish from the compiled module).
 */
const PURE = [
  'errors\\.ts',
  'cluster/worker-count\\.ts',
  'definitions/(?!read-folder)[^/]+\\.ts',
  'schema/[^/]+\\.ts',
  'migrate/(plan|diff-tables|diff-columns|diff-junctions|pair-by-name|conversion-sql|classify|order-steps|describe-step|is-widening|diff-workflows|workflow-records|state-mapping|check-state-renames|state-sql|step-names|step-text)\\.ts',
  'migrate/(diff-formulas|formula-step-text)\\.ts',
  'migrate/(diff-rollups|rollup-step-text|rollup-sql)\\.ts',
  'model/(compile-model|workflow-binding)\\.ts',
  'records/(list-query|keyset|validate-record|filter-values|attributes|to-filter|query-params|payload|serialize|version|blind-patch|csv-cell|export-view|quote-ident|stage-fields)\\.ts',
  'api/openapi(/[^/]+)?\\.ts',
  'api/contract/[^/]+\\.ts',
  'db/pg-errors\\.ts',
  'workflow/[^/]+(/[^/]+)?\\.ts',
  'outbox/(backoff|payload|signature|error-text)\\.ts',
  'webhooks/event-kinds\\.ts',
  'runtime/(timer-rows|workflow-write|history-sql)\\.ts',
  'reports/(stages|params|fragment|report-sql|report-results)\\.ts',
  'permissions/(entity-grant|entity-view|scope-condition|model-access|visible-definitions|guard-visibility|forbidden)\\.ts',
  'audit/(audit-entry|audit-sql)\\.ts',
  'records/audit-parts\\.ts',
  'handover/(handover-plan|handover-request|handover-sql)\\.ts',
  'identity/role-names\\.ts',
  'records/group-query\\.ts',
  'agenda/(day|plan)\\.ts',
  'views/view-body\\.ts',
  'versions/(keyed-diff|diff-definitions|plan-between|template-json|addon-parts|merge-addon|merge-workflow-extension(-grants)?)\\.ts',
  'versions/template-dashboards\\.ts',
  'dashboards/aggregate-query\\.ts',
  'migrate/(diff-keys|key-step-text)\\.ts',
  'records/key-conflict\\.ts',
  'duplicates/match-plan\\.ts',
  'formula/(to-sql|record-expression)\\.ts',
  'migrate/(diff-sequences|sequence-steps)\\.ts',
  'records/numbering\\.ts',
  'records/me-filter\\.ts',
  'records/bulk-body\\.ts',
  'records/link-attributes\\.ts',
  'cli/(lang|messages|plan-lines)\\.ts',
  'calendar/(business-days|business-hours|wall-time)\\.ts',
  'notifications/sla-notice\\.ts',
  'schedules/(schedule-specs|due-times|check-schedules|schedule-sql|schedule-rank)\\.ts',
  'import/(convert|mapping|prepare-row|import-types)\\.ts',
  'search/(search-spec|search-sql|search-query|highlight|validate-search)\\.ts',
  'migrate/(diff-search|search-step-text)\\.ts',
].map((pattern) => new RegExp(`^${pattern}$`));

/** Packages that reach a database, the network or the file system. */
const IO_PACKAGES = [
  'knex',
  'pg',
  'express',
  '@electric-sql/pglite',
  'knex-pglite',
  'nodemailer',
  ...[
    'fs',
    'fs/promises',
    'http',
    'https',
    'http2',
    'net',
    'tls',
    'dgram',
    'dns',
    'child_process',
    'worker_threads',
    'cluster',
  ].flatMap((name) => [name, `node:${name}`]),
];

function sourceFiles(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const engineModules = sourceFiles(ENGINE_SRC).map((path) => path.slice(ENGINE_SRC.length + 1));
const isPure = (module) => PURE.some((re) => re.test(module));

/**
 * One config per folder holding pure modules: `no-restricted-imports` sees import specifiers, not resolved
 * files, so the impure engine modules are named as that folder spells them (`./to-sql.js`, `../config.js`).
 */
function pureModuleBoundaries() {
  const impure = engineModules.filter((module) => !isPure(module));
  const folders = new Map();
  for (const module of engineModules.filter(isPure))
    folders.set(dirname(module), [...(folders.get(dirname(module)) ?? []), module]);
  return [...folders].map(([folder, modules]) => ({
    name: `lodestar/pure-modules/${folder}`,
    files: modules.map((module) => `${ENGINE_SRC}/${module}`),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...IO_PACKAGES.map((name) => ({
              name,
              allowTypeImports: true,
              message: 'A pure module does no I/O (ARCHITECTURE.md): take the data or a callback as a parameter.',
            })),
            ...impure.map((module) => {
              const specifier = relative(folder, module).replace(/\.ts$/, '.js');
              return {
                name: specifier.startsWith('.') ? specifier : `./${specifier}`,
                allowTypeImports: true,
                message: `${module} is not a pure module (eslint.config.js, PURE): a pure module imports only pure modules.`,
              };
            }),
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'A pure module reads no configuration: take it as a parameter.',
        },
      ],
    },
  }));
}

/** The apps and the shared core talk to the engine over HTTP only: its sources are not theirs to import. */
const noEngineImports = {
  group: ['**/engine/src/**', '@lodestar/engine', '@lodestar/engine/*'],
  message: 'The apps reach the engine over HTTP only; shared types and rules belong in core/.',
};

export default defineConfig(
  { ignores: ['**/dist/', '**/node_modules/', 'test-results/', 'data/', '**/*.tsbuildinfo'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'lodestar/conventions',
    rules: {
      // A leading underscore marks a value left out on purpose (`const { a: _a, ...rest } = x`, `(_req, res)`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    name: 'lodestar/node',
    files: ['**/*.{js,mjs}', 'engine/**/*.ts', 'core/scripts/**'],
    languageOptions: { globals: globals.node },
  },
  // bench/ui.mjs hands functions to the browser (page.evaluate).
  {
    name: 'lodestar/bench-ui',
    files: ['bench/ui.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    name: 'lodestar/apps',
    files: ['runtime-ui/**/*.{ts,tsx}', 'studio/**/*.{ts,tsx}', 'ui-shared/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules catch real bugs. The plugin's React Compiler rules (refs, set-state-in-effect,
    // purity, preserve-manual-memoization) judge whether the compiler could optimise a component; the apps do not
    // use the compiler, and the 19 places they flag are deliberate idioms (latest-value refs, a loading state set
    // when a fetch starts). Turn them on together with the compiler.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    name: 'lodestar/app-boundaries',
    files: ['runtime-ui/**/*.{ts,tsx}', 'studio/**/*.{ts,tsx}', 'ui-shared/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noEngineImports] }] },
  },
  {
    name: 'lodestar/core-boundaries',
    files: ['core/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: IO_PACKAGES.map((name) => ({ name, message: 'core/ runs in the browser too: no I/O.' })),
          patterns: [
            noEngineImports,
            { group: ['node:*'], message: 'core/ runs in the browser too: no Node modules.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'core/ runs in the browser too: no environment.' },
      ],
    },
  },
  // Tests probe answers whose shape is the question (fuzzed bodies, raw JSON of other versions): `any` there is
  // the honest type; production code still may not use it.
  { name: 'lodestar/tests', files: ['**/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // json-schema-to-typescript writes `{}` for an object that allows any properties.
  {
    name: 'lodestar/generated',
    files: ['**/generated/**/*.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': 'off' },
  },
  ...pureModuleBoundaries(),
);
