import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InstalledTemplate, TemplateManifestJson } from '@lodestar/core';
import type { Knex } from 'knex';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { listSeeds, readCurrentVersion, readVersion } from '../db/definitions-repo.js';
import type { AddonParts } from './addon-parts.js';
import { readAddonRows, type AddonRow } from './addons-repo.js';
import { MANIFEST_FILE, templateOfNote } from './template-json.js';

/** What the published model is made of: the whole model it was last replaced by, and the add-ons on it. */
export interface Installed {
  base?: InstalledTemplate;
  addons: AddonRow[];
  current?: { version: number; definitions: DefinitionSet };
}

/**
 * The templates the published model holds. The base is the latest whole-model publish recorded in
 * the seeds: `folder` (the definitions folder, named by its template.json) or `template:<name>`.
 * An add-on counts while it was installed after that base and its entities and fields are still in the
 * model (a rollback or a whole-model install since then took it out).
 */
export async function readInstalled(knex: Knex, definitionsDir?: string): Promise<Installed> {
  const current = await readCurrentVersion(knex);
  const seeds = await listSeeds(knex);
  const latest = seeds.find((s) => s.source === 'folder' || s.source.startsWith('template:'));
  const base = latest && (await baseOf(knex, latest, definitionsDir));
  const addons = (await readAddonRows(knex)).filter(
    (row) =>
      current !== undefined &&
      row.model_version > (base?.modelVersion ?? 0) &&
      isPresent(row.contribution, current.definitions),
  );
  return {
    ...(base && { base }),
    addons,
    ...(current && { current: { version: current.version, definitions: current.definitions } }),
  };
}

/** The answer of GET /meta/templates: the base first, then the add-ons in install order. */
export function toInstalledList(installed: Installed): InstalledTemplate[] {
  return [
    ...(installed.base ? [installed.base] : []),
    ...installed.addons.map((row) => ({
      name: row.name,
      version: row.version,
      kind: 'addon' as const,
      extends: row.extends,
      ...(row.title != null && { title: row.title }),
      modelVersion: row.model_version,
      installedAt: new Date(row.installed_at).toISOString(),
    })),
  ];
}

async function baseOf(
  knex: Knex,
  seed: { source: string; version: number },
  definitionsDir: string | undefined,
): Promise<InstalledTemplate | undefined> {
  if (seed.source === 'folder') {
    const manifest = definitionsDir ? await readManifest(definitionsDir) : undefined;
    if (!manifest || typeof manifest.name !== 'string') return undefined;
    return {
      name: manifest.name,
      version: String(manifest.version),
      kind: 'model',
      ...(manifest.title !== undefined && { title: manifest.title }),
      modelVersion: seed.version,
    };
  }
  const id = templateOfNote((await readVersion(knex, seed.version))?.note);
  return {
    name: id?.name ?? seed.source.slice('template:'.length),
    version: id?.version ?? '',
    kind: 'model',
    modelVersion: seed.version,
  };
}

async function readManifest(root: string): Promise<TemplateManifestJson | undefined> {
  try {
    return JSON.parse(await readFile(join(root, MANIFEST_FILE), 'utf8')) as TemplateManifestJson;
  } catch {
    return undefined;
  }
}

/** Whether the model still holds what an add-on added (its entities, the fields and schedules it added elsewhere). */
export function isPresent(parts: AddonParts, set: DefinitionSet): boolean {
  const entity = (id: string) => set.entities.find((e) => e.$id === id);
  return (
    parts.entities.every((e) => entity(e.$id) !== undefined) &&
    parts.extensions.every((x) => {
      const target = entity(x.$id);
      return (
        target !== undefined && Object.keys((x.properties ?? {}) as object).every((name) => name in target.properties)
      );
    }) &&
    (parts.workflowExtensions ?? []).every((x) => {
      const schedules = set.workflows.find((w) => w.id === x.id)?.meta.schedules ?? [];
      const added = ((x.meta as { schedules?: { id: string }[] } | undefined)?.schedules ?? []).map((s) => s.id);
      return added.every((id) => schedules.some((s) => s.id === id));
    })
  );
}
