import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { DefinitionError, type Issue, problemsIn } from '../errors.js';
import {
  DASHBOARD_SUFFIX,
  ROLES_FILE,
  ROLES_SOURCE_KEY,
  dashboardSourceKey,
  type DefinitionSet,
  type SourceFiles,
} from './definition-set.js';
import type { DashboardDefinition } from '@lodestar/core';
import type { EntityDefinition } from './entity.js';
import type { RolesDefinition } from './roles.js';
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
 * Reads `schemas/*.schema.json`, `workflows/*.workflow.json`, `dashboards/*.dashboard.json` and the optional `roles.json` below `root`
 * (the repo or a template). Unparsable JSON and file names that differ from the id are reported
 * together, as a DefinitionError.
 */
export async function readFolder(root: string): Promise<FolderDefinitions> {
  const issues: Issue[] = [];
  const files: SourceFiles = {};
  const entities = await readKind<EntityDefinition>(root, 'schemas', '.schema.json', issues);
  const workflows = await readKind<WorkflowDefinition>(root, 'workflows', '.workflow.json', issues);
  for (const { value, file, stem } of entities) {
    files[`entity:${value.$id}`] = file;
    if (value.$id !== stem)
      issues.push({
        file,
        pointer: '/$id',
        keyword: 'fileName',
        message: `$id "${String(value.$id)}" must equal the file name "${stem}"`,
      });
  }
  for (const { value, file, stem } of workflows) {
    files[`workflow:${value.id}`] = file;
    if (value.id !== stem)
      issues.push({
        file,
        pointer: '/id',
        keyword: 'fileName',
        message: `id "${String(value.id)}" must equal the file name "${stem}"`,
      });
  }
  const dashboards = await readKind<DashboardDefinition>(root, 'dashboards', DASHBOARD_SUFFIX, issues);
  for (const { value, file, stem } of dashboards) {
    files[dashboardSourceKey(value.id)] = file;
    if (value.id !== stem)
      issues.push({
        file,
        pointer: '/id',
        keyword: 'fileName',
        message: `id "${String(value.id)}" must equal the file name "${stem}"`,
      });
  }
  const roles = await readRoles(root, issues);
  if (roles !== undefined) files[ROLES_SOURCE_KEY] = ROLES_FILE;
  if (issues.length)
    throw new DefinitionError(problemsIn(issues.length, `the definitions in ${root}`, `${root} 中的定义`), { issues });
  const manifest = await readManifest(root);
  const set: DefinitionSet = {
    entities: entities.map((e) => e.value),
    workflows: workflows.map((w) => w.value),
    ...(roles !== undefined && { roles }),
    ...(dashboards.length > 0 && { dashboards: dashboards.map((d) => d.value) }),
  };
  return manifest ? { set, files, manifest } : { set, files };
}

/** `roles.json` at the root, or undefined when there is none (a template without roles). */
async function readRoles(root: string, issues: Issue[]): Promise<RolesDefinition | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, ROLES_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    issues.push({
      file: ROLES_FILE,
      pointer: '',
      keyword: 'read',
      message: `cannot be read: ${(error as Error).message}`,
    });
    return undefined;
  }
  try {
    return JSON.parse(text) as RolesDefinition;
  } catch (error) {
    issues.push({
      file: ROLES_FILE,
      pointer: '',
      keyword: 'json',
      message: `not valid JSON: ${(error as Error).message}`,
    });
    return undefined;
  }
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
