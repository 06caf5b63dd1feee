import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { TemplateJson, TemplateManifestJson } from '@lodestar/core';
import { EMPTY_SET } from '../definitions/definition-set.js';
import { readFolder } from '../definitions/read-folder.js';
import { DefinitionError, type Issue } from '../errors.js';
import { EXTEND_SUFFIX, MANIFEST_FILE, templateFiles, type TemplateSource } from './template-json.js';

/**
 * A template folder through the same reader as `--dir` and the seed (read-folder.ts), with its reading
 * problems as issues instead of a throw, so the install reports them with the manifest's in one list.
 */
export async function readTemplateFolder(root: string): Promise<TemplateSource> {
  const issues: Issue[] = [];
  const manifest = await readManifest(root, issues);
  const extensions = await readExtensions(root, issues);
  const more = Object.keys(extensions).length ? { extensions } : {};
  try {
    const { set, files } = await readFolder(root);
    return { set, files, manifest, issues, ...more };
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    return { set: EMPTY_SET, files: {}, manifest, issues: [...(error.issues ?? []), ...issues], ...more };
  }
}

/** An add-on's `schemas/*.extend.json` and `workflows/*.extend.json`, path → parsed JSON; unreadable ones become issues. */
async function readExtensions(root: string, issues: Issue[]): Promise<Record<string, unknown>> {
  const list = async (folder: string) =>
    (await readdir(join(root, folder)).catch(() => [] as string[]))
      .filter((n) => n.endsWith(EXTEND_SUFFIX))
      .sort()
      .map((n) => `${folder}/${n}`);
  const out: Record<string, unknown> = {};
  for (const file of [...(await list('schemas')), ...(await list('workflows'))]) {
    try {
      out[file] = JSON.parse(await readFile(join(root, file), 'utf8'));
    } catch (error) {
      issues.push({ file, pointer: '', keyword: 'json', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return out;
}

/**
 * Writes a template as a folder of pretty-printed files. A folder holding definition files already
 * is refused unless `replace`: then stale `*.schema.json` / `*.workflow.json` files (definitions the
 * model no longer has) are removed, so reading the folder back gives exactly the exported set.
 */
export async function writeTemplateFolder(
  root: string,
  template: TemplateJson,
  options: { replace?: boolean } = {},
): Promise<string[]> {
  const files = templateFiles(template);
  const existing = [...(await listDefinitionFiles(root, 'schemas')), ...(await listDefinitionFiles(root, 'workflows'))];
  if (existing.length && !options.replace) {
    throw new DefinitionError({
      en: `${root} already holds definitions (${existing.length} file(s)); export into an empty folder or pass --force to replace them`,
      zh: `${root} 中已有定义（${existing.length} 个文件）：请导出到空文件夹，或加 --force 覆盖`,
    });
  }
  const keep = new Set(files.map((f) => f.path));
  for (const stale of existing.filter((path) => !keep.has(path))) await rm(join(root, stale));
  for (const file of files) {
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), file.text);
  }
  return files.map((f) => f.path);
}

async function listDefinitionFiles(root: string, folder: 'schemas' | 'workflows'): Promise<string[]> {
  const suffix = folder === 'schemas' ? '.schema.json' : '.workflow.json';
  const names = await readdir(join(root, folder)).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(suffix)).map((name) => `${folder}/${name}`);
}

/** `template.json`, or undefined when the folder has none (checkManifest then reports it as required). */
async function readManifest(root: string, issues: Issue[]): Promise<TemplateManifestJson | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, MANIFEST_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as TemplateManifestJson;
  } catch (error) {
    issues.push({
      file: MANIFEST_FILE,
      pointer: '',
      keyword: 'json',
      message: `not valid JSON: ${(error as Error).message}`,
    });
    return undefined;
  }
}
