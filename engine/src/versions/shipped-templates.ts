import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShippedTemplate, TemplateManifestJson } from '@lodestar/core';
import { NotFoundError } from '../errors.js';
import { extendsOf, isAddonManifest } from './addon-parts.js';
import type { Installed } from './installed-templates.js';
import { readTemplateFolder } from './template-folder.js';
import { MANIFEST_FILE, type TemplateSource } from './template-json.js';

/**
 * The templates shipped with the engine: every folder of `templates/` beside the definitions the engine
 * seeds from (`LODESTAR_DEFINITIONS`, the repo root by default) that holds a template.json. The studio's
 * gallery lists them and installs one by its folder name; nothing outside that folder can be named.
 */
export const SHIPPED_FOLDER = 'templates';

export async function listShipped(
  definitionsDir: string | undefined,
  installed: Installed,
): Promise<ShippedTemplate[]> {
  if (!definitionsDir) return [];
  const root = join(definitionsDir, SHIPPED_FOLDER);
  const folders = (await readdir(root, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const versions = new Map<string, string>([
    ...(installed.base ? [[installed.base.name, installed.base.version] as const] : []),
    ...installed.addons.map((row) => [row.name, row.version] as const),
  ]);
  const out: ShippedTemplate[] = [];
  for (const folder of folders) {
    const manifest = await readManifest(join(root, folder));
    if (!manifest || typeof manifest.name !== 'string' || typeof manifest.version !== 'string') continue;
    const installedVersion = versions.get(manifest.name);
    out.push({
      folder,
      name: manifest.name,
      version: manifest.version,
      kind: isAddonManifest(manifest) ? 'addon' : 'model',
      ...(isAddonManifest(manifest) && { extends: extendsOf(manifest) }),
      ...(manifest.title !== undefined && { title: manifest.title }),
      ...(manifest.description !== undefined && { description: manifest.description }),
      ...(installedVersion !== undefined && { installedVersion }),
    });
  }
  return out;
}

/** One shipped template, read as `template install <folder>` reads it; 404 for a folder the list lacks. */
export async function readShipped(definitionsDir: string | undefined, folder: string): Promise<TemplateSource> {
  const root = definitionsDir && join(definitionsDir, SHIPPED_FOLDER);
  const folders = root ? await readdir(root).catch(() => [] as string[]) : [];
  if (!root || !folders.includes(folder) || !(await readManifest(join(root, folder))))
    throw new NotFoundError({
      en: `no template "${folder}" is shipped in ${SHIPPED_FOLDER}/`,
      zh: `${SHIPPED_FOLDER}/ 中没有模板“${folder}”`,
    });
  return readTemplateFolder(join(root, folder));
}

async function readManifest(folder: string): Promise<TemplateManifestJson | undefined> {
  try {
    return JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8')) as TemplateManifestJson;
  } catch {
    return undefined;
  }
}
