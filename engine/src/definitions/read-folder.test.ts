import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/paths.js';
import { DefinitionError } from '../errors.js';
import { readFolder } from './read-folder.js';

const folders: string[] = [];
function smallCrm(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lodestar-read-folder-'));
  cpSync(join(FIXTURES, 'small-crm'), folder, { recursive: true });
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('readFolder and roles.json', () => {
  it('leaves roles out of the set when the folder has no roles.json', async () => {
    const { set, files } = await readFolder(smallCrm());
    expect(set).not.toHaveProperty('roles');
    expect(files).not.toHaveProperty('roles');
  });

  it('reads roles.json beside schemas/ and names its file', async () => {
    const folder = smallCrm();
    const roles = { roles: { sales: { title: { zh: '销售', en: 'Sales' }, entities: { customer: { read: 'own' } } } } };
    writeFileSync(join(folder, 'roles.json'), JSON.stringify(roles));
    const { set, files } = await readFolder(folder);
    expect(set.roles).toEqual(roles);
    expect(files.roles).toBe('roles.json');
  });

  it('reports an unparsable roles.json together with the other files', async () => {
    const folder = smallCrm();
    writeFileSync(join(folder, 'roles.json'), '{ "roles": { ');
    writeFileSync(join(folder, 'schemas/broken.schema.json'), '{');
    const error = await readFolder(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as DefinitionError).issues).toEqual([
      expect.objectContaining({ file: 'schemas/broken.schema.json', keyword: 'json' }),
      expect.objectContaining({
        file: 'roles.json',
        pointer: '',
        keyword: 'json',
        message: expect.stringMatching(/^not valid JSON/),
      }),
    ]);
  });
});
