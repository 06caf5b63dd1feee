import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS } from '@lodestar/core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';

describe('docs/formulas.md', () => {
  it('documents every function the checker knows, and no other', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/formulas.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Functions'), doc.indexOf('## Cross-field rules'));
    const documented = [...section.matchAll(/^\| `([A-Z]+)\(/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...FUNCTIONS.keys()].sort());
    for (const spec of FUNCTIONS.values()) expect(spec.description.zh).not.toBe(spec.description.en);
  });
});
