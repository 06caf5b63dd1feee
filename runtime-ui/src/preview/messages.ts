import { defineMessages } from '@lodestar/ui-shared';

export const PREVIEW_MESSAGES = defineMessages({
  zh: {
    region: '预览',
    banner: (who: string, draft: boolean) =>
      draft
        ? `预览：以 ${who} 身份查看草稿（不会保存任何更改）`
        : `预览：以 ${who} 身份查看当前发布的版本（不会保存任何更改）`,
    expired: '预览已过期，请在设计器中重新打开。',
    exit: '退出预览',
  },
  en: {
    region: 'Preview',
    banner: (who: string, draft: boolean) =>
      draft
        ? `Preview: viewing the draft as ${who} (nothing is saved)`
        : `Preview: viewing the published version as ${who} (nothing is saved)`,
    expired: 'The preview has expired: open it again from the studio.',
    exit: 'Leave preview',
  },
});
