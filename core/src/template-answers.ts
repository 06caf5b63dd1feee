import type { EntityDefinition, RolesDefinition, WorkflowDefinition } from './definitions/types.js';
import type { WordedPlan } from './worded-plan.js';

/*
 * Templates as the template routes answer them (`/meta/template*`, `lodestar template install --json`): engine
 * versions/install-template.ts builds them, the studio reads them.
 */

/** The published model a template was exported from. */
export interface TemplateOrigin {
  /** @integer */
  modelVersion: number;
  hash: string;
}

/** `template.json`: what a template is called and which release it is (semver, so upgrades can be told apart). */
export interface TemplateManifestJson {
  name: string;
  version: string;
  title?: unknown;
  description?: unknown;
  /** Set by an export: the published model it was taken from. */
  exportedFrom?: TemplateOrigin;
  [key: string]: unknown;
}

/**
 * A template as one JSON document, mirroring its folder file by file: `schemas` and `workflows` are keyed by
 * file name (`customer.schema.json`, `sales.workflow.json`), `roles` is `roles.json`, `manifest` is
 * `template.json`. The export answers it (`GET /meta/template`); the install takes it.
 */
export interface TemplateJson {
  manifest: TemplateManifestJson;
  schemas: Record<string, EntityDefinition>;
  workflows: Record<string, WorkflowDefinition>;
  roles?: RolesDefinition;
}

/** Which template, and which release of it (semver). */
export interface TemplateId {
  name: string;
  version: string;
}

/** What every install answer says: the template installed, and the one it upgrades when one was installed. */
export interface InstallOf {
  template: TemplateId;
  /** The template it upgrades, when one was installed. */
  previous?: TemplateId;
}

/** The definitions are already published (a re-run): nothing changed. */
export interface InstallUnchanged extends InstallOf {
  status: 'unchanged';
  /**
   * The current version, already this template.
   * @integer
   */
  version: number;
}

/** A dry run: the plan an install would apply. */
export interface InstallPlanned extends InstallOf {
  status: 'planned';
  plan: WordedPlan;
}

/** Published as the next model version, with the plan it applied. */
export interface InstallPublished extends InstallOf {
  status: 'published';
  /** @integer */
  version: number;
  plan: WordedPlan;
}

/** What a template install did (`POST /meta/template/install`): one closed shape per status. */
export type InstallAnswer = InstallUnchanged | InstallPlanned | InstallPublished;
