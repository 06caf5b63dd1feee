import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './body-guard.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('exceedsJsonDepth', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(exceedsJsonDepth(bytes('{"a":[[1]]}'), 3)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":[[[1]]]}'), 3)).toBe(true);
    expect(exceedsJsonDepth(bytes(`{"a":"${'['.repeat(500)}"}`), 3)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":"\\"[[[[[["}'), 3)).toBe(false);
  });

  it('finds 20,000 levels without recursing', () => {
    expect(exceedsJsonDepth(bytes('['.repeat(20_000) + ']'.repeat(20_000)))).toBe(true);
    expect(exceedsJsonDepth(bytes('['.repeat(64) + ']'.repeat(64)))).toBe(false);
  });
});
