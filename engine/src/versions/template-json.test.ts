import { describe, expect, it } from 'vitest';
import { hashDefinitionSet, type DefinitionSet } from '../definitions/definition-set.js';
import {
  checkManifest,
  fromTemplate,
  templateFiles,
  templateNote,
  templateOfNote,
  toTemplate,
} from './template-json.js';

const set: DefinitionSet = {
  entities: [
    {
      $id: 'deal',
      title: 'Deal',
      type: 'object',
      'x-entity': { titleField: 'name', workflow: 'sales' },
      properties: { name: { type: 'string' } },
    },
    {
      $id: 'account',
      title: 'Account',
      type: 'object',
      'x-entity': { titleField: 'name' },
      properties: { name: { type: 'string' } },
    },
  ],
  workflows: [
    {
      id: 'sales',
      initial: 'lead',
      meta: { entity: 'deal' },
      states: { lead: { on: { WIN: 'won' } }, won: { type: 'final' } },
    },
  ],
  roles: { roles: { seller: { title: 'Seller', entities: { deal: { read: 'own' } } } } },
};
const manifest = { name: 'mini', version: '1.2.0' };

describe('template JSON', () => {
  it('mirrors the folder: files keyed by name, sorted by id, and reads back to the same set', () => {
    const template = toTemplate(set, manifest);
    expect(Object.keys(template.schemas)).toEqual(['account.schema.json', 'deal.schema.json']);
    expect(Object.keys(template.workflows)).toEqual(['sales.workflow.json']);
    const back = fromTemplate(template);
    expect(back.issues).toEqual([]);
    expect(back.manifest).toEqual(manifest);
    expect(back.files).toEqual({
      'entity:account': 'schemas/account.schema.json',
      'entity:deal': 'schemas/deal.schema.json',
      'workflow:sales': 'workflows/sales.workflow.json',
      roles: 'roles.json',
    });
    expect(hashDefinitionSet(back.set)).toBe(hashDefinitionSet(set));
  });

  it('lays out the folder with pretty-printed files', () => {
    const files = templateFiles(toTemplate(set, manifest));
    expect(files.map((f) => f.path)).toEqual([
      'template.json',
      'schemas/account.schema.json',
      'schemas/deal.schema.json',
      'workflows/sales.workflow.json',
      'roles.json',
    ]);
    expect(files[0]!.text).toBe('{\n  "name": "mini",\n  "version": "1.2.0"\n}\n');
  });

  it('reports file names that are not <id>.schema.json / <id>.workflow.json, naming the file', () => {
    const template = toTemplate(set, manifest);
    const broken = {
      ...template,
      schemas: { 'deal.schema.json': template.schemas['account.schema.json'], 'notes.json': {} },
      workflows: { 'sales.workflow.json': 'nope' },
    };
    expect(fromTemplate(broken).issues).toEqual([
      expect.objectContaining({ file: 'schemas/notes.json', keyword: 'fileName' }),
      {
        file: 'schemas/deal.schema.json',
        pointer: '/$id',
        keyword: 'fileName',
        message: '$id "account" must equal the file name "deal"',
      },
      expect.objectContaining({ file: 'workflows/sales.workflow.json', keyword: 'type' }),
    ]);
    expect(fromTemplate([]).issues).toEqual([expect.objectContaining({ pointer: '', keyword: 'type' })]);
  });

  it('checks the manifest: a name in any language and a dotted version, each problem in both languages', () => {
    expect(checkManifest(manifest)).toEqual([]);
    expect(checkManifest({ name: '华东制造业CRM', version: '1.0' })).toEqual([]);
    expect(checkManifest({ name: 'has space', version: '2' })).toEqual([]);
    expect(checkManifest(undefined)).toEqual([expect.objectContaining({ file: 'template.json', keyword: 'required' })]);
    const issues = checkManifest({ name: ' 前后空格 ', version: 'v1' });
    expect(issues).toEqual([
      expect.objectContaining({ file: 'template.json', pointer: '/name', keyword: 'name' }),
      expect.objectContaining({ file: 'template.json', pointer: '/version', keyword: 'version' }),
    ]);
    for (const issue of issues) expect(issue.i18n?.zh).toMatch(/[\u4e00-\u9fff]/);
    for (const name of ['', 'a\nb', 'x'.repeat(101), 42])
      expect(checkManifest({ name, version: '1.0' })).toHaveLength(1);
    for (const version of ['1.0.0.0', '1.', 'latest', '1.0 '])
      expect(checkManifest({ name: 'n', version })).toHaveLength(1);
  });

  it('writes and reads the version note of an install', () => {
    expect(templateOfNote(templateNote(manifest))).toEqual(manifest);
    expect(templateOfNote('add website')).toBeUndefined();
    expect(templateOfNote(templateNote({ name: '华东 制造业@CRM', version: '1.0' }))).toEqual({
      name: '华东 制造业@CRM',
      version: '1.0',
    });
  });
});
