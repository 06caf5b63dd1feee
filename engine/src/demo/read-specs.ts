import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../errors.js';
import { checkDemoShape, type DemoFile, type DemoSpec } from './demo-spec.js';

/**
 * The demo folders of the installed templates, in order: the base model's own `demo/` (beside its schemas),
 * then each installed add-on's (`templates/<folder>/demo/`, found by the name in its template.json).
 */
export function demoFolders(definitionsDir: string, addons: string[]): { template: string; folder: string }[] {
  const folders = [{ template: '', folder: join(definitionsDir, 'demo') }];
  const templates = join(definitionsDir, 'templates');
  const byName = new Map<string, string>();
  if (existsSync(templates))
    for (const entry of readdirSync(templates, { withFileTypes: true })) {
      const manifest = join(templates, entry.name, 'template.json');
      if (!entry.isDirectory() || !existsSync(manifest)) continue;
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name) byName.set(name, join(templates, entry.name));
    }
  for (const addon of addons) {
    const folder = byName.get(addon);
    if (folder) folders.push({ template: addon, folder: join(folder, 'demo') });
  }
  return folders.filter(({ folder }) => existsSync(folder));
}

/** Every `*.json` of the folders in name order, parsed and checked against the meta-schema. */
export function readDemoFiles(folders: { folder: string }[], base: string): { files: DemoFile[]; issues: Issue[] } {
  const files: DemoFile[] = [];
  const issues: Issue[] = [];
  for (const { folder } of folders)
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = join(folder, name).slice(base.length + 1);
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(join(folder, name), 'utf8'));
      } catch (error) {
        const detail = (error as Error).message;
        issues.push({
          file,
          pointer: '',
          keyword: 'json',
          message: `is not valid JSON: ${detail}`,
          i18n: { en: `is not valid JSON: ${detail}`, zh: `不是有效的 JSON：${detail}` },
        });
        continue;
      }
      const found = checkDemoShape(file, value);
      if (found.length) issues.push(...found);
      else files.push({ file, spec: value as DemoSpec });
    }
  return { files, issues };
}
