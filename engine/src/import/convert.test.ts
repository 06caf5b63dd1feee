import { describe, expect, it } from 'vitest';
import { convertCell, parseDate, splitList, type ConvertField } from './convert.js';

const value = (field: ConvertField, cell: Parameters<typeof convertCell>[1]) => {
  const converted = convertCell(field, cell);
  return 'value' in converted ? converted.value : { rule: converted.rule };
};

const industry: ConvertField = {
  kind: 'choice',
  enum: ['manufacturing', 'retail'],
  labels: { manufacturing: { zh: '制造业', en: 'Manufacturing' }, retail: { zh: '零售', en: 'Retail' } },
};

describe('import conversions', () => {
  it('reads dates in ISO and common Chinese forms and Excel serials', () => {
    for (const text of [
      '2026-12-07',
      '2026/12/7',
      '2026.12.7',
      '2026年12月7日',
      '20261207',
      '2026-12-07 10:30',
      '２０２６－１２－０７',
    ])
      expect(parseDate(text), text).toBe('2026-12-07');
    expect(parseDate(46363)).toBe('2026-12-07');
    expect(parseDate('46363')).toBe('2026-12-07');
    expect(parseDate(new Date(Date.UTC(2026, 11, 7)))).toBe('2026-12-07');
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(value({ kind: 'date' }, '明天')).toEqual({ rule: 'date' });
  });

  it('reads date-times with an offset as given and without one as China time', () => {
    expect(value({ kind: 'dateTime' }, '2026-12-07 09:30')).toBe('2026-12-07T01:30:00.000Z');
    expect(value({ kind: 'dateTime' }, '2026-12-07T09:30:00Z')).toBe('2026-12-07T09:30:00.000Z');
  });

  it('reads money with ¥/￥, 元 and thousands separators', () => {
    const money: ConvertField = { kind: 'money' };
    expect(value(money, '¥1,234.50')).toBe(1234.5);
    expect(value(money, '￥ 1,234,567')).toBe(1234567);
    expect(value(money, '1234元')).toBe(1234);
    expect(value(money, '-¥12.3')).toBe(-12.3);
    expect(value(money, 1234.5)).toBe(1234.5);
    expect(value(money, '12,34')).toEqual({ rule: 'money' });
    expect(value(money, 'abc')).toEqual({ rule: 'money' });
  });

  it('reads integers and numbers', () => {
    expect(value({ kind: 'integer' }, '1,200')).toBe(1200);
    expect(value({ kind: 'integer' }, '1.5')).toEqual({ rule: 'integer' });
    expect(value({ kind: 'number' }, ' 3.25 ')).toBe(3.25);
    expect(value({ kind: 'number' }, '３.５')).toBe(3.5);
  });

  it('reads 是/否, Y/N and true/false', () => {
    const yesNo: ConvertField = { kind: 'boolean' };
    for (const yes of ['是', 'Y', 'yes', 'TRUE', '1', true]) expect(value(yesNo, yes), String(yes)).toBe(true);
    for (const no of ['否', 'n', 'No', 'false', '0', false]) expect(value(yesNo, no), String(no)).toBe(false);
    expect(value(yesNo, '也许')).toEqual({ rule: 'boolean' });
  });

  it('reads choices by id or by label in either language', () => {
    expect(value(industry, '制造业')).toBe('manufacturing');
    expect(value(industry, 'manufacturing')).toBe('manufacturing');
    expect(value(industry, ' retail ')).toBe('retail');
    expect(value(industry, 'Manufacturing')).toBe('manufacturing');
    const refused = convertCell(industry, '农业');
    expect(refused).toMatchObject({ rule: 'enum', message: { zh: '应为以下之一：制造业、零售' } });
  });

  it('reads multi-choice cells separated by 、 , ; ，', () => {
    const tags: ConvertField = { ...industry, kind: 'multiChoice' };
    expect(value(tags, '制造业、零售')).toEqual(['manufacturing', 'retail']);
    expect(value(tags, 'retail; manufacturing ,retail')).toEqual(['retail', 'manufacturing']);
    expect(value(tags, '制造业，零售')).toEqual(['manufacturing', 'retail']);
    expect(splitList('a、b,c;d；e，f')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('treats blank cells as no value and trims text', () => {
    expect(value({ kind: 'text' }, '   ')).toBeNull();
    expect(value({ kind: 'text' }, ' 华东 ')).toBe('华东');
    expect(value({ kind: 'integer' }, null)).toBeNull();
  });
});
