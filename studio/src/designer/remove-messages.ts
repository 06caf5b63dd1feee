import { defineMessages } from '@lodestar/ui-shared';

export const REMOVE_MESSAGES = defineMessages({
  zh: {
    checking: (field: string) => `正在检查字段「${field}」是否仍被使用…`,
    confirmTitle: (field: string) => `删除字段「${field}」？`,
    confirmBody: '发布时会删除该列及其中的数据。',
    blockedTitle: (field: string) => `不能删除字段「${field}」`,
    blockedBody: '以下位置仍在使用这个字段。请先修改它们，再删除字段：',
    close: '知道了',
    cancel: '取消',
    remove: '删除',
    failed: '暂时无法检查引用，请稍后再试。',
  },
  en: {
    checking: (field: string) => `Checking whether the field "${field}" is still used…`,
    confirmTitle: (field: string) => `Remove the field "${field}"?`,
    confirmBody: 'Publishing drops its column and the data in it.',
    blockedTitle: (field: string) => `The field "${field}" cannot be removed`,
    blockedBody: 'These places still use the field. Change them first, then remove the field:',
    close: 'OK',
    cancel: 'Cancel',
    remove: 'Remove',
    failed: 'The references could not be checked just now; please try again.',
  },
});
