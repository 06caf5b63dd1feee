import { describe, expect, it } from 'vitest';
import type { WordedStep } from '@lodestar/core';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { reasonsSentence, reviewReasons } from './review-reasons.js';

const role = (read: string, title = { zh: '销售', en: 'Sales' }) => ({
  title,
  entities: { customer: { read, create: 'own', update: 'own', delete: 'own' } },
});
const set = (roles?: Record<string, unknown>): DefinitionSet =>
  ({ entities: [], workflows: [], ...(roles && { roles: { roles } }) }) as unknown as DefinitionSet;
const step = (safety: WordedStep['safety'], zh: string) =>
  ({ kind: 'dropColumn', safety, text: { en: zh, zh }, reasonText: { en: '', zh: '' } }) as unknown as WordedStep;

describe('reviewReasons', () => {
  it('needs nothing for safe steps and unchanged roles', () => {
    expect(reviewReasons(set({ sales: role('own') }), set({ sales: role('own') }), [step('safe', '新增列')])).toEqual(
      [],
    );
  });

  it('names each destructive step as data loss', () => {
    const [reason] = reviewReasons(set(), set(), [step('destructive', '删除“网站”列'), step('safe', '新增列')]);
    expect(reason).toEqual({
      code: 'dataLoss',
      text: { en: 'it loses or changes stored data (1 step)', zh: '会丢失或改变已有数据（1 个步骤）' },
      items: [{ en: '删除“网站”列', zh: '删除“网站”列' }],
    });
  });

  it('names roles added, removed and given other permissions by title', () => {
    const before = set({ sales: role('own'), service: role('all', { zh: '客服', en: 'Service' }) });
    const after = set({ sales: role('team'), manager: role('all', { zh: '经理', en: 'Manager' }) });
    const [reason] = reviewReasons(before, after, []);
    expect(reason!.code).toBe('permissions');
    expect(reason!.items.map((i) => i.zh)).toEqual(['新增角色“经理”', '删除角色“客服”', '修改角色“销售”的权限']);
  });

  it('does not count a role whose only change is its wording', () => {
    const renamed = set({ sales: role('own', { zh: '销售代表', en: 'Sales rep' }) });
    expect(reviewReasons(set({ sales: role('own') }), renamed, [])).toEqual([]);
  });

  it('joins the reasons into one sentence per language', () => {
    const reasons = reviewReasons(set(), set({ sales: role('own') }), [step('destructive', 'x')]);
    expect(reasonsSentence(reasons)).toEqual({
      en: 'it loses or changes stored data (1 step); it changes role permissions',
      zh: '会丢失或改变已有数据（1 个步骤）；会改变角色权限',
    });
  });
});
