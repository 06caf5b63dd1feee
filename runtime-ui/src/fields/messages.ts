import { defineMessages, type MessagesOf } from '@lodestar/ui-shared';

export const FIELD_MESSAGES = defineMessages({
  zh: {
    yes: '是',
    no: '否',
    restricted: '无权查看',
    restrictedHint: '您没有查看此记录的权限',
    unknownUser: '未知用户',
    empty: '未填写',
  },
  en: {
    yes: 'Yes',
    no: 'No',
    restricted: 'restricted',
    restrictedHint: 'You may not see this record',
    unknownUser: 'Unknown user',
    empty: 'Empty',
  },
});

export type FieldMessages = MessagesOf<typeof FIELD_MESSAGES>;
