import type { Text, WordedStep } from '@lodestar/core';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { diffDefinitionSets } from '../versions/diff-definitions.js';

/** Why a publish needs a second administrator: it loses data, or it changes what roles may do. */
export type ReviewReasonCode = 'dataLoss' | 'permissions';

export interface ReviewReason {
  code: ReviewReasonCode;
  /** The reason in one sentence, both languages. */
  text: Text;
  /** What exactly: the destructive steps in the planner's words, or each role added, removed or changed. */
  items: Text[];
}

// A role's title or description is wording, not permission: changing only those needs no review.
const WORDING = /^\/(title|description)(\/|$)/;

/**
 * Pure: the reasons a change from `before` to `next` (planned as `steps`) is risky. Empty means a harmless
 * publish that never needs review, even when the installation requires review for risky ones.
 */
export function reviewReasons(
  before: DefinitionSet,
  next: DefinitionSet,
  steps: readonly WordedStep[],
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  const losing = steps.filter((s) => s.safety === 'destructive');
  if (losing.length)
    reasons.push({
      code: 'dataLoss',
      text: {
        en: `it loses or changes stored data (${losing.length} step${losing.length === 1 ? '' : 's'})`,
        zh: `会丢失或改变已有数据（${losing.length} 个步骤）`,
      },
      items: losing.map((s) => s.text),
    });
  const roles = diffDefinitionSets(before, next).roles;
  const title = (role: string): Text => roles.titles?.[role] ?? { en: role, zh: role };
  const items: Text[] = [
    ...roles.added.map((r) => ({ en: `adds the role “${title(r).en}”`, zh: `新增角色“${title(r).zh}”` })),
    ...roles.removed.map((r) => ({ en: `removes the role “${title(r).en}”`, zh: `删除角色“${title(r).zh}”` })),
    ...roles.changed
      .filter((c) => c.pointers.some((p) => !WORDING.test(p)))
      .map((c) => ({
        en: `changes what “${title(c.role).en}” may do`,
        zh: `修改角色“${title(c.role).zh}”的权限`,
      })),
  ];
  if (items.length)
    reasons.push({ code: 'permissions', text: { en: 'it changes role permissions', zh: '会改变角色权限' }, items });
  return reasons;
}

/** The reasons joined into one sentence per language, for a problem's detail. */
export function reasonsSentence(reasons: readonly ReviewReason[]): Text {
  return {
    en: reasons.map((r) => r.text.en).join('; '),
    zh: reasons.map((r) => r.text.zh).join('；'),
  };
}
