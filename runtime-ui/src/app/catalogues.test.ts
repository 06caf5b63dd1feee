import { describe, expect, it } from 'vitest';
import { placeholderStrings } from '@lodestar/ui-shared';

// Every catalogue of the app (messages.ts and *-messages.ts): words or typed functions, never `{placeholder}` strings.
const catalogues = import.meta.glob<Record<string, unknown>>('../**/*messages.ts', { eager: true });

describe('message catalogues', () => {
  it('are found', () => expect(Object.keys(catalogues).length).toBeGreaterThan(5));

  it('word values with functions, not placeholders', () => {
    const found = Object.entries(catalogues).flatMap(([file, module]) => placeholderStrings(module, file));
    expect(found).toEqual([]);
  });
});
