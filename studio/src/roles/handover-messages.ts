import { defineMessages, type MessagesOf } from '@lodestar/ui-shared';

export const HANDOVER_MESSAGES = defineMessages({
  zh: {
    title: '交接客户和记录',
    intro: '销售离职或调岗时，把他名下的客户、商机等记录一次转给另一位同事；每条记录的变更都记入审计。',
    from: '交出人',
    to: '接手人',
    choose: '（请选择）',
    onlyOpen: '只交接未结束的记录',
    onlyOpenHint: '已成交、已关闭等处于最终阶段的记录留在原负责人名下。',
    count: '统计要交接的记录',
    handOver: '交接',
    confirm: (from: string, to: string, total: number) => `把 ${from} 名下的 ${total} 条记录交给 ${to}？`,
    wouldMove: (total: number) => `将交接 ${total} 条记录：`,
    moved: (from: string, to: string, total: number) => `已把 ${from} 名下的 ${total} 条记录交给 ${to}。`,
    nothing: '没有需要交接的记录。',
    failed: '交接失败',
  },
  en: {
    title: 'Hand over customers and records',
    intro:
      'When a salesperson leaves or changes jobs, move their customers, opportunities and other records to a colleague in one step; every record’s change is audited.',
    from: 'From',
    to: 'To',
    choose: '(choose)',
    onlyOpen: 'Only records still open',
    onlyOpenHint: 'Records in a final stage (won, closed…) stay with their owner.',
    count: 'Count the records to hand over',
    handOver: 'Hand over',
    confirm: (from: string, to: string, total: number) =>
      `Give ${to} the ${total} ${total === 1 ? 'record' : 'records'} ${from} owns?`,
    wouldMove: (total: number) => `${total} ${total === 1 ? 'record' : 'records'} to hand over:`,
    moved: (from: string, to: string, total: number) =>
      `${to} now owns the ${total} ${total === 1 ? 'record' : 'records'} ${from} had.`,
    nothing: 'Nothing to hand over.',
    failed: 'The handover failed',
  },
});

export type HandoverMessages = MessagesOf<typeof HANDOVER_MESSAGES>;
