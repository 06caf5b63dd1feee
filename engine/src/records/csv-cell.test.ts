import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './csv-cell.js';

describe('neutraliseFormula', () => {
  it('prefixes a quote to text starting with = + - @ tab or CR', () => {
    for (const text of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x")'])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
  it('leaves other text alone', () => {
    for (const text of ['华东制造', 'a=b', '', ' =1', "'quoted"]) expect(neutraliseFormula(text)).toBe(text);
  });
});
