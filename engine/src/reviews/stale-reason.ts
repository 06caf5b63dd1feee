import type { Knex } from 'knex';
import type { Text } from '../errors.js';
import { hashDefinitionSet, toCanonicalSet } from '../definitions/definition-set.js';
import { readDraft, readLatestVersionNumber } from '../db/definitions-repo.js';
import type { StoredReview } from './reviews-repo.js';

/**
 * Why a pending submission can no longer be approved, or null: the reviewer approves what was submitted,
 * so a draft changed or discarded since, or a version published since (the plan was made against the old
 * one), makes it stale. The submitter submits again.
 */
export async function staleReason(knex: Knex, review: StoredReview): Promise<Text | null> {
  const latest = (await readLatestVersionNumber(knex)) ?? 0;
  if (latest !== review.baseVersion)
    return {
      en: `version ${latest} was published after this change was submitted against version ${review.baseVersion}: the submitter must submit it again`,
      zh: `此变更基于版本 ${review.baseVersion} 提交，之后已发布版本 ${latest}：需由提交人重新提交`,
    };
  const draft = await readDraft(knex, review.draftId);
  if (!draft)
    return {
      en: 'the draft was discarded after it was submitted',
      zh: '提交审核后草稿已被放弃',
    };
  if (hashDefinitionSet(toCanonicalSet(draft.definitions)) !== review.hash)
    return {
      en: 'the draft changed after it was submitted: what would be approved is not what is in the draft; the submitter must submit it again',
      zh: '提交审核后草稿又被修改，批准的内容与草稿不一致：需由提交人重新提交',
    };
  return null;
}
