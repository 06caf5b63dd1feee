import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTypes } from '../src/cli/commands/types.js';
import { readFolder } from '../src/definitions/read-folder.js';
import { compileModel } from '../src/model/compile-model.js';
import { FIXTURES } from './support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'lodestar-types-'));
const outFile = join(dir, 'records.ts');
let text: string;

// A consumer of the generated file: it must type-check, and the @ts-expect-error lines must be errors.
const USAGE = `import type { Account, Deal, EntityId, Records } from './records.js';
export const deal: Records['deal'] = {
  id: 'd', record_type: null, state: 'open', state_entered_at: 't', sla_breached_at: null, sla_due_at: null, owner_id: null, created_at: 't', updated_at: 't', created_by: null, updated_by: null, version: 1,
  name: 'Big one', account: 'a', contacts: ['c1', 'c2'], amount: 1000, source: 'website', closeDate: '2026-12-01', notes: null,
};
export const kinds: Account['record_type'][] = ['company', 'person'];
export const ids: EntityId[] = ['account', 'contact', 'deal'];
// @ts-expect-error: not a source
export const source: Deal['source'] = 'fax';
// @ts-expect-error: contacts is an id list, never null
export const contacts: Deal['contacts'] = null;
`;

beforeAll(async () => {
  const { set } = await readFolder(join(FIXTURES, 'openapi'));
  expect(await writeTypes(compileModel(set, 3, 'hash'), outFile)).toEqual({ entities: 3 });
  text = readFileSync(outFile, 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeTypes', () => {
  it('writes a file the TypeScript compiler accepts under strict settings, used as a client would', () => {
    writeFileSync(join(dir, 'usage.ts'), USAGE);
    const program = ts.createProgram([outFile, join(dir, 'usage.ts')], {
      strict: true,
      noEmit: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it.each([
    ['Account', ['id', 'record_type', 'owner_id', 'version', 'name', 'industry', 'annualRevenue', 'founded', 'parent']],
    ['Contact', ['id', 'created_at', 'name', 'email', 'birthday', 'account']],
    ['Deal', ['state', 'name', 'account', 'contacts', 'amount', 'source', 'closeDate', 'notes']],
  ])('declares %s with its fields', (name, fields) => {
    const body = new RegExp(`export interface ${name} \\{([^}]*)\\}`).exec(text)?.[1] ?? '';
    for (const field of fields) expect(body).toMatch(new RegExp(`^\\s+${field}: `, 'm'));
  });

  it('declares only the interfaces and the Records map: no alias per titled property', () => {
    expect(text.match(/^export (interface|type) \w+/gm)).toEqual([
      'export interface Account',
      'export interface Contact',
      'export interface Deal',
      'export interface Records',
      'export type EntityId',
    ]);
    expect(text).toContain('  deal: Deal;');
    expect(text).toMatch(/record_type: "company" \| "person";/);
    expect(text).toMatch(/\* Annual revenue \(amount in CNY\)\s+\*\/\s+annualRevenue: number \| null;/);
    expect(text).toMatch(/\* Contacts \(contact ids\)\s+\*\/\s+contacts: string\[\];/);
    // Required fields are NOT NULL columns.
    expect(text).toMatch(/\s+account: string;\s+\/\*\*\s+\* Contacts/);
  });
});
