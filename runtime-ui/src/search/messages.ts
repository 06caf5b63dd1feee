import { defineMessages } from '@lodestar/ui-shared';

export const SEARCH_MESSAGES = defineMessages({
  zh: {
    open: '搜索',
    // Empty: a Chinese screen shows no Latin key names (the shortcut still works).
    shortcut: '',
    dialog: '全局搜索',
    placeholder: '搜索客户、联系人…（可输入拼音首字母）',
    searching: '搜索中…',
    nothing: (q: string) => `没有找到与“${q}”相关的记录`,
    failed: '搜索失败，请稍后重试',
    byPinyin: '拼音匹配',
    hint: '↑↓ 选择 · 回车打开',
    close: '关闭',
  },
  en: {
    open: 'Search',
    shortcut: 'Ctrl K',
    dialog: 'Search everything',
    placeholder: 'Search customers, contacts… (pinyin initials work too, e.g. zw)',
    searching: 'Searching…',
    nothing: (q) => `Nothing found for “${q}”`,
    failed: 'Search failed; please try again',
    byPinyin: 'by pinyin',
    hint: '↑↓ to choose · Enter to open · Esc to close',
    close: 'Close',
  },
});
