import { describe, expect, it } from 'vitest';

// Every catalogue of the app: values are words or typed functions, never `{placeholder}` strings to fill.
const catalogues = import.meta.glob<Record<string, unknown>>('../**/messages.ts', { eager: true });

function placeholders(value: unknown, path: string): string[] {
  if (typeof value === 'string') return /\{\w+\}/.test(value) ? [`${path}: ${value}`] : [];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => placeholders(inner, `${path}.${key}`));
  return [];
}

describe('message catalogues', () => {
  it('are found', () => expect(Object.keys(catalogues).length).toBeGreaterThan(5));

  it('word values with functions, not placeholders', () => {
    const found = Object.entries(catalogues).flatMap(([file, module]) => placeholders(module, file));
    expect(found).toEqual([]);
  });
});
