import { defineMessages, type MessagesOf } from '@lodestar/ui-shared';

/** The field display's own words; a value's wording (yes/no, restricted…) is core's VALUE_WORDS. */
export const FIELD_MESSAGES = defineMessages({
  zh: {
    restrictedHint: '您没有查看此记录的权限',
    unknownUser: '未知用户',
    empty: '未填写',
  },
  en: {
    restrictedHint: 'You may not see this record',
    unknownUser: 'Unknown user',
    empty: 'Empty',
  },
});

export type FieldMessages = MessagesOf<typeof FIELD_MESSAGES>;
