import { ROLES_FILE, ROLES_SOURCE_KEY, toCanonicalSet, type DefinitionSet, type SourceFiles } from '../definitions/definition-set.js';
import type { EntityDefinition } from '../definitions/entity.js';
import type { RolesDefinition } from '../definitions/roles.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import type { Issue } from '../errors.js';

export const MANIFEST_FILE = 'template.json';
const SCHEMA_SUFFIX = '.schema.json';
const WORKFLOW_SUFFIX = '.workflow.json';

/** `template.json`: what a template is called and which release it is (semver, so upgrades can be told apart). */
export interface TemplateManifestJson {
  name: string;
  version: string;
  title?: unknown;
  description?: unknown;
  /** Set by an export: the published model it was taken from. */
  exportedFrom?: { modelVersion: number; hash: string };
  [key: string]: unknown;
}

/**
 * A template as one JSON document, mirroring its folder file by file: `schemas` and `workflows` are
 * keyed by file name (`customer.schema.json`, `sales.workflow.json`), `roles` is `roles.json`,
 * `manifest` is `template.json`. The export answers it; the install takes it.
 */
export interface TemplateJson {
  manifest: TemplateManifestJson;
  schemas: Record<string, EntityDefinition>;
  workflows: Record<string, WorkflowDefinition>;
  roles?: RolesDefinition;
}

/** A template read from a folder or a JSON document, with what reading it found wrong. */
export interface TemplateSource {
  set: DefinitionSet;
  files: SourceFiles;
  manifest: TemplateManifestJson | undefined;
  /** Problems of shape (not JSON, file name ≠ id, bad manifest); the definitions' own issues come later. */
  issues: Issue[];
}

/** The definitions of a set as a template, definitions sorted by id. */
export function toTemplate(set: DefinitionSet, manifest: TemplateManifestJson): TemplateJson {
  const canonical = toCanonicalSet(set);
  return {
    manifest,
    schemas: Object.fromEntries(canonical.entities.map((e) => [`${e.$id}${SCHEMA_SUFFIX}`, e])),
    workflows: Object.fromEntries(canonical.workflows.map((w) => [`${w.id}${WORKFLOW_SUFFIX}`, w])),
    ...(canonical.roles && { roles: canonical.roles }),
  };
}

/** The files of a template folder, pretty-printed as a consultant writes them: path relative to the folder → text. */
export function templateFiles(template: TemplateJson): { path: string; text: string }[] {
  const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    { path: MANIFEST_FILE, text: pretty(template.manifest) },
    ...Object.entries(template.schemas).map(([file, entity]) => ({ path: `schemas/${file}`, text: pretty(entity) })),
    ...Object.entries(template.workflows).map(([file, workflow]) => ({ path: `workflows/${file}`, text: pretty(workflow) })),
    ...(template.roles ? [{ path: ROLES_FILE, text: pretty(template.roles) }] : []),
  ];
}

/**
 * Reads a template JSON document (as the export answers it) into a definition set, naming each
 * definition's file as the folder would, so issues point at `schemas/x.schema.json` exactly as a
 * `template install <folder>` reports them.
 */
export function fromTemplate(value: unknown): TemplateSource {
  const issues: Issue[] = [];
  const files: SourceFiles = {};
  const doc = isObject(value) ? value : {};
  if (!isObject(value)) issues.push({ pointer: '', keyword: 'type', message: 'a template must be an object with manifest, schemas and workflows' });
  const entities = members<EntityDefinition>(doc, 'schemas', SCHEMA_SUFFIX, issues).map(({ file, stem, definition }) => {
    files[`entity:${definition.$id}`] = file;
    if (definition.$id !== stem) issues.push({ file, pointer: '/$id', keyword: 'fileName', message: `$id "${String(definition.$id)}" must equal the file name "${stem}"` });
    return definition;
  });
  const workflows = members<WorkflowDefinition>(doc, 'workflows', WORKFLOW_SUFFIX, issues).map(({ file, stem, definition }) => {
    files[`workflow:${definition.id}`] = file;
    if (definition.id !== stem) issues.push({ file, pointer: '/id', keyword: 'fileName', message: `id "${String(definition.id)}" must equal the file name "${stem}"` });
    return definition;
  });
  const roles = doc.roles == null ? undefined : (doc.roles as RolesDefinition);
  if (roles) files[ROLES_SOURCE_KEY] = ROLES_FILE;
  const manifest = isObject(doc.manifest) ? (doc.manifest as TemplateManifestJson) : undefined;
  return { set: { entities, workflows, ...(roles && { roles }) }, files, manifest, issues };
}

/** The manifest's own issues: a template without a name and a semver version cannot be recorded or upgraded. */
export function checkManifest(manifest: unknown): Issue[] {
  const at = (pointer: string, keyword: string, message: string): Issue => ({ file: MANIFEST_FILE, pointer, keyword, message });
  if (!isObject(manifest)) return [at('', 'required', 'a template needs template.json with "name" and "version"')];
  const issues: Issue[] = [];
  if (typeof manifest.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(manifest.name)) {
    issues.push(at('/name', 'pattern', 'name must be letters, digits, ".", "_" or "-" (e.g. "project-delivery")'));
  }
  if (typeof manifest.version !== 'string' || !SEMVER.test(manifest.version)) {
    issues.push(at('/version', 'semver', 'version must be a semantic version such as "1.0.0"'));
  }
  return issues;
}

export const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** The version note of a template install: `template <name>@<version>`; its parser below. */
export function templateNote(manifest: { name: string; version: string }): string {
  return `template ${manifest.name}@${manifest.version}`;
}

export function templateOfNote(note: string | null | undefined): { name: string; version: string } | undefined {
  const match = /^template ([^@\s]+)@(\S+)$/.exec(note ?? '');
  return match ? { name: match[1]!, version: match[2]! } : undefined;
}

/** `schemas` or `workflows` of a template document: file name → definition, each file name checked. */
function members<T>(doc: Record<string, unknown>, key: 'schemas' | 'workflows', suffix: string, issues: Issue[]) {
  const value = doc[key] ?? {};
  if (!isObject(value)) {
    issues.push({ pointer: `/${key}`, keyword: 'type', message: `${key} must be an object of file name → definition` });
    return [];
  }
  const out: { file: string; stem: string; definition: T }[] = [];
  for (const [name, definition] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
    const file = `${key}/${name}`;
    if (!name.endsWith(suffix) || name.includes('/')) {
      issues.push({ file, pointer: '', keyword: 'fileName', message: `a file under ${key}/ must be named <id>${suffix}` });
    } else if (!isObject(definition)) {
      issues.push({ file, pointer: '', keyword: 'type', message: 'must be a JSON object' });
    } else out.push({ file, stem: name.slice(0, -suffix.length), definition: definition as T });
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
