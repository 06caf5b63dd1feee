import { defineMessages } from '@lodestar/ui-shared';

export const NOTIFICATION_MESSAGES = defineMessages({
  zh: {
    bell: (unread: number) => (unread ? `通知（${unread} 条未读）` : '通知'),
    heading: '通知',
    markAll: '全部标为已读',
    empty: '暂时没有通知',
    loadFailed: '通知加载失败',
    retry: '重试',
    more: '加载更多',
    unread: '未读',
    close: '关闭',
    justNow: '刚刚',
    minutesAgo: (n: number) => `${n} 分钟前`,
    hoursAgo: (n: number) => `${n} 小时前`,
  },
  en: {
    bell: (unread) => (unread ? `Notifications (${unread} unread)` : 'Notifications'),
    heading: 'Notifications',
    markAll: 'Mark all as read',
    empty: 'No notifications yet',
    loadFailed: 'Notifications could not be loaded',
    retry: 'Try again',
    more: 'Load more',
    unread: 'Unread',
    close: 'Close',
    justNow: 'just now',
    minutesAgo: (n) => `${n} min ago`,
    hoursAgo: (n) => `${n} h ago`,
  },
});
