import { defineMessages } from '@lodestar/ui-shared';

export const SEQUENCE_MESSAGES = defineMessages({
  zh: {
    pattern: '编号规则',
    patternHint: (tokens: string, counter: string) => `可用 ${tokens}，以及一个计数器如 ${counter}（位数不足时补零）`,
    reset: '重新编号',
    resets: { never: '从不（一直累加）', yearly: '每年', monthly: '每月' },
    prefixes: (token: string) => `各类型的前缀（填入 ${token}）`,
    prefixFor: (type: string) => `“${type}”的前缀`,
    preview: '下一个编号预览',
    previewFor: (type: string) => `${type}：`,
    previewNote: '按今天的日期、计数从 1 开始预览；实际编号接着已用过的编号。保存记录时自动生成，不能手工填写。',
  },
  en: {
    pattern: 'Pattern',
    patternHint: (tokens: string, counter: string) =>
      `Use ${tokens} and one counter such as ${counter} (padded with zeros)`,
    reset: 'Start again',
    resets: { never: 'Never (keep counting)', yearly: 'Every year', monthly: 'Every month' },
    prefixes: (token: string) => `Prefix per record type (fills ${token})`,
    prefixFor: (type: string) => `Prefix of “${type}”`,
    preview: 'Next number preview',
    previewFor: (type: string) => `${type}: `,
    previewNote:
      'Previewed with today’s date and the counter at 1; real numbers continue after those already taken. Assigned when a record is saved, never typed.',
  },
});
