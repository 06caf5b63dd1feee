import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bindingOf } from '@lodestar/core';
import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition } from '../src/definitions/entity.js';
import { readFolder } from '../src/definitions/read-folder.js';
import { validateDefinitionSet } from '../src/definitions/validate-definition-set.js';
import type { WorkflowDefinition } from '../src/definitions/workflow.js';
import { REPO_ROOT } from './support/paths.js';

const CORE = join(REPO_ROOT, 'core');

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every module specifier a source imports or re-exports (static and dynamic). */
export function specifiersOf(source: string): string[] {
  const found = [
    ...source.matchAll(/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g),
    ...source.matchAll(/\bimport\s*(?:\(\s*)?['"]([^'"]+)['"]/g),
  ];
  return found.map((m) => m[1]!);
}

describe('@lodestar/core is the one contract', () => {
  it('imports nothing but its own modules: no Node, database or app modules, so browsers can load it', () => {
    const outside: string[] = [];
    for (const file of sourcesOf(join(CORE, 'src'))) {
      for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('./') && !specifier.startsWith('../'))
          outside.push(`${relative(CORE, file)} imports ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('finds the imports it must refuse', () => {
    expect(
      specifiersOf(
        `import { readFileSync } from 'node:fs';\nimport type { Knex } from "knex";\nexport * from './text.js';\nconst pg = await import('pg');\nimport 'fs';`,
      ),
    ).toEqual(['node:fs', 'knex', './text.js', 'pg', 'fs']);
  });

  it('its definition types are generated from the meta-schemas as they are now', () => {
    // Exits 1 naming the stale file when a meta-schema changed without `npm run generate -w core`.
    expect(() =>
      execFileSync(process.execPath, [join(CORE, 'scripts/generate-types.mjs'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});

const deal = (options: Partial<EntityDefinition['x-entity']> = {}): EntityDefinition => ({
  $id: 'deal',
  title: 'Deal',
  'x-i18n': { title: { en: 'Deal', zh: '商机' } },
  type: 'object',
  'x-entity': {
    titleField: 'name',
    recordTypes: { big: { title: { en: 'Big deal', zh: '大单' } }, small: { title: { en: 'Small deal', zh: '小单' } } },
    ...options,
  },
  properties: { name: { type: 'string', maxLength: 100 } },
  required: ['name'],
});

const flow = (id: string, zh: string, binding: Partial<WorkflowDefinition['meta']> = {}): WorkflowDefinition => ({
  id,
  initial: 'open',
  meta: { entity: 'deal', title: { en: id, zh }, ...binding },
  states: { open: { on: { CLOSE: 'closed' } }, closed: { type: 'final' } },
});

const ambiguous = (set: DefinitionSet) =>
  validateDefinitionSet(set).filter((issue) => issue.keyword === 'ambiguousWorkflow');

describe('validation refuses ambiguous workflow bindings', () => {
  it('accepts one workflow per entity and record type, as the shipped templates bind them', async () => {
    expect(ambiguous({ entities: [deal()], workflows: [flow('deal-flow', '商机流程')] })).toEqual([]);
    expect(
      ambiguous({
        entities: [deal({ workflow: 'deal-flow', recordTypes: { big: { title: 'Big', workflow: 'big-flow' } } })],
        workflows: [flow('deal-flow', '商机流程'), flow('big-flow', '大单流程', { recordType: 'big' })],
      }),
    ).toEqual([]);
    for (const root of [REPO_ROOT, join(REPO_ROOT, 'templates/project-delivery')]) {
      const { set } = await readFolder(root);
      expect(ambiguous(set)).toEqual([]);
    }
  });

  it('refuses an entity naming workflow A while workflow B binds one of its record types (the engine and the app picked apart)', () => {
    const set = {
      entities: [deal({ workflow: 'deal-flow' })],
      workflows: [flow('deal-flow', '商机流程'), flow('big-flow', '大单流程', { recordType: 'big' })],
    };
    const issues = ambiguous(set);
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'workflows[1]',
        pointer: '/meta/recordType',
        keyword: 'ambiguousWorkflow',
        i18n: { en: expect.stringContaining('“big-flow”'), zh: expect.stringContaining('“大单流程”') },
      }),
    ]);
    expect(issues[0]!.i18n!.zh).toContain('“商机流程”');
    expect(issues[0]!.i18n!.zh).not.toMatch(/[A-Za-z]/);
  });

  it('refuses two workflows bound to one entity, or to one record type', () => {
    const twoOnEntity = ambiguous({
      entities: [deal()],
      workflows: [flow('deal-flow', '商机流程'), flow('other-flow', '另一流程')],
    });
    expect(twoOnEntity).toEqual([
      expect.objectContaining({
        file: 'workflows[1]',
        pointer: '/meta/entity',
        i18n: { en: expect.any(String), zh: '“商机”的记录同时绑定了两个流程：“商机流程”和“另一流程”，只能保留一个' },
      }),
    ]);
    const twoOnType = ambiguous({
      entities: [deal()],
      workflows: [
        flow('big-flow', '大单流程', { recordType: 'big' }),
        flow('huge-flow', '巨单流程', { recordType: 'big' }),
      ],
    });
    expect(twoOnType).toEqual([
      expect.objectContaining({
        pointer: '/meta/recordType',
        i18n: expect.objectContaining({ zh: expect.stringContaining('“大单”') }),
      }),
    ]);
    const namedAndBound = ambiguous({
      entities: [deal({ recordTypes: { big: { title: 'Big', workflow: 'big-flow' } } })],
      workflows: [
        flow('big-flow', '大单流程', { recordType: 'big' }),
        flow('huge-flow', '巨单流程', { recordType: 'big' }),
      ],
    });
    expect(namedAndBound).toEqual([
      expect.objectContaining({ file: 'entities[0]', pointer: '/x-entity/recordTypes/big/workflow' }),
    ]);
  });

  it('refuses an entity naming a workflow that runs on another entity', () => {
    const other = { ...flow('lead-flow', '线索流程'), meta: { entity: 'lead' } };
    const lead: EntityDefinition = {
      ...deal(),
      $id: 'lead',
      title: 'Lead',
      'x-i18n': { title: { en: 'Lead', zh: '线索' } },
      'x-entity': { titleField: 'name' },
    };
    expect(ambiguous({ entities: [deal({ workflow: 'lead-flow' }), lead], workflows: [other] })).toEqual([
      expect.objectContaining({ file: 'entities[0]', pointer: '/x-entity/workflow' }),
    ]);
  });

  it('in a valid set, the binding rule picks what the record type or entity is bound to', () => {
    const entity = deal({ workflow: 'deal-flow', recordTypes: { big: { title: 'Big', workflow: 'big-flow' } } });
    const workflows = [flow('deal-flow', '商机流程'), flow('big-flow', '大单流程', { recordType: 'big' })];
    expect(bindingOf(entity, workflows, 'big')?.id).toBe('big-flow');
    expect(bindingOf(entity, workflows, 'small')?.id).toBe('deal-flow');
    expect(bindingOf(entity, workflows, null)?.id).toBe('deal-flow');
  });
});
