import { describe, expect, it } from 'vitest';
import { flatValidator, validateFlat } from './flat-validator';

const schema = {
  type: 'object' as const,
  required: ['name', 'industry'],
  properties: {
    name: { type: 'string' as const, minLength: 1, maxLength: 5 },
    industry: { type: 'string' as const, enum: ['retail', 'finance'] },
    code: { type: 'string' as const, pattern: '^[0-9A-Z]{18}$' },
    revenue: { type: 'number' as const, minimum: 0 },
    staff: { type: 'integer' as const },
    website: { type: 'string' as const, format: 'uri' },
    tags: { type: 'array' as const, uniqueItems: true, items: { type: 'string' as const, maxLength: 3 } },
  },
};

const problems = (data: Record<string, unknown>) => validateFlat(schema, data).map((e) => `${e.property} ${e.name}`);

describe('the form validator without eval', () => {
  it('accepts a valid record and leaves absent optional fields alone', () => {
    expect(problems({ name: '华东', industry: 'retail' })).toEqual([]);
    expect(
      problems({
        name: '华东',
        industry: 'retail',
        code: '91330100MA2B3C4D5E',
        revenue: 0,
        staff: 12,
        website: 'https://a.cn',
        tags: ['a', 'b'],
      }),
    ).toEqual([]);
  });

  it('names each broken field with the keyword ajv would report', () => {
    expect(problems({ name: '', code: 'abc', revenue: -1, staff: 1.5, website: 'a.cn', tags: ['a', 'a'] })).toEqual([
      '.name required',
      '.industry required',
      '.code pattern',
      '.revenue minimum',
      '.staff type',
      '.website format',
      '.tags uniqueItems',
    ]);
    expect(problems({ name: '一二三四五六', industry: 'mining', tags: ['long'] })).toEqual([
      '.name maxLength',
      '.industry enum',
      '.tags maxLength',
    ]);
  });

  it('counts characters, not UTF-16 units, as JSON Schema does', () => {
    expect(problems({ name: '𠀀𠀀𠀀𠀀𠀀', industry: 'retail' })).toEqual([]);
  });

  it('gives rjsf an error schema per field, through the transformer', () => {
    const { errors, errorSchema } = flatValidator.validateFormData({ industry: 'retail' }, schema, undefined, (list) =>
      list.map((e) => ({ ...e, message: `! ${e.name}` })),
    );
    expect(errors).toHaveLength(1);
    expect(errorSchema).toEqual({ name: { __errors: ['! required'] } });
    expect(flatValidator.isValid(schema, { name: 'a', industry: 'retail' }, schema)).toBe(true);
  });
});
