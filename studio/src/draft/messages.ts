import { defineMessages } from '@lodestar/ui-shared';

export const DRAFT_MESSAGES = defineMessages({
  zh: {
    unpublished: '有尚未发布的更改',
    noChanges: '草稿与已发布的模型一致',
    review: '预览并发布',
    discard: '放弃草稿',
    confirmDiscard: '放弃草稿中的全部更改？',
    confirmDiscardBody: '已发布的模型不受影响。',
    saveState: { idle: '', pending: '待保存…', saving: '正在保存…', saved: '已保存', failed: '保存失败' } as Record<
      string,
      string
    >,
    issues: (n: number) => `${n} 个问题需要处理`,
    stale: (base: number, now: number) => `草稿基于 v${base}，此后已发布 v${now}`,
    otherIssues: '其他问题',
  },
  en: {
    unpublished: 'Unpublished changes',
    noChanges: 'The draft matches the published model',
    review: 'Review and publish',
    discard: 'Discard draft',
    confirmDiscard: 'Discard every change in the draft?',
    confirmDiscardBody: 'The published model stays as it is.',
    saveState: { idle: '', pending: 'Waiting to save…', saving: 'Saving…', saved: 'Saved', failed: 'Could not save' },
    issues: (n: number) => `${n} problem${n === 1 ? '' : 's'} to fix`,
    stale: (base: number, now: number) => `The draft is based on v${base}; v${now} has been published since`,
    otherIssues: 'Other problems',
  },
});
