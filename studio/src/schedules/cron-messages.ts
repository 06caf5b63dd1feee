import { defineMessages } from '@lodestar/ui-shared';

/** Words of a schedule's "when" as a form (cron-form.ts), and its time zone choice. */
export const CRON_MESSAGES = defineMessages({
  zh: {
    every: '执行频率',
    everies: { hour: '每小时', day: '每天', week: '每周', month: '每月', custom: '自定义（高级）' } as Record<
      string,
      string
    >,
    minute: '第几分钟',
    time: '时间',
    weekday: '星期',
    weekdayOf: (day: number) => ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'][day] ?? '',
    monthday: '日期',
    monthdayOf: (n: number) => `${n} 日`,
    advanced: '高级',
    scheduleId: '任务标识',
    idHint: '自动生成，运行记录用它引用；一般无需修改。',
  },
  en: {
    every: 'How often',
    everies: {
      hour: 'Every hour',
      day: 'Every day',
      week: 'Every week',
      month: 'Every month',
      custom: 'Custom (advanced)',
    } as Record<string, string>,
    minute: 'Minute past the hour',
    time: 'Time',
    weekday: 'Day of the week',
    weekdayOf: (day: number) =>
      ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][day] ?? '',
    monthday: 'Day of the month',
    monthdayOf: (n: number) => `Day ${n}`,
    advanced: 'Advanced',
    scheduleId: 'Schedule id',
    idHint: 'Made for you; the run log refers to it. Rarely worth changing.',
  },
});
