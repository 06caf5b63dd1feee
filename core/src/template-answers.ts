import type { WordedPlan } from './worded-plan.js';

/*
 * Templates as the template routes answer them (`/meta/template*`, `lodestar template install --json`): engine
 * versions/install-template.ts builds them, the studio reads them.
 */

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
