import type { Lang } from '@lodestar/ui-shared';

const zh = {
  yes: '是',
  no: '否',
  restricted: '无权查看',
  restrictedHint: '您没有查看此记录的权限',
  unknownUser: '未知用户',
  empty: '未填写',
};

export type FieldMessages = typeof zh;

const en: FieldMessages = {
  yes: 'Yes',
  no: 'No',
  restricted: 'restricted',
  restrictedHint: 'You may not see this record',
  unknownUser: 'Unknown user',
  empty: 'Empty',
};

export const FIELD_MESSAGES: Record<Lang, FieldMessages> = { zh, en };
