import type { Lang } from '@lodestar/ui-shared';

const zh = {
  heading: '草稿与发布',
  mappingTitle: '被删除阶段中的记录',
  mappingHint: '草稿删除了仍有记录的阶段。请为这些记录选择新的阶段；不选择时，它们会在确认后回到初始阶段。',
  mappingFor: (state: string, rows?: number) => `“${state}”中的 ${rows ?? '若干'} 条记录移到`,
  mappingInitial: '初始阶段（需确认）',
  subheading: '发布前先预览迁移计划：每一步对数据库做什么、是否安全、影响多少行。',
  planning: '正在计算迁移计划…',
  noDraft: '没有未发布的更改。在业务对象中修改后，会在这里预览并发布。',
  toEntities: '去修改业务对象',
  invalid: '草稿中还有问题，修正后才能生成计划：',
  planFailed: '无法生成迁移计划',
  replan: '重新计算',
  base: (v: number) => `基于已发布版本 v${v}`,
  steps: (n: number) => `${n} 个步骤`,
  noSteps: '数据库无需变更；发布后会保存为新版本。',
  groups: { blocked: '无法执行', destructive: '会丢失或改变数据，需要确认', safe: '安全' } as Record<string, string>,
  rows: (n: number) => `影响 ${n} 行`,
  blockedStop: '有无法执行的步骤，不能发布。请按原因修改草稿。',
  confirmWord: '确认',
  confirmLabel: (word: string) => `输入“${word}”以确认会丢失数据的步骤`,
  note: '发布说明（可选）',
  publish: '发布',
  publishing: '正在发布…',
  published: (v: number) => `已发布为版本 v${v}。`,
  publishedHint: '应用中的用户重新登录或刷新后即可看到更改。',
  openApp: '打开应用',
  publishFailed: '发布失败，数据库和数据没有任何变化。',
  stale: '有人在此期间发布了新版本：请重新计算计划。',
  discardHint: '不想要这些更改？可以在上方放弃草稿。',
};

type PublishMessages = typeof zh;

const en: PublishMessages = {
  mappingTitle: 'Records in removed stages',
  mappingHint:
    'The draft removes stages that still hold records. Choose where those records go; without a choice they restart in the initial stage once you confirm.',
  mappingFor: (state: string, rows?: number) =>
    `Move the ${rows ?? 'stored'} record${rows === 1 ? '' : 's'} in “${state}” to`,
  mappingInitial: 'The initial stage (needs confirmation)',
  heading: 'Draft & publish',
  subheading:
    'Preview the migration before publishing: what each step does to the database, whether it is safe, how many rows it touches.',
  planning: 'Working out the migration plan…',
  noDraft: 'There are no unpublished changes. Change an object and preview and publish it here.',
  toEntities: 'Go to the objects',
  invalid: 'The draft has problems to fix before it can be planned:',
  planFailed: 'Could not work out the plan',
  replan: 'Plan again',
  base: (v: number) => `Against published version ${v}`,
  steps: (n: number) => `${n} step${n === 1 ? '' : 's'}`,
  noSteps: 'The database needs no change; publishing saves a new version.',
  groups: { blocked: 'Cannot apply', destructive: 'Loses or changes data: needs confirmation', safe: 'Safe' },
  rows: (n: number) => `${n} row${n === 1 ? '' : 's'}`,
  blockedStop: 'Some steps cannot apply, so this cannot be published. Change the draft as their reasons say.',
  confirmWord: 'CONFIRM',
  confirmLabel: (word: string) => `Type ${word} to accept the steps that lose data`,
  note: 'Note (optional)',
  publish: 'Publish',
  publishing: 'Publishing…',
  published: (v: number) => `Published as version ${v}.`,
  publishedHint: 'People in the app see the change when they next sign in or reload.',
  openApp: 'Open the app',
  publishFailed: 'The publish failed; the database and its data are unchanged.',
  stale: 'Someone published a newer version meanwhile: plan again.',
  discardHint: 'Do not want these changes? Discard the draft above.',
};

export const PUBLISH_MESSAGES: Record<Lang, PublishMessages> = { zh, en };
