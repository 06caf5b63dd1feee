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
const claim = (target = 'prospect') => ({
  target,
  guard: { type: 'recordOwner', params: { is: 'nobody' } },
  actions: [{ type: 'assignOwner', params: { to: 'actor' } }],
  meta: { title: { zh: '领取', en: 'Claim' } },
});
const withEvents = (name: string, on: Record<string, unknown>, states = ['prospect', 'dormant']): AddonParts => ({
  ...addon(name, []),
  workflowExtensions: [
    { id: 'customer-lifecycle', states: Object.fromEntries(states.map((state) => [state, { on }])) },
  ],
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
    // A state's other parts (title, timers, entry) stay the workflow's: only `on` may be written.
    expect(
      validateExtension(
        { id: 'customer-lifecycle', states: { prospect: { on: { CLAIM: claim() }, meta: { color: '#000' } } } },
        'workflows/customer-lifecycle.extend.json',
      ),
    ).toEqual([expect.objectContaining({ pointer: '/states/prospect/meta', keyword: 'additionalProperties' })]);
    // An added event carries its button title in both languages.
    expect(
      validateExtension(
        {
          id: 'customer-lifecycle',
          states: { prospect: { on: { CLAIM: { target: 'prospect', meta: { title: { zh: '领取' } } } } } },
        },
        'workflows/customer-lifecycle.extend.json',
      ).map((i) => [i.pointer, i.keyword]),
    ).toContainEqual(['/states/prospect/on/CLAIM/meta/title/en', 'required']);
    expect(validateExtension({ id: 'customer-lifecycle' }, 'workflows/customer-lifecycle.extend.json')).not.toEqual([]);
  });

  it('add events to states the workflow has, valid in the merged set; removing the release takes them out', () => {
    const parts = withEvents('pool', { CLAIM: claim() });
    const { set, issues } = mergeAddon(standard, parts, { others: [] });
    expect(issues).toEqual([]);
    expect(lifecycle(set).states.prospect!.on?.CLAIM).toEqual(claim());
    expect(lifecycle(set).states.dormant!.on?.CLAIM).toEqual(claim());
    // The events the model had are untouched.
    expect(lifecycle(set).states.prospect!.on?.ACTIVATE).toEqual(lifecycle(standard).states.prospect!.on?.ACTIVATE);
    expect(validateDefinitionSet(set, mergedFiles(set))).toEqual([]);
    expect(lifecycle(removeAddon(set, parts, []))).toEqual(lifecycle(standard));
    // An identical event of two add-ons is shared and stays while one holds it.
    const again = withEvents('pool2', { CLAIM: claim() });
    const both = mergeAddon(set, again, { others: [parts] });
    expect(both.issues).toEqual([]);
    expect(lifecycle(removeAddon(both.set, again, [parts])).states.prospect!.on?.CLAIM).toEqual(claim());
  });

  it('refuse changing an event the workflow has, or a state it lacks, at the extension’s pointer in both languages', () => {
    const changed = mergeAddon(
      standard,
      withEvents('pool', { ACTIVATE: { ...claim('active'), meta: { title: { zh: '转为成交', en: 'Activate' } } } }, [
        'prospect',
      ]),
      { others: [] },
    );
    expect(changed.issues).toEqual([
      expect.objectContaining({
        file: 'workflows/customer-lifecycle.extend.json',
        pointer: '/states/prospect/on/ACTIVATE',
        keyword: 'addonConflict',
      }),
    ]);
    expect(changed.issues[0]!.i18n).toEqual({
      en: expect.stringContaining('cannot change or replace one'),
      zh: expect.stringContaining('不能修改或替换已有事件'),
    });
    // The model's event is as it was.
    expect(lifecycle(changed.set).states.prospect!.on?.ACTIVATE).toEqual(
      lifecycle(standard).states.prospect!.on?.ACTIVATE,
    );
    const nowhere = mergeAddon(standard, withEvents('pool', { CLAIM: claim() }, ['pool']), { others: [] });
    expect(nowhere.issues.map((i) => [i.pointer, i.keyword])).toEqual([['/states/pool', 'addonTarget']]);
  });

  it('point an added event’s issues in the merged set back into the extension', () => {
    const parts = withEvents('pool', { CLAIM: claim('nowhere') }, ['prospect']);
    const { set } = mergeAddon(standard, parts, { others: [] });
    const found = validateDefinitionSet(set, mergedFiles(set)).find((i) => i.pointer.includes('/CLAIM'))!;
    expect(found).toBeDefined();
    expect(toWorkflowExtensionIssue(found, set, parts)).toMatchObject({
      file: 'workflows/customer-lifecycle.extend.json',
      pointer: found.pointer,
    });
    expect(found.pointer.startsWith('/states/prospect/on/CLAIM')).toBe(true);
  });

  it('let roles of the model send the added events and reach the unowned records, and give both back on removal', () => {
    const parts: AddonParts = {
      ...withEvents('pool', { CLAIM: claim() }),
      roles: {
        roles: {
          salesperson: { entities: { customer: { read: 'ownOrUnowned', events: { CLAIM: 'ownOrUnowned' } } } },
          salesManager: { entities: { customer: { read: 'ownOrUnowned', update: 'ownOrUnowned' } } },
        },
      } as unknown as AddonParts['roles'],
    };
    const { set, issues } = mergeAddon(standard, parts, { others: [] });
    expect(issues).toEqual([]);
    const grant = (s: DefinitionSet, role: string) => s.roles!.roles[role]!.entities.customer!;
    expect(grant(set, 'salesperson')).toMatchObject({
      read: 'ownOrUnowned',
      update: 'own',
      events: { PROMOTE: 'none', DEMOTE: 'none', CLAIM: 'ownOrUnowned' },
    });
    // Team and the unowned records: the union, not one of the two.
    expect(grant(set, 'salesManager')).toMatchObject({
      read: 'teamOrUnowned',
      update: 'teamOrUnowned',
      create: 'team',
    });
    expect(validateDefinitionSet(set, mergedFiles(set))).toEqual([]);
    expect(removeAddon(set, parts, []).roles).toEqual(standard.roles);

    const greedy: AddonParts = {
      ...withEvents('pool', { CLAIM: claim() }),
      roles: {
        roles: {
          salesperson: {
            entities: { customer: { read: 'all', update: 'teamOrUnowned', events: { ACTIVATE: 'all' } } },
          },
        },
      } as unknown as AddonParts['roles'],
    };
    const refused = mergeAddon(standard, greedy, { others: [] });
    expect(refused.issues.map((i) => `${i.pointer} ${i.keyword}`)).toEqual([
      '/roles/salesperson/entities/customer/read addonRole',
      '/roles/salesperson/entities/customer/update addonRole',
      '/roles/salesperson/entities/customer/events/ACTIVATE addonRole',
    ]);
    expect(refused.issues[0]!.i18n?.zh).toContain('本人及公海');
    expect(grant(refused.set, 'salesperson')).toEqual(grant(standard, 'salesperson'));
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
