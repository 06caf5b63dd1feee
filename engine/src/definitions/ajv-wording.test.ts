import { describe, expect, it } from 'vitest';
import { createAjv } from './create-ajv.js';
import { wording } from './ajv-wording.js';

// Every rule a record's schema can break reads as Chinese, not as the generic "breaks rule X" fallback.
describe('wording of a failed rule', () => {
  const schema = {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 2, maxLength: 3, pattern: '^[a-z]+$' },
      revenue: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10, multipleOf: 0.5 },
      count: { type: 'integer', minimum: 1, maximum: 5 },
      level: { enum: ['a', 'b'] },
      tags: { type: 'array', minItems: 1, maxItems: 2, uniqueItems: true },
      email: { type: 'string', format: 'email' },
    },
  };
  const validate = createAjv().compile(schema);
  const failures = [
    {},
    { name: 'x', revenue: 0, count: 0, level: 'c', tags: [], email: 'no' },
    { name: 'ABCD', revenue: 10, count: 6, tags: ['a', 'a', 'b'], other: 1 },
    { name: 'ab', revenue: 0.3, count: 1.5 },
  ];
  const errors = failures.flatMap((value) => (validate(value) ? [] : (validate.errors ?? [])));

  it('covers every keyword the cases break', () => {
    expect(new Set(errors.map((e) => e.keyword))).toEqual(
      new Set([
        'required',
        'minLength',
        'maxLength',
        'pattern',
        'exclusiveMinimum',
        'exclusiveMaximum',
        'multipleOf',
        'minimum',
        'maximum',
        'enum',
        'minItems',
        'maxItems',
        'uniqueItems',
        'format',
        'additionalProperties',
        'type',
      ]),
    );
  });

  it('words each in Chinese', () => {
    for (const error of errors) {
      const text = wording(error);
      expect(text.zh, error.keyword).toMatch(/[\u4e00-\u9fff]/);
      expect(text.zh, error.keyword).not.toContain('不符合规则');
    }
  });
});
