import type { Knex } from 'knex';
import type { Text } from '../errors.js';
import type { ReviewReason } from './review-reasons.js';
import { personsOf, type ReviewPerson, type ReviewStatus, type StoredReview } from './reviews-repo.js';
import { staleReason } from './stale-reason.js';

/** A submission as the review routes answer it (definitions and plan left out; `GET /reviews/{id}` has the diff). */
export interface ReviewJson {
  id: string;
  draft: string;
  status: ReviewStatus;
  baseVersion: number;
  note: string | null;
  submittedBy: ReviewPerson | null;
  submittedAt: string;
  reviewedBy: ReviewPerson | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  version: number | null;
  reasons: ReviewReason[];
  stale: Text | null;
}

export async function toReviewJson(knex: Knex, rows: readonly StoredReview[]): Promise<ReviewJson[]> {
  const persons = await personsOf(
    knex,
    rows.flatMap((r) => [r.submittedBy, r.reviewedBy]),
  );
  const person = (id: string | null) => (id ? (persons.get(id) ?? { id, name: null }) : null);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      draft: r.draftId,
      status: r.status,
      baseVersion: r.baseVersion,
      note: r.note,
      submittedBy: person(r.submittedBy),
      submittedAt: r.submittedAt,
      reviewedBy: person(r.reviewedBy),
      reviewedAt: r.reviewedAt,
      reviewNote: r.reviewNote,
      version: r.version,
      reasons: r.reasons,
      stale: r.status === 'pending' ? await staleReason(knex, r) : null,
    })),
  );
}
