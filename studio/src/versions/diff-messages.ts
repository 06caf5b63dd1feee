import type { Lang } from '@lodestar/ui-shared';

const zh = {
  compare: '比较',
  compareLabel: (v: number) => `选择 v${v} 进行比较`,
  pickTwo: '勾选两个版本查看它们之间的差异。',
  heading: (a: number, b: number) => `v${a} → v${b} 的差异`,
  loading: '正在比较…',
  failed: '无法比较这两个版本',
  same: '这两个版本的定义相同。',
  entities: '业务对象',
  workflows: '流程',
  roles: '角色',
  added: '新增',
  removed: '删除',
  changed: '修改',
  fields: '字段',
  recordTypes: '类型',
  states: '状态',
  transitions: '流转',
  other: '其他设置',
  steps: '两个版本之间的数据库步骤',
  publishedBy: '发布人',
  rollback: '回滚到此版本',
  rollbackLabel: (v: number) => `回滚到 v${v}`,
  rollbackTitle: (v: number) => `回滚到版本 v${v}？`,
  rollbackHint:
    '回滚会把这个版本写入工作室草稿，然后在“草稿与发布”页预览迁移计划并确认发布，生成一个新版本；历史版本不会被改写。',
  overwrite: '注意：当前有尚未发布的草稿更改，回滚会覆盖它们。',
  cancel: '取消',
  rollingBack: '正在准备…',
  rollbackFailed: '回滚失败',
};

export type DiffMessages = typeof zh;

const en: DiffMessages = {
  compare: 'Compare',
  compareLabel: (v: number) => `Compare version ${v}`,
  pickTwo: 'Tick two versions to see what differs between them.',
  heading: (a: number, b: number) => `Changes from v${a} to v${b}`,
  loading: 'Comparing…',
  failed: 'Could not compare these versions',
  same: 'These versions have the same definitions.',
  entities: 'Objects',
  workflows: 'Workflows',
  roles: 'Roles',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  fields: 'Fields',
  recordTypes: 'Types',
  states: 'States',
  transitions: 'Transitions',
  other: 'Other settings',
  steps: 'Database steps between the two versions',
  publishedBy: 'By',
  rollback: 'Roll back to this version',
  rollbackLabel: (v: number) => `Roll back to v${v}`,
  rollbackTitle: (v: number) => `Roll back to version ${v}?`,
  rollbackHint:
    'Rolling back writes this version into the studio draft; the Draft & publish page then shows its plan and publishes it, with confirmation, as a new version. History is never rewritten.',
  overwrite: 'Careful: the draft has unpublished changes, and rolling back replaces them.',
  cancel: 'Cancel',
  rollingBack: 'Preparing…',
  rollbackFailed: 'The rollback failed',
};

export const DIFF_MESSAGES: Record<Lang, DiffMessages> = { zh, en };
