import { defineMessages, type MessagesOf } from '@lodestar/ui-shared';

export const MYDAY_MESSAGES = defineMessages({
  zh: {
    pageTitle: '我的一天',
    greeting: (part: 'morning' | 'afternoon' | 'evening', name: string) =>
      `${{ morning: '早上好', afternoon: '下午好', evening: '晚上好' }[part]}，${name}`,
    loading: '正在整理今天的工作…',
    loadFailed: '无法加载今天的工作',
    retry: '重试',
    refresh: '刷新',
    newOf: (entity: string) => `新建${entity}`,
    sections: {
      due: '今日待办',
      overdue: '已逾期',
      reminders: '提醒',
      slaBreached: '超出时限',
      stuck: '阶段停滞',
    },
    empty: {
      due: '今天没有待办事项',
      overdue: '没有逾期事项，做得好！',
      reminders: '今天没有提醒',
      slaBreached: '没有超时的记录',
      stuck: '没有停滞的记录，进展顺利',
    },
    dueAt: (time: string) => `今天 ${time}`,
    dueToday: '今天',
    overdueBy: (days: number) => (days <= 0 ? '今天已逾期' : `已逾期 ${days} 天`),
    remindAt: (time: string) => `${time} 提醒`,
    slaSince: (days: number) => (days <= 0 ? '今天超出时限' : `已超出时限 ${days} 天`),
    inStageFor: (days: number) => `在此阶段已 ${days} 天`,
    summary: '概览',
  },
  en: {
    pageTitle: 'My day',
    greeting: (part, name) => `Good ${part}, ${name}`,
    loading: 'Gathering your day…',
    loadFailed: 'Your day could not be loaded',
    retry: 'Try again',
    refresh: 'Refresh',
    newOf: (entity: string) => `New ${entity.toLowerCase()}`,
    sections: {
      due: 'Due today',
      overdue: 'Overdue',
      reminders: 'Reminders',
      slaBreached: 'Past SLA',
      stuck: 'Stuck in a stage',
    },
    empty: {
      due: 'Nothing due today',
      overdue: 'Nothing overdue — well done',
      reminders: 'No reminders today',
      slaBreached: 'Nothing past its SLA',
      stuck: 'Nothing stuck — things are moving',
    },
    dueAt: (time: string) => `Today ${time}`,
    dueToday: 'Today',
    overdueBy: (days: number) => (days <= 0 ? 'Overdue today' : `${days} ${days === 1 ? 'day' : 'days'} overdue`),
    remindAt: (time: string) => `Reminder at ${time}`,
    slaSince: (days: number) =>
      days <= 0 ? 'Past SLA since today' : `Past SLA for ${days} ${days === 1 ? 'day' : 'days'}`,
    inStageFor: (days: number) => `In stage for ${days} ${days === 1 ? 'day' : 'days'}`,
    summary: 'Overview',
  },
});

export type MyDayMessages = MessagesOf<typeof MYDAY_MESSAGES>;
