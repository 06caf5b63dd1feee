import type { ReactNode } from 'react';
import type { Lang } from '@lodestar/ui-shared';

const zh = {
  heading: '业务对象',
  subheading: '客户、商机等业务对象及其字段与客户类型。修改保存在草稿中，发布后生效。',
  newEntity: '新建业务对象',
  id: '标识',
  idHint: (example: ReactNode): ReactNode => ['小写字母开头的英文驼峰，例如 ', example, '；发布后不再更改'],
  titleZh: '中文名称',
  titleEn: '英文名称',
  titleField: '标题字段标识',
  titleFieldZh: '标题字段中文名',
  titleFieldEn: '标题字段英文名',
  create: '创建',
  cancel: '取消',
  fields: (n: number) => `${n} 个字段`,
  types: (n: number) => `${n} 种类型`,
  isNew: '新增',
  changed: '已修改',
  problems: (n: number) => `${n} 个问题`,
  idInvalid: '标识须以小写字母开头，只含字母和数字',
  idTaken: '已有同名业务对象',
  workflow: '流程',
};

type EntityMessages = typeof zh;

const en: EntityMessages = {
  heading: 'Business objects',
  subheading:
    'Customers, opportunities and the rest, with their fields and types. Changes stay in the draft until you publish.',
  newEntity: 'New object',
  id: 'Identifier',
  idHint: (example: ReactNode): ReactNode => [
    'camelCase starting with a lowercase letter, e.g. ',
    example,
    '; fixed once published',
  ],
  titleZh: 'Chinese name',
  titleEn: 'English name',
  titleField: 'Title field identifier',
  titleFieldZh: 'Title field, Chinese name',
  titleFieldEn: 'Title field, English name',
  create: 'Create',
  cancel: 'Cancel',
  fields: (n: number) => `${n} field${n === 1 ? '' : 's'}`,
  types: (n: number) => `${n} type${n === 1 ? '' : 's'}`,
  isNew: 'New',
  changed: 'Changed',
  problems: (n: number) => `${n} problem${n === 1 ? '' : 's'}`,
  idInvalid: 'Start with a lowercase letter; letters and digits only',
  idTaken: 'An object with this identifier exists',
  workflow: 'Workflow',
};

export const ENTITY_MESSAGES: Record<Lang, EntityMessages> = { zh, en };
