import type { InstallAnswer, TemplateManifestJson } from '@lodestar/core';
import type { Knex } from 'knex';
import { hashDefinitionSet, type DefinitionSet } from '../definitions/definition-set.js';
import { withIssueText } from '../definitions/issue-text.js';
import { validateDefinitionSet } from '../definitions/validate-definition-set.js';
import { DefinitionError, problemsIn, type Issue, type Text } from '../errors.js';
import { planChange } from '../store/plan-change.js';
import { publish } from '../store/publish.js';
import { extendsOf, toAddonParts, type AddonParts } from './addon-parts.js';
import { writeAddonRow } from './addons-repo.js';
import { readInstalled, type Installed } from './installed-templates.js';
import { mergeAddon, mergedFiles, toAddonIssue } from './merge-addon.js';
import { toWorkflowExtensionIssue } from './merge-workflow-extension.js';
import { MANIFEST_FILE, checkManifest, isTemplateName, type TemplateSource } from './template-json.js';
import type { InstallOptions } from './install-options.js';
import { validateExtension } from './validate-extension.js';

/** The version note of an add-on install: `add-on <name>@<version>` (a whole model's is `template …`). */
export const addonNote = (parts: { name: string; version: string }) => `add-on ${parts.name}@${parts.version}`;

/**
 * Installs or upgrades an add-on: merge(published model − its previous release, add-on) → validate the merged
 * set → plan → publish, in the publish's one transaction (based on the version merged, so a publish in
 * between is a 409, never a lost change). Every problem first: the add-on's own shape, what it extends,
 * conflicts with the model and other add-ons, and the merged set's issues pointed back at the add-on's
 * files. The install is recorded in lodestar_addons with what it contributed.
 */
export async function installAddon(
  knex: Knex,
  source: TemplateSource,
  options: InstallOptions = {},
): Promise<InstallAnswer> {
  const installed = await readInstalled(knex, options.definitionsDir);
  const { manifest, parts, issues } = readAddon(source, installed);
  const current = installed.current;
  const row = installed.addons.find((r) => r.name === parts.name);
  const others = installed.addons.filter((r) => r.name !== parts.name).map((r) => r.contribution);
  let merged: DefinitionSet | undefined;
  if (current && !issues.some((i) => i.keyword === 'json')) {
    const result = mergeAddon(current.definitions, parts, { others, ...(row && { previous: row.contribution }) });
    merged = result.set;
    issues.push(...result.issues, ...newIssues(current.definitions, merged, parts));
  }
  if (issues.length || !merged || !current)
    throw new DefinitionError(problemsIn(issues.length, 'the add-on', '附加模板'), { issues: withIssueText(issues) });

  const extendsNames = extendsOf(manifest);
  const base = {
    template: { name: parts.name, version: parts.version },
    ...(row && { previous: { name: row.name, version: row.version } }),
    extends: extendsNames,
  };
  const files = mergedFiles(merged);
  const record = (trx: Knex.Transaction, version: number) =>
    writeAddonRow(trx, {
      name: parts.name,
      version: parts.version,
      extends: extendsNames,
      title: manifest.title,
      contribution: parts,
      model_version: version,
      installed_by: options.publishedBy ?? null,
    });
  if (hashDefinitionSet(merged) === hashDefinitionSet(current.definitions)) {
    // Already in the model (a re-run): only remember the release, unless that is known already.
    if (!options.dryRun && row?.version !== parts.version)
      await knex.transaction((trx) => record(trx, current.version));
    return { ...base, status: 'unchanged', version: current.version };
  }
  const stateMapping = options.stateMapping ?? {};
  if (options.dryRun)
    return { ...base, status: 'planned', plan: await planChange(knex, merged, files, { stateMapping }) };
  const result = await publish(knex, {
    definitions: merged,
    files,
    source: 'template',
    baseVersion: current.version,
    allowDestructive: options.allowDestructive ?? false,
    stateMapping,
    note: addonNote(parts),
    publishedBy: options.publishedBy ?? null,
    ...(options.requestId && { requestId: options.requestId }),
    alsoInTransaction: record,
  });
  return { ...base, status: 'published', ...result };
}

/** The add-on's parts and the issues of its own files and manifest (before any merge). */
function readAddon(source: TemplateSource, installed: Installed) {
  const manifestUnreadable = source.issues.some((issue) => issue.file === MANIFEST_FILE);
  const manifest = (source.manifest ?? {}) as TemplateManifestJson;
  const issues: Issue[] = [...source.issues, ...(manifestUnreadable ? [] : checkManifest(source.manifest))];
  // An extension of the wrong shape is reported and left out of the merge, which reads only well-formed ones.
  const wellFormed: Record<string, unknown> = {};
  for (const [file, value] of Object.entries(source.extensions ?? {})) {
    const found = validateExtension(value, file);
    issues.push(...found);
    if (!found.length) wellFormed[file] = value;
  }
  if (!manifestUnreadable) issues.push(...checkExtends(manifest, installed));
  const parts = toAddonParts({ ...source, extensions: wellFormed });
  return { manifest, parts, issues };
}

/** `extends`: one template name or a list, each installed in the model now (the base or another add-on). */
function checkExtends(manifest: TemplateManifestJson, installed: Installed): Issue[] {
  const at = (pointer: string, keyword: string, i18n: Text): Issue => ({
    file: MANIFEST_FILE,
    pointer,
    keyword,
    message: i18n.en,
    i18n,
  });
  const value = manifest.extends;
  const list = Array.isArray(value) ? value : [value];
  if (!list.length || !list.every(isTemplateName))
    return [
      at('/extends', 'extends', {
        en: 'extends must name the template this add-on installs on ("lodestar-standard") or list them',
        zh: 'extends 须写明本附加模板所依赖的模板名称（如“lodestar-standard”），或列出多个名称',
      }),
    ];
  if (!installed.current)
    return [
      at('/extends', 'extendsMissing', {
        en: `nothing is published yet: install ${list.join(', ')} first, then this add-on`,
        zh: `还没有发布任何模型：请先安装 ${list.join('、')}，再安装本附加模板`,
      }),
    ];
  const names = [installed.base?.name, ...installed.addons.filter((r) => r.name !== manifest.name).map((r) => r.name)];
  const have = names.filter((n): n is string => n !== undefined);
  const shown = have.length ? have.join(', ') : '—';
  return list.flatMap((name, i) =>
    have.includes(name as string)
      ? []
      : [
          at(Array.isArray(value) ? `/extends/${i}` : '/extends', 'extendsMissing', {
            en: `this add-on installs on "${String(name)}", which is not installed (installed: ${shown})`,
            zh: `本附加模板需要先安装“${String(name)}”，但它尚未安装（已安装：${have.length ? have.join('、') : '无'}）`,
          }),
        ],
  );
}

/**
 * The merged set's issues that the model alone does not have, pointed at the add-on's files: what an
 * add-on breaks is its problem to report, what the model had is not.
 */
function newIssues(model: DefinitionSet, merged: DefinitionSet, parts: AddonParts): Issue[] {
  const key = (i: Issue) => `${i.file ?? ''}\u0000${i.pointer}\u0000${i.keyword}\u0000${i.message}`;
  const known = new Set(validateDefinitionSet(model, mergedFiles(model)).map(key));
  return validateDefinitionSet(merged, mergedFiles(merged))
    .filter((i) => !known.has(key(i)))
    .map((i) => toWorkflowExtensionIssue(i, merged, parts) ?? toAddonIssue(i, model, parts));
}
