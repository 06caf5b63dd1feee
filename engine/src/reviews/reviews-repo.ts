import type { WordedPlan } from '@lodestar/core';
import { userNameRows } from '../identity/users-repo.js';
import type { Knex } from 'knex';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { StateMapping } from '../migrate/state-mapping.js';
import type { ReviewReason } from './review-reasons.js';

const SETTINGS = 'lodestar_review_settings';
const REVIEWS = 'lodestar_reviews';
const PUBLISH_KEY = 'publish';

export type ReviewStatus = 'pending' | 'approved' | 'returned' | 'superseded';

export interface ReviewSettings {
  requireReview: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A submission as stored, definitions and plan included. */
export interface StoredReview {
  id: string;
  draftId: string;
  status: ReviewStatus;
  baseVersion: number;
  definitions: DefinitionSet;
  hash: string;
  plan: WordedPlan;
  stateMapping: StateMapping;
  reasons: ReviewReason[];
  note: string | null;
  submittedBy: string | null;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  version: number | null;
}

/** A user named in a review: id and display name (null once the user is gone). */
export interface ReviewPerson {
  id: string;
  name: string | null;
}

const instant = (value: unknown): string | null =>
  value == null ? null : (value instanceof Date ? value : new Date(String(value))).toISOString();
// `json` columns come back as text on PGlite, as values on node-postgres.
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

export async function readReviewSettings(knex: Knex): Promise<ReviewSettings> {
  const row = await knex(SETTINGS).where({ key: PUBLISH_KEY }).first();
  return {
    requireReview: row?.require_review === true,
    updatedBy: (row?.updated_by as string | undefined) ?? null,
    updatedAt: instant(row?.updated_at),
  };
}

export async function writeReviewSettings(knex: Knex, requireReview: boolean, by: string | null): Promise<void> {
  await knex(SETTINGS)
    .insert({ key: PUBLISH_KEY, require_review: requireReview, updated_by: by, updated_at: knex.fn.now() })
    .onConflict('key')
    .merge();
}

function toReview(row: Record<string, unknown>): StoredReview {
  return {
    id: row.id as string,
    draftId: row.draft_id as string,
    status: row.status as ReviewStatus,
    baseVersion: Number(row.base_version),
    definitions: parsed<DefinitionSet>(row.definitions),
    hash: row.hash as string,
    plan: parsed<WordedPlan>(row.plan),
    stateMapping: parsed<StateMapping>(row.state_mapping),
    reasons: parsed<ReviewReason[]>(row.reasons),
    note: (row.note as string | null) ?? null,
    submittedBy: (row.submitted_by as string | null) ?? null,
    submittedAt: instant(row.submitted_at)!,
    reviewedBy: (row.reviewed_by as string | null) ?? null,
    reviewedAt: instant(row.reviewed_at),
    reviewNote: (row.review_note as string | null) ?? null,
    version: row.version == null ? null : Number(row.version),
  };
}

/** Stores a submission; an earlier pending one of the same draft is superseded by it (one pending per draft). */
export async function insertReview(
  trx: Knex.Transaction,
  review: Pick<
    StoredReview,
    'draftId' | 'baseVersion' | 'definitions' | 'hash' | 'plan' | 'stateMapping' | 'reasons' | 'note' | 'submittedBy'
  >,
): Promise<{ review: StoredReview; superseded: string[] }> {
  const superseded = (await trx(REVIEWS)
    .where({ draft_id: review.draftId, status: 'pending' })
    .update({ status: 'superseded' })
    .returning('id')) as { id: string }[];
  const [row] = (await trx(REVIEWS)
    .insert({
      draft_id: review.draftId,
      status: 'pending',
      base_version: review.baseVersion,
      definitions: JSON.stringify(review.definitions),
      hash: review.hash,
      plan: JSON.stringify(review.plan),
      state_mapping: JSON.stringify(review.stateMapping),
      reasons: JSON.stringify(review.reasons),
      note: review.note,
      submitted_by: review.submittedBy,
    })
    .returning('*')) as Record<string, unknown>[];
  return { review: toReview(row!), superseded: superseded.map((r) => r.id) };
}

export async function readReview(knex: Knex, id: string): Promise<StoredReview | undefined> {
  const row = (await knex(REVIEWS).where({ id }).first()) as Record<string, unknown> | undefined;
  return row && toReview(row);
}

/** Submissions newest first, by status and/or draft. */
export async function listReviews(
  knex: Knex,
  filter: { status?: ReviewStatus; draftId?: string; limit?: number },
): Promise<StoredReview[]> {
  const query = knex(REVIEWS).orderBy('submitted_at', 'desc').orderBy('id');
  if (filter.status) void query.where({ status: filter.status });
  if (filter.draftId) void query.where({ draft_id: filter.draftId });
  if (filter.limit) void query.limit(filter.limit);
  return ((await query) as Record<string, unknown>[]).map(toReview);
}

/**
 * Closes a pending submission (approved with its version, or returned). Answers false when it was no longer
 * pending: two reviewers at once, only the first decides.
 */
export async function decideReview(
  knex: Knex,
  id: string,
  decision: { status: 'approved' | 'returned'; by: string; note: string | null; version?: number },
): Promise<boolean> {
  const changed = await knex(REVIEWS)
    .where({ id, status: 'pending' })
    .update({
      status: decision.status,
      reviewed_by: decision.by,
      reviewed_at: knex.fn.now(),
      review_note: decision.note,
      version: decision.version ?? null,
    });
  return Number(changed) === 1;
}

/** Display names of the users named, by id (email when the name is empty). */
export async function personsOf(knex: Knex, ids: Iterable<string | null>): Promise<Map<string, ReviewPerson>> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  const rows = wanted.length ? await userNameRows(knex, wanted) : [];
  const found = new Map(rows.map((r) => [r.id, r.display_name || r.email]));
  return new Map(wanted.map((id) => [id, { id, name: found.get(id) ?? null }]));
}
