import type { ReactNode } from 'react';
import type { Lang } from '@lodestar/ui-shared';

const zh = {
  addType: '添加类型',
  editType: (title: string) => `编辑类型 ${title}`,
  id: '类型标识',
  idHint: (example: ReactNode): ReactNode => ['英文驼峰，例如 ', example, '；记录中保存的就是它'],
  idFixed: '已有记录使用此标识，不能更改',
  idInvalid: '须以小写字母开头，只含字母和数字',
  idTaken: '已有同名类型',
  titleZh: '中文名称',
  titleEn: '英文名称',
  workflow: '流程',
  entityWorkflow: '（沿用业务对象的流程）',
  fieldsOfType: '此类型的字段',
  field: '字段',
  shown: '显示',
  required: '必填',
  showField: (f: string) => `显示 ${f}`,
  requireField: (f: string) => `必填 ${f}`,
  apply: '完成',
  cancel: '取消',
};

type TypeMessages = typeof zh;

const en: TypeMessages = {
  addType: 'Add record type',
  editType: (title: string) => `Edit type ${title}`,
  id: 'Type identifier',
  idHint: (example: ReactNode): ReactNode => ['camelCase, e.g. ', example, '; records store it'],
  idFixed: 'Records use this identifier; it cannot change',
  idInvalid: 'Start with a lowercase letter; letters and digits only',
  idTaken: 'A type with this identifier exists',
  titleZh: 'Chinese name',
  titleEn: 'English name',
  workflow: 'Workflow',
  entityWorkflow: '(the object’s workflow)',
  fieldsOfType: 'Fields of this type',
  field: 'Field',
  shown: 'Shown',
  required: 'Required',
  showField: (f: string) => `Show ${f}`,
  requireField: (f: string) => `Require ${f}`,
  apply: 'Done',
  cancel: 'Cancel',
};

export const TYPE_MESSAGES: Record<Lang, TypeMessages> = { zh, en };
