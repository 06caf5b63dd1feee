import { CODE_KEY, KEY_NORMALIZATIONS, NAME_KEY, normalizeKey, type KeyStep } from '@lodestar/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forKnex, keyPartSql } from '../src/schema/key-sql.js';
import { createTestDb, type DbKind, type TestDb } from './support/test-db.js';

/**
 * The browser's key normalisation (core key-normalize.ts) and the index expression the engine builds
 * from the same tables (schema/key-sql.ts) agree, on PostgreSQL and on PGlite: tricky inputs by hand,
 * then random strings drawn from the characters that matter.
 */

const TRICKY = [
  'ＡＢＣ　１２３',
  ' abc 123 ',
  'abc123',
  '\u3000\u3000ＡＢＣ\u3000',
  'Ａ-Ｂ_Ｃ（１２３）',
  "O'Brien ? & ＼ ？",
  '91330100MA27XK1234',
  '９１３３０１００ｍａ２７ｘｋ１２３４',
  '杭州西湖智能制造（集团）有限公司',
  '杭州 西湖智能制造股份有限公司',
  '【杭州】西湖·智能制造有限责任公司',
  '集团有限公司',
  '有限公司杭州',
  'Ünïcödé ÄÖ straße',
  '\t tab\nnewline\u00a0nbsp\u200bzw ',
  '',
];

const STEP_SETS: KeyStep[][] = [
  [...KEY_NORMALIZATIONS],
  ['trim'],
  ['case'],
  ['width'],
  ['spaces'],
  ['trim', 'case'],
  [...CODE_KEY],
  [...NAME_KEY],
];

/** Characters the normalisation treats specially, plus ordinary ones. */
const ALPHABET = Array.from('aZ09 \u3000\t\u00a0\u200bＡｚ０（）【】-_.?\'"\\有限公司集团股份责任杭州·、');

for (const kind of ['postgres', 'pglite'] as DbKind[]) {
  describe(`key normalisation on ${kind}`, () => {
    let testDb: TestDb;
    beforeAll(async () => {
      testDb = await createTestDb(kind);
    });
    afterAll(async () => {
      await testDb?.drop();
    });

    async function inDatabase(values: string[], steps: KeyStep[]): Promise<string[]> {
      const expression = forKnex(keyPartSql('v', steps));
      const result = await testDb.db.knex.raw(
        `select ${expression} as k from unnest(?::text[]) with ordinality as input(v, n) order by n`,
        [values],
      );
      return (result.rows as { k: string }[]).map((row) => row.k);
    }

    it('agrees on tricky inputs', async () => {
      for (const steps of STEP_SETS) {
        expect(await inDatabase(TRICKY, steps), steps.join()).toEqual(TRICKY.map((v) => normalizeKey(v, steps)));
      }
      expect(normalizeKey('ＡＢＣ　１２３', KEY_NORMALIZATIONS)).toBe('abc123');
      expect(normalizeKey(' abc 123 ', KEY_NORMALIZATIONS)).toBe('abc123');
      expect(normalizeKey('杭州西湖智能制造（集团）有限公司', NAME_KEY)).toBe('杭州西湖智能制造');
    });

    it('agrees on random strings', async () => {
      const strings = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 16 }).map((chars) => chars.join(''));
      const samples = fc.sample(fc.array(strings, { minLength: 50, maxLength: 50 }), { numRuns: 10, seed: 14 });
      for (const values of samples) {
        for (const steps of STEP_SETS) {
          expect(await inDatabase(values, steps)).toEqual(values.map((v) => normalizeKey(v, steps)));
        }
      }
    });
  });
}
