import { ApiError } from '@lodestar/ui-shared';
import { describe, expect, it } from 'vitest';
import { toInvalid } from './saveRecord';

describe('a 422 from the server lands on the form fields', () => {
  const problem = {
    issues: [
      {
        pointer: '/plannedEnd',
        keyword: 'rule',
        message: 'The planned end must not be before the planned start',
        i18n: { en: 'The planned end must not be before the planned start', zh: '计划结束时间不能早于计划开始时间' },
        params: { rule: 'gte', than: 'plannedStart' },
      },
      {
        pointer: '',
        keyword: 'required',
        message: "must have required property 'subject'",
        params: { missingProperty: 'subject', blank: true },
      },
      {
        pointer: '/amount',
        keyword: 'exclusiveMaximum',
        message: 'must be < 10000000000000000',
        params: { comparison: '<', limit: 1e16 },
      },
    ],
  };
  const fields = ['subject', 'plannedStart', 'plannedEnd', 'amount'];

  it("shows a cross-field rule on its field in the user's language, and blank or too large values on theirs", () => {
    const zh = toInvalid(new ApiError('Validation failed', 422, problem), fields, (f) => f, 'zh');
    expect(zh).toEqual({
      kind: 'invalid',
      fieldErrors: {
        plannedEnd: { __errors: ['计划结束时间不能早于计划开始时间'] },
        subject: { __errors: ['必填'] },
        amount: { __errors: ['必须小于 10000000000000000'] },
      },
      general: [],
    });
    const en = toInvalid(new ApiError('Validation failed', 422, problem), fields, (f) => f, 'en');
    expect(en).toMatchObject({
      fieldErrors: { plannedEnd: { __errors: ['The planned end must not be before the planned start'] } },
    });
  });
});
