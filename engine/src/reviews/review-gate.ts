import type { Knex } from 'knex';
import { EMPTY_SET, type DefinitionSet } from '../definitions/definition-set.js';
import { readCurrentVersion } from '../db/definitions-repo.js';
import type { StateMapping } from '../migrate/state-mapping.js';
import { planChange } from '../store/plan-change.js';
import { isAddonManifest } from '../versions/addon-parts.js';
import { installTemplate, type InstallOptions } from '../versions/install-template.js';
import type { TemplateSource } from '../versions/template-json.js';
import { reviewReasons, type ReviewReason } from './review-reasons.js';
import { ReviewRequired, THROUGH_DRAFT } from './review-required.js';
import { readReviewSettings } from './reviews-repo.js';

/** Whether the installation requires review, and if so why publishing `next` directly would need it. */
export async function directPublishReasons(
  knex: Knex,
  next: DefinitionSet,
  stateMapping: StateMapping,
): Promise<{ requireReview: boolean; reasons: ReviewReason[] }> {
  if (!(await readReviewSettings(knex)).requireReview) return { requireReview: false, reasons: [] };
  const plan = await planChange(knex, next, undefined, { stateMapping });
  const current = await readCurrentVersion(knex);
  return { requireReview: true, reasons: reviewReasons(current?.definitions ?? EMPTY_SET, next, plan.steps) };
}

/**
 * The gate of a direct publish (a draft, a rolled-back draft): 409 ReviewRequired when the installation
 * requires review and the change loses data or changes permissions. Answers whether destructive steps may
 * apply: never while review is required, so a step that turns destructive between this check and the
 * publish's own re-plan under its lock is refused rather than slipping past review.
 */
export async function gateDirectPublish(
  knex: Knex,
  next: DefinitionSet,
  options: { stateMapping: StateMapping; confirmDestructive: boolean },
): Promise<boolean> {
  const { requireReview, reasons } = await directPublishReasons(knex, next, options.stateMapping);
  if (reasons.length) throw new ReviewRequired(reasons);
  return options.confirmDestructive && !requireReview;
}

/**
 * The same gate for a template install (not a dry run): the install's own dry run gives the plan; a
 * whole-model template's roles are compared with the published ones, and an add-on bringing roles.json
 * changes permissions.
 */
export async function gateTemplateInstall(
  knex: Knex,
  source: TemplateSource,
  options: InstallOptions,
): Promise<boolean> {
  const confirm = options.allowDestructive === true;
  if (options.dryRun || !(await readReviewSettings(knex)).requireReview) return confirm;
  const dry = await installTemplate(knex, source, { ...options, dryRun: true });
  if (dry.status !== 'planned') return false;
  const current = (await readCurrentVersion(knex))?.definitions ?? EMPTY_SET;
  // An add-on only adds: whatever its roles.json brings counts as a permission change.
  const [before, next] = isAddonManifest(source.manifest)
    ? [
        { ...current, roles: undefined },
        { ...current, roles: source.set.roles },
      ]
    : [current, source.set];
  const reasons = reviewReasons(before, next, dry.plan.steps);
  if (reasons.length) throw new ReviewRequired(reasons, THROUGH_DRAFT);
  return false;
}
