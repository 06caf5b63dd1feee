import { describe, expect, it } from 'vitest';
import { errorText } from './error-text.js';

describe('errorText', () => {
  it('includes the cause fetch hides the network error in', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(errorText(new TypeError('fetch failed', { cause }))).toBe(
      'TypeError: fetch failed: Error: connect ECONNREFUSED 127.0.0.1:1',
    );
  });

  it('names an error code the message does not mention', () => {
    expect(errorText(Object.assign(new Error('Invalid login'), { code: 'EAUTH' }))).toBe(
      'Error: Invalid login (EAUTH)',
    );
  });

  it('blanks out secrets and bounds the length', () => {
    expect(errorText(new Error('bad password hunter2'), ['hunter2', undefined])).toBe('Error: bad password ***');
    expect(errorText('x'.repeat(2000))).toHaveLength(500);
  });
});
