import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { readFolder } from '../definitions/read-folder.js';
import { validateDefinitionSet } from '../definitions/validate-definition-set.js';
import type { AddonParts } from './addon-parts.js';
import { mergeAddon, mergedFiles, removeAddon } from './merge-addon.js';
import { toWorkflowExtensionIssue } from './merge-workflow-extension.js';
import { fromTemplate } from './template-json.js';
import { validateExtension } from './validate-extension.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let standard: DefinitionSet;
beforeAll(async () => {
  standard = (await readFolder(root)).set;
});

const schedule = (id: string, set: Record<string, string> = { churnReason: '"复核"' }) => ({
  id,
  title: { zh: '每晚复核', en: 'Nightly review' },
  cron: '0 2 * * *',
  where: 'level = "key"',
  set,
});
const addon = (name: string, schedules: unknown[], workflow = 'customer-lifecycle'): AddonParts => ({
  name,
  version: '1.0.0',
  entities: [],
  extensions: [],
  workflows: [],
  workflowExtensions: [{ id: workflow, meta: { schedules } }],
});
const lifecycle = (set: DefinitionSet) => set.workflows.find((w) => w.id === 'customer-lifecycle')!;

describe('workflow extensions of an add-on', () => {
  it('add schedules to a workflow of the model, valid in the merged set, and removing the release takes them out', () => {
    const parts = addon('a', [schedule('nightly')]);
    const { set, issues } = mergeAddon(standard, parts, { others: [] });
    expect(issues).toEqual([]);
    expect(lifecycle(set).meta.schedules?.map((s) => s.id)).toEqual(['nightly']);
    expect(validateDefinitionSet(set, mergedFiles(set))).toEqual([]);
    expect(lifecycle(standard).meta.schedules).toBeUndefined();
    expect(lifecycle(removeAddon(set, parts, [])).meta.schedules).toBeUndefined();
    // An upgrade replaces the release's schedules with the next one's.
    const next = addon('a', [schedule('weekly')]);
    const upgraded = mergeAddon(set, next, { others: [], previous: parts });
    expect(upgraded.issues).toEqual([]);
    expect(lifecycle(upgraded.set).meta.schedules?.map((s) => s.id)).toEqual(['weekly']);
  });

  it('refuse a schedule id the workflow has, a workflow the model lacks, and the add-on’s own workflow, at the extension’s file', () => {
    const first = mergeAddon(standard, addon('a', [schedule('nightly')]), { others: [] }).set;
    const clash = mergeAddon(first, addon('b', [schedule('nightly', { churnReason: '"别的"' })]), {
      others: [addon('a', [schedule('nightly')])],
    });
    expect(clash.issues).toEqual([
      expect.objectContaining({
        file: 'workflows/customer-lifecycle.extend.json',
        pointer: '/meta/schedules/0/id',
        keyword: 'addonConflict',
      }),
    ]);
    expect(clash.issues[0]!.message).toContain('add-on a@1.0.0');
    // An identical schedule added by another add-on is shared, and stays while one of them holds it.
    const a = addon('a', [schedule('nightly')]);
    const b = addon('b', [schedule('nightly')]);
    const both = mergeAddon(first, b, { others: [a] });
    expect(both.issues).toEqual([]);
    expect(lifecycle(removeAddon(both.set, b, [a])).meta.schedules?.map((s) => s.id)).toEqual(['nightly']);
    const missing = mergeAddon(standard, addon('c', [schedule('x')], 'no-such-flow'), { others: [] });
    expect(missing.issues.map((i) => [i.file, i.pointer, i.keyword])).toEqual([
      ['workflows/no-such-flow.extend.json', '/id', 'addonTarget'],
    ]);
  });

  it('point the merged workflow’s issues back into the extension, and check its shape and file name', () => {
    const parts = addon('a', [schedule('nightly', { noSuchField: '1' })]);
    const { set } = mergeAddon(standard, parts, { others: [] });
    const found = validateDefinitionSet(set, mergedFiles(set)).find((i) => i.pointer.includes('/schedules/'))!;
    expect(found).toBeDefined();
    expect(toWorkflowExtensionIssue(found, set, parts)).toMatchObject({
      file: 'workflows/customer-lifecycle.extend.json',
      pointer: '/meta/schedules/0/set/noSuchField',
    });
    expect(
      validateExtension({ id: 'other', meta: { schedules: [{ id: 'x' }] } }, 'workflows/customer-lifecycle.extend.json')
        .map((i) => i.pointer)
        .sort(),
    ).toEqual(['/id', '/meta/schedules/0/cron']);
    expect(
      validateExtension(
        { id: 'customer-lifecycle', states: {}, meta: { schedules: [schedule('x')] } },
        'workflows/customer-lifecycle.extend.json',
      ),
    ).toEqual([expect.objectContaining({ pointer: '/states', keyword: 'additionalProperties' })]);
  });

  it('travel in a template JSON document as workflowExtensions', () => {
    const source = fromTemplate({
      manifest: { name: 'a', version: '1.0.0', extends: 'lodestar-standard' },
      schemas: {},
      workflows: {},
      workflowExtensions: { 'customer-lifecycle.extend.json': { id: 'customer-lifecycle', meta: { schedules: [] } } },
    });
    expect(Object.keys(source.extensions ?? {})).toEqual(['workflows/customer-lifecycle.extend.json']);
  });
});
