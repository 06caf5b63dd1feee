import { defineMessages } from '@lodestar/ui-shared';

/** The duplicate hint's own words (the hints themselves come worded from the engine). */
export const DUPLICATE_MESSAGES = defineMessages({
  zh: { open: '查看' },
  en: { open: 'Open' },
});
