import { defineMessages } from '@lodestar/ui-shared';

export const VERSION_MESSAGES = defineMessages({
  zh: {
    heading: '发布历史',
    subheading: '每次发布都会保存一个不可更改的版本。',
    loading: '正在加载发布历史…',
    failed: '无法加载发布历史',
    retry: '重试',
    none: '还没有发布过任何版本。',
    version: '版本',
    source: '来源',
    note: '说明',
    publishedAt: '发布时间',
    current: '当前',
    sources: { folder: '模板文件夹', draft: '工作室草稿', api: 'API', template: '模板', rollback: '回滚' } as Record<
      string,
      string
    >,
  },
  en: {
    heading: 'Versions',
    subheading: 'Every publish keeps an immutable version.',
    loading: 'Loading the versions…',
    failed: 'Could not load the versions',
    retry: 'Try again',
    none: 'Nothing has been published yet.',
    version: 'Version',
    source: 'Source',
    note: 'Note',
    publishedAt: 'Published',
    current: 'current',
    sources: {
      folder: 'Definitions folder',
      draft: 'Studio draft',
      api: 'API',
      template: 'Template',
      rollback: 'Rollback',
    },
  },
});
