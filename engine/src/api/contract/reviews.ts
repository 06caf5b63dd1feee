import { json, problems, ref } from '../openapi/common.js';
import type { JsonSchema } from '../openapi/field-schemas.js';
import { contract, object, text, uuid } from './spec.js';

const tags = ['meta'];
/** A closed object (every member declared), so the response test catches an answer member nobody documented. */
const answer = (properties: Record<string, JsonSchema>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const integer = { type: 'integer' };
const instant = { type: 'string', format: 'date-time' };
const person = answer({
  id: uuid,
  name: nullable(text({ description: 'The display name; null once the user is gone.' })),
});
const reason = answer({
  code: { type: 'string', enum: ['dataLoss', 'permissions'] },
  text: ref('Text'),
  items: { type: 'array', items: ref('Text'), description: 'The steps that lose data, or the roles changed.' },
});
const reasons = { type: 'array', items: reason, description: 'Why the change needs review; empty: it does not.' };
const settings = answer({
  requireReview: {
    type: 'boolean',
    description: 'A publish losing data or changing role permissions needs a second administrator.',
  },
  updatedBy: nullable(uuid),
  updatedAt: nullable(instant),
});
const review = answer({
  id: uuid,
  draft: text({ description: 'The draft submitted.' }),
  status: { type: 'string', enum: ['pending', 'approved', 'returned', 'superseded'] },
  baseVersion: { ...integer, description: 'The published version the submission was planned against.' },
  note: nullable(text({ description: "The submitter's note." })),
  submittedBy: nullable(person),
  submittedAt: instant,
  reviewedBy: nullable(person),
  reviewedAt: nullable(instant),
  reviewNote: nullable(text({ description: "The reviewer's note: the approval's, or why it was returned." })),
  version: nullable({ ...integer, description: 'The version an approval published.' }),
  reasons,
  stale: nullable({
    ...ref('Text'),
    description: 'Why a pending submission can no longer be approved (the draft changed, or a newer version).',
  }),
});
const reviewId = { id: { schema: uuid, description: 'The submission.' } };
const draftId = { id: { schema: text(), description: 'The draft id, e.g. `studio`.' } };
const noSuchReview = { en: 'there is no such submission', zh: '没有这个审核申请' };

/**
 * Four eyes for risky publishes (reviews/): the installation's setting, submitting a draft with its plan,
 * and a second administrator approving (publishing exactly what was submitted) or returning it.
 */
export const REVIEWS = contract('/meta', {
  settings: {
    method: 'get',
    path: '/review-settings',
    operationId: 'readReviewSettings',
    tags,
    summary: 'Whether publishes that lose data or change role permissions need a second administrator',
    responses: { 200: json('The setting (off until an administrator turns it on).', settings), ...problems() },
  },
  saveSettings: {
    method: 'put',
    path: '/review-settings',
    operationId: 'saveReviewSettings',
    tags,
    summary: 'Turn the second-administrator review on or off for this installation',
    body: object({ requireReview: { type: 'boolean' } }, ['requireReview'], { additionalProperties: false }),
    responses: { 200: json('The setting as saved.', settings), ...problems(422) },
  },
  draftReview: {
    method: 'get',
    path: '/drafts/:id/review',
    operationId: 'draftReviewStatus',
    tags,
    summary: "Whether publishing the draft needs review and why, and the draft's latest submission",
    description:
      'When the installation requires review and the draft loses data or changes role permissions, publishing it directly answers 409 `review-required`; submit it with `POST /meta/drafts/{id}/review` instead.',
    params: draftId,
    responses: {
      200: json(
        'The setting, the reasons (empty when a direct publish is allowed) and the latest submission of this draft.',
        answer({
          requireReview: { type: 'boolean' },
          required: { type: 'boolean' },
          reasons,
          latest: nullable(review),
        }),
      ),
      ...problems(404, 422),
    },
  },
  submit: {
    method: 'post',
    path: '/drafts/:id/review',
    operationId: 'submitDraftForReview',
    tags,
    summary: 'Submit the draft for a second administrator: its definitions and plan are frozen as they are now',
    description:
      'An approval publishes exactly the submitted definitions; if the draft changes afterwards the submission is stale and cannot be approved. A newer submission of the same draft supersedes a pending one.',
    params: draftId,
    body: object({ note: text({ maxLength: 2000 }), stateMapping: { description: 'As for publish.' } }),
    responses: {
      201: json('The submission, pending.', review),
      ...problems(404, 409, 422),
    },
  },
  list: {
    method: 'get',
    path: '/reviews',
    operationId: 'listReviews',
    tags,
    summary: 'Submissions, newest first (pending ones unless `status` says otherwise)',
    query: {
      properties: {
        status: { type: 'string', enum: ['pending', 'approved', 'returned', 'superseded'] },
        draft: text({ description: 'Only the submissions of this draft.' }),
      },
    },
    responses: {
      200: json('The submissions.', answer({ data: { type: 'array', items: review } })),
      ...problems(400),
    },
  },
  read: {
    method: 'get',
    path: '/reviews/:id',
    operationId: 'readReview',
    tags,
    summary: 'One submission with what it changes: the diff against its base version and the frozen plan',
    params: reviewId,
    notFound: noSuchReview,
    responses: {
      200: json(
        'The submission, its diff (from the base version to the version it would become, with the plan as submitted).',
        answer({ review, diff: ref('VersionsDiff') }),
      ),
      ...problems(404),
    },
  },
  approve: {
    method: 'post',
    path: '/reviews/:id/approve',
    operationId: 'approveReview',
    tags,
    summary: 'Approve a submission and publish exactly its definitions (another administrator than the submitter)',
    description:
      'The submitter approving their own submission is refused (403); a stale submission (the draft changed, or a newer version) is refused (409).',
    params: reviewId,
    notFound: noSuchReview,
    body: object({ note: text({ maxLength: 2000 }) }),
    responses: {
      201: json(
        'The version published (its history names submitter and reviewer) and the plan it applied.',
        answer({ version: integer, plan: ref('WordedPlan'), review }),
      ),
      ...problems(404, 409, 422),
    },
  },
  return: {
    method: 'post',
    path: '/reviews/:id/return',
    operationId: 'returnReview',
    tags,
    summary: 'Return a submission with a comment: nothing is published, the draft stays',
    params: reviewId,
    notFound: noSuchReview,
    body: object({ comment: text({ minLength: 1, maxLength: 2000, pattern: '\\S' }) }, ['comment']),
    responses: { 200: json('The submission, returned.', review), ...problems(404, 409, 422) },
  },
});
