import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT } from '../../test/support/paths.js';
import type { EntityDefinition } from './entity.js';
import { readFolder } from './read-folder.js';
import { validateWorkflow } from './validate-workflow.js';

interface InvalidCase {
  entities: EntityDefinition[];
  workflow: unknown;
  expect: { pointer: string; keyword: string }[];
}

const read = <T>(dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, name), 'utf8')) as T] as const);

const invalid = read<InvalidCase>(join(FIXTURES, 'workflows/invalid'));
const valid = read<unknown>(join(FIXTURES, 'workflows/valid'));

describe('invalid workflows are rejected with every issue named', () => {
  it.each(invalid)('%s', (_name, testCase) => {
    const issues = validateWorkflow(testCase.workflow, testCase.entities);
    for (const expected of testCase.expect) expect(issues).toContainEqual(expect.objectContaining(expected));
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(3);
  });
});

describe('example workflows validate against the default template', () => {
  let entities: EntityDefinition[] = [];
  beforeAll(async () => {
    entities = (await readFolder(REPO_ROOT)).set.entities;
  });

  it.each(valid)('%s', (_name, workflow) => {
    expect(validateWorkflow(workflow, entities)).toEqual([]);
  });

  it('keeps the structural checks for documents the meta-schema cannot read', () => {
    expect(validateWorkflow(null, entities)).toEqual([expect.objectContaining({ pointer: '', keyword: 'type' })]);
    expect(
      validateWorkflow({ id: 'Bad Id', initial: 'x', meta: { entity: 'opportunity' }, states: {} }, entities),
    ).toEqual([
      expect.objectContaining({ pointer: '/id', keyword: 'pattern' }),
      expect.objectContaining({ pointer: '/states', keyword: 'required' }),
    ]);
  });
});
