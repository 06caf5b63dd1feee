import { describe, expect, it } from 'vitest';
import { compareLsn } from './replica-reads.js';

describe('compareLsn', () => {
  it('orders WAL positions by their high then low part, in hexadecimal', () => {
    expect(['16/B374D848', '0/3000060', '16/B374D84', 'A/0'].sort(compareLsn)).toEqual([
      '0/3000060',
      'A/0',
      '16/B374D84',
      '16/B374D848',
    ]);
    expect(compareLsn('1/FF', '1/FF')).toBe(0);
  });
});
