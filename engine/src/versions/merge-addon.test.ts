import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashDefinitionSet, type DefinitionSet } from '../definitions/definition-set.js';
import { readFolder } from '../definitions/read-folder.js';
import { validateDefinitionSet } from '../definitions/validate-definition-set.js';
import { toAddonParts, type AddonParts } from './addon-parts.js';
import { mergeAddon, mergedFiles, removeAddon, toAddonIssue } from './merge-addon.js';
import { readTemplateFolder } from './template-folder.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => join(root, 'engine/test/fixtures/addons', name);

let standard: DefinitionSet;
let competitors: AddonParts;
let campaigns: AddonParts;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const entity = (set: DefinitionSet, id: string) => set.entities.find((e) => e.$id === id)!;

beforeAll(async () => {
  standard = (await readFolder(root)).set;
  competitors = toAddonParts(await readTemplateFolder(fixture('competitors')));
  campaigns = toAddonParts(await readTemplateFolder(fixture('campaigns')));
});

const ext = (parts: AddonParts, id: string) => parts.extensions.find((x) => x.$id === id)!;
/** An add-on built from the competitors fixture with `edit` applied. */
const variant = (name: string, edit: (parts: AddonParts) => void): AddonParts => {
  const parts = { ...clone(competitors), name };
  edit(parts);
  return parts;
};

describe('mergeAddon', () => {
  it('adds entities, fields on existing entities (in every record type that lists its fields) and role grants, and the merged set is valid', () => {
    const { set, issues } = mergeAddon(standard, competitors, { others: [] });
    expect(issues).toEqual([]);
    expect(entity(set, 'competitor')).toBeDefined();
    expect(entity(set, 'opportunity').properties.competitors?.['x-relation']).toEqual({ entity: 'competitor' });
    const customer = entity(set, 'customer');
    expect(customer.properties.incumbentVendor).toBeDefined();
    for (const type of Object.values(customer['x-entity'].recordTypes!))
      expect(type.fields).toContain('incumbentVendor');
    expect(set.roles!.roles.salesperson!.entities.competitor).toEqual({ read: 'all', create: 'all' });
    // The model's own parts are untouched, and so is the input.
    expect(set.roles!.roles.salesperson!.title).toEqual(standard.roles!.roles.salesperson!.title);
    expect(entity(standard, 'competitor')).toBeUndefined();
    expect(validateDefinitionSet(set, mergedFiles(set))).toEqual([]);
  });

  it('merges a second add-on on the first: new roles come whole, existing roles gain grants of its entities', () => {
    const first = mergeAddon(standard, competitors, { others: [] }).set;
    const { set, issues } = mergeAddon(first, campaigns, { others: [competitors] });
    expect(issues).toEqual([]);
    expect(entity(set, 'opportunity').properties).toHaveProperty('competitors');
    expect(entity(set, 'opportunity').properties).toHaveProperty('campaign');
    expect(set.workflows.map((w) => w.id)).toContain('campaign');
    expect(set.roles!.roles.campaignAnalyst!.title).toEqual({ zh: '活动分析员', en: 'Campaign analyst' });
    expect(set.roles!.roles.marketing!.entities.campaign).toMatchObject({ read: 'all' });
    expect(validateDefinitionSet(set, mergedFiles(set))).toEqual([]);
  });

  it('refuses to add what the model has: an entity, a field, a workflow, a record type, at the add-on file and pointer in both languages', () => {
    const clash = variant('clash', (p) => {
      p.entities.push(clone(entity(standard, 'contact')));
      p.workflows.push(clone(standard.workflows[0]!));
      (ext(p, 'customer').properties as Record<string, unknown>).name = { type: 'string' };
      ext(p, 'customer')['x-entity'] = { recordTypes: { company: { title: 'Company' } } };
      p.extensions.push({ $id: 'invoice', properties: { total: { type: 'number' } } });
    });
    const { issues } = mergeAddon(standard, clash, { others: [] });
    const at = issues.map((i) => `${i.file} ${i.pointer} ${i.keyword}`);
    expect(at).toEqual(
      expect.arrayContaining([
        'schemas/contact.schema.json /$id addonConflict',
        `workflows/${standard.workflows[0]!.id}.workflow.json /id addonConflict`,
        'schemas/customer.extend.json /properties/name addonConflict',
        'schemas/customer.extend.json /x-entity/recordTypes/company addonConflict',
        'schemas/invoice.extend.json /$id addonTarget',
      ]),
    );
    const name = issues.find((i) => i.pointer === '/properties/name')!;
    expect(name.i18n!.zh).toContain('已安装的模型');
    expect(name.i18n!.en).toContain('exists already in the installed model');
  });

  it('two add-ons adding one field: different definitions conflict (naming the other add-on), identical ones are shared', () => {
    const installed = mergeAddon(standard, competitors, { others: [] }).set;
    const other = variant('rival', (p) => {
      p.entities = [];
      p.roles = undefined;
      p.extensions = [{ $id: 'customer', properties: { incumbentVendor: { type: 'string', maxLength: 50 } } }];
    });
    const refused = mergeAddon(installed, other, { others: [competitors] });
    expect(refused.issues).toHaveLength(1);
    expect(refused.issues[0]).toMatchObject({
      file: 'schemas/customer.extend.json',
      pointer: '/properties/incumbentVendor',
      keyword: 'addonConflict',
    });
    expect(refused.issues[0]!.i18n!.zh).toContain('附加模板 competitors@1.0.0');

    const twin = variant('twin', (p) => {
      p.entities = [];
      p.roles = undefined;
      p.extensions = [clone(competitors.extensions.find((x) => x.$id === 'customer')!)];
    });
    const shared = mergeAddon(installed, twin, { others: [competitors] });
    expect(shared.issues).toEqual([]);
    // Taking out competitors keeps the field for twin, which still holds it.
    const without = removeAddon(shared.set, competitors, [twin]);
    expect(entity(without, 'customer').properties).toHaveProperty('incumbentVendor');
    expect(entity(without, 'competitor')).toBeUndefined();
  });

  it('an upgrade replaces the previous release: a field the new release drops is dropped, one it adds is added', () => {
    const installed = mergeAddon(standard, competitors, { others: [] }).set;
    const next = variant('competitors', (p) => {
      p.version = '1.1.0';
      p.extensions = p.extensions.filter((x) => x.$id !== 'customer');
      (p.entities[0]!.properties as Record<string, unknown>).website = { type: 'string', format: 'uri' };
    });
    const { set, issues } = mergeAddon(installed, next, { others: [], previous: competitors });
    expect(issues).toEqual([]);
    expect(entity(set, 'customer').properties).not.toHaveProperty('incumbentVendor');
    for (const type of Object.values(entity(set, 'customer')['x-entity'].recordTypes!))
      expect(type.fields).not.toContain('incumbentVendor');
    expect(entity(set, 'competitor').properties).toHaveProperty('website');
    // Removing the only release gives back exactly the model it was installed on.
    expect(hashDefinitionSet(removeAddon(installed, competitors, []))).toBe(hashDefinitionSet(standard));
  });

  it('roles: an existing role keeps its title, and grants on the model entities stay the model’s', () => {
    const meddle = variant('meddle', (p) => {
      p.roles = {
        roles: {
          salesperson: { title: 'Seller', entities: { customer: { read: 'all' } } },
          salesManager: { entities: { competitor: { read: 'all' } } },
        },
      } as unknown as AddonParts['roles'];
    });
    const first = mergeAddon(standard, meddle, { others: [] });
    expect(first.issues.map((i) => `${i.file} ${i.pointer} ${i.keyword}`)).toEqual([
      'roles.json /roles/salesperson/title addonRole',
      // A scope on a model entity may only add the unowned records (merge-workflow-extension-grants.ts).
      'roles.json /roles/salesperson/entities/customer/read addonRole',
    ]);
  });

  it('roles: a role of the model may hide or lock the fields the add-on adds to its entities, and only those', () => {
    const hiding = variant('competitors', (p) => {
      p.roles!.roles.salesperson!.entities.customer = { fields: { incumbentVendor: 'hidden' } };
    });
    const { set, issues } = mergeAddon(standard, hiding, { others: [] });
    expect(issues).toEqual([]);
    expect(set.roles!.roles.salesperson!.entities.customer).toEqual({
      ...standard.roles!.roles.salesperson!.entities.customer,
      fields: { ...standard.roles!.roles.salesperson!.entities.customer!.fields, incumbentVendor: 'hidden' },
    });
    expect(validateDefinitionSet(set, mergedFiles(set))).toEqual([]);
    expect(hashDefinitionSet(removeAddon(set, hiding, []))).toBe(hashDefinitionSet(standard));

    const meddling = variant('meddling', (p) => {
      p.roles!.roles.salesperson!.entities.customer = { fields: { name: 'readOnly' } };
    });
    expect(mergeAddon(standard, meddling, { others: [] }).issues.map((i) => `${i.pointer} ${i.keyword}`)).toEqual([
      '/roles/salesperson/entities/customer addonRole',
    ]);
  });

  it('only its own new fields may be required, and the merged set’s issues point into the add-on’s files', () => {
    const strict = variant('strict', (p) => {
      ext(p, 'customer').required = ['name', 'incumbentVendor'];
      (ext(p, 'customer').properties as Record<string, Record<string, unknown>>).incumbentVendor!.maxLength = -1;
    });
    const { set, issues } = mergeAddon(standard, strict, { others: [] });
    expect(issues.map((i) => `${i.file} ${i.pointer}`)).toEqual(['schemas/customer.extend.json /required/0']);
    const found = validateDefinitionSet(set, mergedFiles(set)).map((i) => toAddonIssue(i, standard, strict));
    expect(found.map((i) => `${i.file} ${i.pointer}`)).toContain(
      'schemas/customer.extend.json /properties/incumbentVendor/maxLength',
    );
  });
});
