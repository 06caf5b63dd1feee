import type { Lang } from '@lodestar/ui-shared';

/** Readable names for the library's guards, actions and their params; unknown ones show their own name. */
const zh: Record<string, string> = {
  requireFields: '必填字段',
  fieldCompare: '字段比较',
  actorHasRole: '操作人角色',
  approvalGiven: '已审批',
  all: '全部满足',
  any: '任一满足',
  not: '不满足',
  setField: '设置字段',
  notify: '发送通知',
  assignOwner: '分配负责人',
  callWebhook: '调用 Webhook',
  createRecord: '创建记录',
  fields: '字段',
  field: '字段',
  op: '比较方式',
  value: '值',
  valueFrom: '取值来源',
  roles: '角色',
  role: '角色',
  to: '收件人',
  subject: '主题',
  body: '正文',
  url: '地址',
  event: '事件',
  userId: '用户',
  roundRobinRole: '轮流分配的角色',
  guards: '条件列表',
  guard: '条件',
  entity: '业务对象',
  values: '字段值',
};

const en: Record<string, string> = {
  requireFields: 'Required fields',
  fieldCompare: 'Field comparison',
  actorHasRole: 'Actor role',
  approvalGiven: 'Approval given',
  all: 'All of',
  any: 'Any of',
  not: 'Not',
  setField: 'Set a field',
  notify: 'Notify',
  assignOwner: 'Assign the owner',
  callWebhook: 'Call a webhook',
  createRecord: 'Create a record',
  fields: 'Fields',
  field: 'Field',
  op: 'Comparison',
  value: 'Value',
  valueFrom: 'Value from',
  roles: 'Roles',
  role: 'Role',
  to: 'To',
  subject: 'Subject',
  body: 'Body',
  url: 'URL',
  event: 'Event',
  userId: 'User',
  roundRobinRole: 'Round-robin role',
  guards: 'Guards',
  guard: 'Guard',
  entity: 'Object',
  values: 'Values',
};

const NAMES: Record<Lang, Record<string, string>> = { zh, en };

export function libraryName(name: string, lang: Lang): string {
  return NAMES[lang][name] ?? name;
}
