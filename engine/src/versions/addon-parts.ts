import type { EntityExtension, WorkflowExtension } from '@lodestar/core';
import type { DashboardDefinition } from '@lodestar/core';
import type { EntityDefinition } from '../definitions/entity.js';
import type { RolesDefinition } from '../definitions/roles.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { EXTEND_SUFFIX, type TemplateSource } from './template-json.js';

/**
 * What one release of an add-on brings, as stored with its install (lodestar_template_installs.contribution):
 * whole new entities and workflows, additions to entities and workflows it did not define (`schemas/*.extend.json`,
 * `workflows/*.extend.json`), and roles.json
 * entries (new roles; grants of its own entities on roles the model has). Upgrading takes exactly this out
 * of the model again before the new release goes in.
 */
export interface AddonParts {
  name: string;
  version: string;
  entities: EntityDefinition[];
  extensions: EntityExtension[];
  workflows: WorkflowDefinition[];
  /** Schedules added to workflows of the model; absent in contributions stored before add-ons could add them. */
  workflowExtensions?: WorkflowExtension[];
  roles?: RolesDefinition;
  /** Dashboards it ships (`dashboards/*.dashboard.json`): new ones only, like its workflows. */
  dashboards?: DashboardDefinition[];
}

/** The names an add-on's `extends` gives: one name or a list; empty for a whole-model template. */
export function extendsOf(manifest: { extends?: unknown } | undefined): string[] {
  const value = manifest?.extends;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Whether a manifest marks an add-on (it has `extends`, even a broken one: then its issues are reported). */
export function isAddonManifest(manifest: { extends?: unknown } | undefined): boolean {
  return manifest?.extends !== undefined;
}

/** The file of an extension, as the folder names it. */
export const extensionFile = (id: string) => `schemas/${id}${EXTEND_SUFFIX}`;
/** The file of a workflow extension, as the folder names it. */
export const workflowExtensionFile = (id: string) => `workflows/${id}${EXTEND_SUFFIX}`;

/** An add-on template as read (folder or JSON) → what it brings; extensions without an id are left to their issues. */
export function toAddonParts(source: TemplateSource): AddonParts {
  return {
    name: String(source.manifest?.name),
    version: String(source.manifest?.version),
    entities: source.set.entities,
    workflows: source.set.workflows,
    extensions: Object.entries(source.extensions ?? {})
      .filter(([file]) => !file.startsWith('workflows/'))
      .map(([, value]) => value as EntityExtension)
      .filter((x) => typeof x?.$id === 'string'),
    workflowExtensions: Object.entries(source.extensions ?? {})
      .filter(([file]) => file.startsWith('workflows/'))
      .map(([, value]) => value as WorkflowExtension)
      .filter((x) => typeof x?.id === 'string'),
    ...(source.set.roles && { roles: source.set.roles }),
    ...(source.set.dashboards?.length && { dashboards: source.set.dashboards }),
  };
}
