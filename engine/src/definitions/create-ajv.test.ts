import { describe, expect, it } from 'vitest';
import { createAjv } from './create-ajv.js';

describe('x-scale', () => {
  const validate = createAjv().compile({ type: 'number', 'x-currency': 'CNY', 'x-scale': 2 });
  it.each([
    [9939013965.47, true],
    [0.1 + 0.2, false],
    [12.5, true],
    [100, true],
    [1.234, false],
    [1e21, true],
  ])('%s → %s', (value, valid) => {
    expect(validate(value)).toBe(valid);
  });
});
