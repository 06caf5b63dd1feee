import type { InstallAnswer, TemplateId, TemplateJson, TemplateManifestJson } from '@lodestar/core';
import type { Knex } from 'knex';
import { hashDefinitionSet } from '../definitions/definition-set.js';
import { validateDefinitionSet } from '../definitions/validate-definition-set.js';
import { DefinitionError, NotFoundError, problemsIn } from '../errors.js';
import { readCurrentVersion, readSeedHash, readVersion, writeSeedHash } from '../db/definitions-repo.js';
import { planChange } from '../store/plan-change.js';
import { publish } from '../store/publish.js';
import { withIssueText } from '../definitions/issue-text.js';
import { isAddonManifest } from './addon-parts.js';
import { installAddon } from './install-addon.js';
import type { InstallOptions } from './install-options.js';
export type { InstallOptions } from './install-options.js';
import {
  MANIFEST_FILE,
  checkManifest,
  templateNote,
  templateOfNote,
  toTemplate,
  type TemplateSource,
} from './template-json.js';

/** The seeds row of an installed template: `template:<name>`, holding its hash and model version. */
const seedSource = (name: string) => `template:${name}`;

/**
 * Installs or upgrades a template: every issue first (shape, manifest, definitions; a DefinitionError
 * listing them all, nothing changed), then the publish planner against the database. A dry run answers
 * the plan; otherwise the normal publish applies it in one transaction (destructive steps only when
 * allowed) and records `template:<name>` in lodestar_seeds with the version note `template <name>@<version>`.
 * Installing 1.1.0 over 1.0.0 is the same call: the planner sees only definitions.
 */
export async function installTemplate(
  knex: Knex,
  source: TemplateSource,
  options: InstallOptions = {},
): Promise<InstallAnswer> {
  // A template with `extends` is an add-on: merged into the published model instead of replacing it.
  if (isAddonManifest(source.manifest)) return installAddon(knex, source, options);
  const manifest = assertValidTemplate(source);
  const template = { name: manifest.name, version: manifest.version };
  const previous = await installedVersion(knex, manifest.name);
  const base = { template, ...(previous && { previous }) };
  const hash = hashDefinitionSet(source.set);
  const current = await readCurrentVersion(knex);
  if (current?.hash === hash) {
    // Same definitions already published (e.g. a re-run): only remember that the template is installed.
    if (!options.dryRun)
      await knex.transaction((trx) => writeSeedHash(trx, seedSource(manifest.name), hash, current.version));
    return { ...base, status: 'unchanged', version: current.version };
  }
  if (options.dryRun) {
    return {
      ...base,
      status: 'planned',
      plan: await planChange(knex, source.set, source.files, { stateMapping: options.stateMapping ?? {} }),
    };
  }
  const result = await publish(knex, {
    definitions: source.set,
    files: source.files,
    source: 'template',
    allowDestructive: options.allowDestructive ?? false,
    stateMapping: options.stateMapping ?? {},
    note: templateNote(manifest),
    publishedBy: options.publishedBy ?? null,
    ...(options.requestId && { requestId: options.requestId }),
    alsoInTransaction: (trx, version) => writeSeedHash(trx, seedSource(manifest.name), hash, version),
  });
  return { ...base, status: 'published', ...result };
}

/** Every issue of a template in one DefinitionError (file, pointer, rule each), or its manifest. */
export function assertValidTemplate(source: TemplateSource): TemplateManifestJson {
  const manifestUnreadable = source.issues.some((issue) => issue.file === MANIFEST_FILE);
  const issues = [
    ...source.issues,
    ...(manifestUnreadable ? [] : checkManifest(source.manifest)),
    // Definitions that could not be read are not validated: their issues would only repeat the read error.
    ...(source.issues.some((issue) => issue.keyword === 'json' && issue.file !== MANIFEST_FILE)
      ? []
      : validateDefinitionSet(source.set, source.files)),
  ];
  if (issues.length)
    throw new DefinitionError(problemsIn(issues.length, 'the template', '模板'), { issues: withIssueText(issues) });
  return source.manifest!;
}

/** The template release behind a model version's publish, when that publish was a template install. */
async function installedVersion(knex: Knex, name: string): Promise<TemplateId | undefined> {
  const seeded = await readSeedHash(knex, seedSource(name));
  if (!seeded) return undefined;
  return templateOfNote((await readVersion(knex, seeded.version))?.note);
}

/**
 * The published model as a template. Name and version default to the template the current version
 * was installed from (so export → edit → install upgrades the same template), else `lodestar-model` 1.0.0.
 */
export async function exportTemplate(
  knex: Knex,
  wanted: { name?: string; version?: string; title?: unknown } = {},
): Promise<TemplateJson> {
  const current = await readCurrentVersion(knex);
  if (!current)
    throw new NotFoundError({
      en: 'nothing is published yet: there is no model to export',
      zh: '还没有发布任何版本，没有可导出的模型',
    });
  const installed = current.source === 'template' ? templateOfNote(current.note) : undefined;
  const manifest: TemplateManifestJson = {
    name: wanted.name?.trim() || installed?.name || 'lodestar-model',
    version: wanted.version?.trim() || installed?.version || '1.0.0',
    ...(wanted.title !== undefined && { title: wanted.title }),
    exportedFrom: { modelVersion: current.version, hash: current.hash },
  };
  const issues = checkManifest(manifest);
  if (issues.length)
    throw new DefinitionError(problemsIn(issues.length, 'the template name or version', '模板名称或版本'), {
      issues: withIssueText(issues),
    });
  return toTemplate(current.definitions, manifest);
}

// The headline of a list of issues; the issues themselves travel with it and are shown one by one.
