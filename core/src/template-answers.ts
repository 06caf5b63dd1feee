import type {
  DashboardDefinition,
  EntityDefinition,
  RolesDefinition,
  WorkflowDefinition,
} from './definitions/types.js';
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
  /**
   * An add-on: the templates it installs on (`"lodestar-standard"` or a list). Its folder holds only what it
   * adds; without `extends` a template is a whole model and replaces the published one.
   */
  extends?: string | string[];
  [key: string]: unknown;
}

/**
 * `schemas/<entity>.extend.json` of an add-on: what it adds to an entity it did not define (new properties,
 * `required` among them, `x-rules`, and in `x-entity` new record types, sections, unique keys, indexes,
 * duplicate-check fields, an agenda). Its shape is engine/src/definitions/meta/extend.meta.json.
 */
export interface EntityExtension {
  $id: string;
  [key: string]: unknown;
}

/**
 * `workflows/<workflow>.extend.json` of an add-on: what it adds to a workflow it did not define:
 * `meta.schedules` (jobs over the workflow's records) and new events on its states (`states.<state>.on`).
 * Its shape is engine/src/definitions/meta/extend-workflow.meta.json.
 */
export interface WorkflowExtension {
  id: string;
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
  /** Dashboards by file name (`sales-overview.dashboard.json`). */
  dashboards?: Record<string, DashboardDefinition>;
  /** An add-on's additions to entities it did not define, by file name (`customer.extend.json`). */
  extensions?: Record<string, EntityExtension>;
  /** An add-on's additions to workflows it did not define, by file name (`customer-lifecycle.extend.json`). */
  workflowExtensions?: Record<string, WorkflowExtension>;
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
  /** An add-on: the templates it installs on (template.json `extends`). */
  extends?: string[];
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

/** Whether a template is a whole model (replaces the published one) or an add-on (merged into it). */
export type TemplateKind = 'model' | 'addon';

/** A template the published model holds: the whole model it started from, or an add-on merged into it. */
export interface InstalledTemplate {
  name: string;
  version: string;
  kind: TemplateKind;
  /** An add-on: the templates it installs on. */
  extends?: string[];
  title?: unknown;
  /**
   * The model version its install (or last upgrade) published.
   * @integer
   */
  modelVersion: number;
  /** @format date-time */
  installedAt?: string;
}

/** `GET /meta/templates`: what the published model is made of, the whole model first. */
export interface InstalledTemplatesAnswer {
  data: InstalledTemplate[];
}

/** A template shipped with the engine (`templates/<folder>/template.json` beside the definitions). */
export interface ShippedTemplate {
  /** The folder under templates/, which the install route names. */
  folder: string;
  name: string;
  version: string;
  kind: TemplateKind;
  extends?: string[];
  title?: unknown;
  description?: unknown;
  /** The release installed now, when this template is installed. */
  installedVersion?: string;
}

/** `GET /meta/templates/shipped`: the gallery of templates an admin may install. */
export interface ShippedTemplatesAnswer {
  data: ShippedTemplate[];
}
