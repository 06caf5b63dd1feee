import { describe, expect, it } from 'vitest';
import { toLodestarError } from './pg-errors.js';

/* PostgreSQL's errors as a user reads them: the status, and one issue on the field in both languages. */
describe('toLodestarError', () => {
  const cases = [
    ['23505', 409, 'unique', { en: 'must be unique', zh: '不能与已有记录重复' }],
    [
      '23503',
      422,
      'relation',
      { en: 'related record must exist (or is still referenced)', zh: '关联的记录必须存在（或仍被引用）' },
    ],
    ['23502', 422, 'required', { en: 'must have a value', zh: '必须填写' }],
    ['22001', 422, 'maxLength', { en: 'value is too long', zh: '值过长' }],
    ['22P02', 400, 'format', { en: 'invalid value', zh: '值无效' }],
  ] as const;
  it.each(cases)('%s is a %i with keyword %s on the field', (code, status, keyword, i18n) => {
    const error = toLodestarError({ code, table: 'customer', constraint: 'customer_parent_foreign' });
    expect(error?.status).toBe(status);
    expect(error?.issues).toEqual([{ pointer: '/parent', keyword, message: i18n.en, i18n }]);
  });

  it('names the column PostgreSQL reports, and leaves other errors unknown', () => {
    expect(toLodestarError({ code: '23502', column: 'name' })?.issues?.[0]?.pointer).toBe('/name');
    expect(toLodestarError({ code: '40001' })?.status).toBe(409);
    expect(toLodestarError({ code: '42P01' })).toBeUndefined();
    expect(toLodestarError(new Error('plain'))).toBeUndefined();
  });
});
