import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { DefinitionError, type Issue } from '../errors.js';
import type { DefinitionSet, SourceFiles } from './definition-set.js';
import type { EntityDefinition } from './entity.js';
import type { WorkflowDefinition } from './workflow.js';

/** A template's manifest (`template.json`). */
export interface TemplateManifest {
  name: string;
  version: string;
  title?: unknown;
}

export interface FolderDefinitions {
  set: DefinitionSet;
  files: SourceFiles;
  manifest?: TemplateManifest;
}

/**
 * Reads `schemas/*.schema.json` and `workflows/*.workflow.json` below `root` (the repo or a template).
 * Unparsable JSON and file names that differ from the id are reported together, as a DefinitionError.
 */
export async function readFolder(root: string): Promise<FolderDefinitions> {
  const issues: Issue[] = [];
  const files: SourceFiles = {};
  const entities = await readKind<EntityDefinition>(root, 'schemas', '.schema.json', issues);
  const workflows = await readKind<WorkflowDefinition>(root, 'workflows', '.workflow.json', issues);
  for (const { value, file, stem } of entities) {
    files[`entity:${value.$id}`] = file;
    if (value.$id !== stem) issues.push({ file, pointer: '/$id', keyword: 'fileName', message: `$id "${String(value.$id)}" must equal the file name "${stem}"` });
  }
  for (const { value, file, stem } of workflows) {
    files[`workflow:${value.id}`] = file;
    if (value.id !== stem) issues.push({ file, pointer: '/id', keyword: 'fileName', message: `id "${String(value.id)}" must equal the file name "${stem}"` });
  }
  if (issues.length) throw new DefinitionError(`${issues.length} problem(s) reading definitions in ${root}`, { issues });
  const manifest = await readManifest(root);
  const set = { entities: entities.map((e) => e.value), workflows: workflows.map((w) => w.value) };
  return manifest ? { set, files, manifest } : { set, files };
}

async function readKind<T>(root: string, folder: string, suffix: string, issues: Issue[]) {
  const dir = join(root, folder);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(suffix)).sort();
  const out: { value: T; file: string; stem: string }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(root, path);
    try {
      out.push({ value: JSON.parse(await readFile(path, 'utf8')) as T, file, stem: basename(name, suffix) });
    } catch (error) {
      issues.push({ file, pointer: '', keyword: 'json', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return out;
}

async function readManifest(root: string): Promise<TemplateManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(root, 'template.json'), 'utf8')) as TemplateManifest;
  } catch {
    return undefined;
  }
}
