import { pinyinListSuite } from './support/pinyin-list.js';

/* Lists sort Chinese text in pinyin order on PostgreSQL (ICU's zh-x-icu through the lodestar_zh collation). */
pinyinListSuite('postgres');
