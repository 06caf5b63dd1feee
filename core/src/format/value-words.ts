import type { Text } from '../text.js';

/** The words a value is shown with where it has none of its own: yes/no, a record the reader may not see, a removed stage. */
export const VALUE_WORDS = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  restricted: { zh: '无权查看', en: 'restricted' },
  removedStage: { zh: '已删除的阶段', en: 'A removed stage' },
} as const satisfies Record<string, Text>;
