import { pinyinListSuite } from './support/pinyin-list.js';

/* The same order on the embedded PGlite, whose ICU has no Chinese data: lodestar_zh is built from rules. */
pinyinListSuite('pglite');
