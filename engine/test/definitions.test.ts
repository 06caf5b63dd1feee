import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { validateDefinitionSet } from '../src/definitions/validate-definition-set.js';
import { FIXTURES } from './support/paths.js';

interface InvalidCase extends DefinitionSet {
  expect: { file?: string; pointer: string; keyword: string }[];
}

const dir = join(FIXTURES, 'definitions/invalid');
const cases = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map(
    (name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, name), 'utf8')) as InvalidCase] as const,
  );

describe('invalid definitions are rejected with every issue named', () => {
  it.each(cases)('%s', (_name, testCase) => {
    const { entities, workflows, roles } = testCase;
    const issues = validateDefinitionSet({ entities, workflows, ...(roles !== undefined && { roles }) });
    for (const expected of testCase.expect) {
      expect(issues).toContainEqual(expect.objectContaining(expected));
    }
    for (const issue of issues) {
      expect(issue.message.length).toBeGreaterThan(3);
      expect(issue.file).toBeTruthy();
    }
  });
});
