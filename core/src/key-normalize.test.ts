import { describe, expect, it } from 'vitest';
import { NAME_KEY, normalizeKey, translate } from './key-normalize';

describe('translate', () => {
  it('maps each character as PostgreSQL does: by the first place it stands, dropped past the end of `to`', () => {
    expect(translate('abcab', 'ab', 'x')).toBe('xcx');
    expect(translate('aab', 'aa', 'xy')).toBe('xxb');
    expect(translate('Ｔｅｌ：０５７１', 'Ｔｅｌ：０５７１', 'Tel:0571')).toBe('Tel:0571');
    expect(translate('', 'a', 'b')).toBe('');
    // The same pair again reads the table built the first time and answers the same.
    expect(translate('abcab', 'ab', 'x')).toBe('xcx');
  });

  it('normalises a company name as its duplicate key', () => {
    expect(normalizeKey('杭州 西湖（智能）制造 有限公司', NAME_KEY)).toBe('杭州西湖智能制造');
    expect(normalizeKey('ＡＢＣ－１２３', ['width', 'case', 'punctuation'])).toBe('abc123');
  });
});
