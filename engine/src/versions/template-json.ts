import type { TemplateJson, TemplateManifestJson } from '@lodestar/core';
import {
  ROLES_FILE,
  ROLES_SOURCE_KEY,
  toCanonicalSet,
  type DefinitionSet,
  type SourceFiles,
} from '../definitions/definition-set.js';
import type { EntityDefinition } from '../definitions/entity.js';
import type { RolesDefinition } from '../definitions/roles.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import type { Issue, Text } from '../errors.js';
import { dashboardsOfSet, dashboardsOfTemplate } from './template-dashboards.js';

export const MANIFEST_FILE = 'template.json';
const SCHEMA_SUFFIX = '.schema.json';
const WORKFLOW_SUFFIX = '.workflow.json';
/** An add-on's additions to an entity it did not define: `schemas/<entity>.extend.json`. */
export const EXTEND_SUFFIX = '.extend.json';

/** A template read from a folder or a JSON document, with what reading it found wrong. */
export interface TemplateSource {
  set: DefinitionSet;
  files: SourceFiles;
  manifest: TemplateManifestJson | undefined;
  /** Problems of shape (not JSON, file name ≠ id, bad manifest); the definitions' own issues come later. */
  issues: Issue[];
  /**
   * An add-on's `schemas/<entity>.extend.json` and `workflows/<workflow>.extend.json` files: path → parsed JSON
   * (judged by validate-extension.ts).
   */
  extensions?: Record<string, unknown>;
}

/** The definitions of a set as a template, definitions sorted by id. */
export function toTemplate(set: DefinitionSet, manifest: TemplateManifestJson): TemplateJson {
  const canonical = toCanonicalSet(set);
  return {
    manifest,
    schemas: Object.fromEntries(canonical.entities.map((e) => [`${e.$id}${SCHEMA_SUFFIX}`, e])),
    workflows: Object.fromEntries(canonical.workflows.map((w) => [`${w.id}${WORKFLOW_SUFFIX}`, w])),
    ...(canonical.roles && { roles: canonical.roles }),
    ...(canonical.dashboards && { dashboards: dashboardsOfSet(canonical) }),
  };
}

/** The files of a template folder, pretty-printed as a consultant writes them: path relative to the folder → text. */
export function templateFiles(template: TemplateJson): { path: string; text: string }[] {
  const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    { path: MANIFEST_FILE, text: pretty(template.manifest) },
    ...Object.entries(template.schemas).map(([file, entity]) => ({ path: `schemas/${file}`, text: pretty(entity) })),
    ...Object.entries(template.workflows).map(([file, workflow]) => ({
      path: `workflows/${file}`,
      text: pretty(workflow),
    })),
    ...(template.roles ? [{ path: ROLES_FILE, text: pretty(template.roles) }] : []),
    ...Object.entries(template.dashboards ?? {}).map(([file, dashboard]) => ({
      path: `dashboards/${file}`,
      text: pretty(dashboard),
    })),
    ...Object.entries(template.extensions ?? {}).map(([file, extension]) => ({
      path: `schemas/${file}`,
      text: pretty(extension),
    })),
    ...Object.entries(template.workflowExtensions ?? {}).map(([file, extension]) => ({
      path: `workflows/${file}`,
      text: pretty(extension),
    })),
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
  if (!isObject(value))
    issues.push({
      pointer: '',
      keyword: 'type',
      message: 'a template must be an object with manifest, schemas and workflows',
    });
  const entities = members<EntityDefinition>(doc, 'schemas', SCHEMA_SUFFIX, issues).map(
    ({ file, stem, definition }) => {
      files[`entity:${definition.$id}`] = file;
      if (definition.$id !== stem)
        issues.push({
          file,
          pointer: '/$id',
          keyword: 'fileName',
          message: `$id "${String(definition.$id)}" must equal the file name "${stem}"`,
        });
      return definition;
    },
  );
  const workflows = members<WorkflowDefinition>(doc, 'workflows', WORKFLOW_SUFFIX, issues).map(
    ({ file, stem, definition }) => {
      files[`workflow:${definition.id}`] = file;
      if (definition.id !== stem)
        issues.push({
          file,
          pointer: '/id',
          keyword: 'fileName',
          message: `id "${String(definition.id)}" must equal the file name "${stem}"`,
        });
      return definition;
    },
  );
  const dashboards = dashboardsOfTemplate(doc.dashboards, files, issues);
  const roles = doc.roles == null ? undefined : (doc.roles as RolesDefinition);
  if (roles) files[ROLES_SOURCE_KEY] = ROLES_FILE;
  const manifest = isObject(doc.manifest) ? (doc.manifest as TemplateManifestJson) : undefined;
  const extensions = Object.fromEntries(
    [
      ...members<unknown>(doc, 'extensions', EXTEND_SUFFIX, issues, 'schemas'),
      ...members<unknown>(doc, 'workflowExtensions', EXTEND_SUFFIX, issues, 'workflows'),
    ].map(({ file, definition }) => [file, definition]),
  );
  return {
    set: { entities, workflows, ...(roles && { roles }), ...(dashboards.length > 0 && { dashboards }) },
    files,
    manifest,
    issues,
    ...(Object.keys(extensions).length && { extensions }),
  };
}

/**
 * The manifest's own issues: a template needs a name (any language, as people call it: "华东制造业CRM") and a
 * version ("1.0", "1.2.0"), so installs can be recorded and upgrades told apart.
 */
export function checkManifest(manifest: unknown): Issue[] {
  const at = (pointer: string, keyword: string, i18n: Text): Issue => ({
    file: MANIFEST_FILE,
    pointer,
    keyword,
    message: i18n.en,
    i18n,
  });
  if (!isObject(manifest)) {
    return [
      at('', 'required', {
        en: 'a template needs template.json with "name" and "version"',
        zh: '模板需要 template.json，其中写明名称（name）和版本（version）',
      }),
    ];
  }
  const issues: Issue[] = [];
  if (!isTemplateName(manifest.name)) {
    issues.push(
      at('/name', 'name', {
        en: `the name must be 1 to ${NAME_MAX} characters of text without line breaks (e.g. "华东制造业CRM" or "project-delivery")`,
        zh: `名称须为 1 至 ${NAME_MAX} 个字符的文字，不能换行（例如“华东制造业CRM”或“project-delivery”）`,
      }),
    );
  }
  if (!isTemplateVersion(manifest.version)) {
    issues.push(
      at('/version', 'version', {
        en: 'the version must be numbers separated by dots, such as "1.0" or "1.2.0"',
        zh: '版本须为用点分隔的数字，例如“1.0”或“1.2.0”',
      }),
    );
  }
  return issues;
}

const NAME_MAX = 100;

/** Trimmed text of 1..100 characters with no control characters (it is shown, stored and written into a note). */
export function isTemplateName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value === value.trim() &&
    [...value].length >= 1 &&
    [...value].length <= NAME_MAX &&
    !/\p{Cc}/u.test(value)
  );
}

/** A release number: 1 to 3 dot-separated numbers ("1.0", "1.2.0"), with semver's optional pre-release and build parts. */
export const TEMPLATE_VERSION = /^\d{1,9}(?:\.\d{1,9}){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function isTemplateVersion(value: unknown): value is string {
  return typeof value === 'string' && TEMPLATE_VERSION.test(value);
}

/** The version note of a template install: `template <name>@<version>`; its parser below. */
export function templateNote(manifest: { name: string; version: string }): string {
  return `template ${manifest.name}@${manifest.version}`;
}

// The name may hold "@" and spaces; the version holds neither, so the last "@" splits them.
export function templateOfNote(note: string | null | undefined): { name: string; version: string } | undefined {
  const match = /^template (.+)@([^@\s]+)$/s.exec(note ?? '');
  return match ? { name: match[1]!, version: match[2]! } : undefined;
}

/**
 * `schemas`, `workflows`, `extensions` or `workflowExtensions` of a template document: file name → definition,
 * each file name checked; `folder` is where the folder keeps those files (extensions live in schemas/,
 * workflow extensions in workflows/).
 */
function members<T>(
  doc: Record<string, unknown>,
  key: 'schemas' | 'workflows' | 'extensions' | 'workflowExtensions',
  suffix: string,
  issues: Issue[],
  folder: string = key,
) {
  const value = doc[key] ?? {};
  if (!isObject(value)) {
    issues.push({ pointer: `/${key}`, keyword: 'type', message: `${key} must be an object of file name → definition` });
    return [];
  }
  const out: { file: string; stem: string; definition: T }[] = [];
  for (const [name, definition] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
    const file = `${folder}/${name}`;
    if (!name.endsWith(suffix) || name.includes('/')) {
      issues.push({
        file,
        pointer: '',
        keyword: 'fileName',
        message: `a file under ${folder}/ must be named <id>${suffix}`,
      });
    } else if (!isObject(definition)) {
      issues.push({ file, pointer: '', keyword: 'type', message: 'must be a JSON object' });
    } else out.push({ file, stem: name.slice(0, -suffix.length), definition: definition as T });
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
