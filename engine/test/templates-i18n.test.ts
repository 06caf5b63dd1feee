import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { LocalizedText } from '../src/definitions/entity.js';
import { readFolder } from '../src/definitions/read-folder.js';
import { listTransitions } from '../src/workflow/transitions.js';
import { isAddonManifest, toAddonParts } from '../src/versions/addon-parts.js';
import { mergeAddon, mergedFiles } from '../src/versions/merge-addon.js';
import { readTemplateFolder } from '../src/versions/template-folder.js';
import { REPO_ROOT } from './support/paths.js';

/**
 * Every label a user sees comes from the definitions, in Chinese and English. For the default template
 * (the repo root) and every folder in templates/, read the way the engine reads them: each entity,
 * field, choice value, record type, section, workflow, state, transition and role has a zh and an en
 * title. A failure lists every gap, e.g. `schemas/customer.schema.json customer.industry = "mining": en`.
 */

const LANGUAGES = ['zh', 'en'] as const;

const FOLDERS: [string, string][] = [
  ['default (repo root)', REPO_ROOT],
  ...readdirSync(join(REPO_ROOT, 'templates'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name): [string, string] => [`templates/${name}`, join(REPO_ROOT, 'templates', name)]),
];

/** The languages a text lacks; a bare string counts as untranslated. */
function missing(text: LocalizedText | Record<string, string> | undefined): string[] {
  if (text === undefined || typeof text === 'string') return [...LANGUAGES];
  return LANGUAGES.filter((lang) => !(text as Record<string, string>)[lang]?.trim());
}

/** Every untranslated label of a definition set, one line each: `<file> <what>: <languages>`. */
export function translationGaps(set: DefinitionSet, files: Record<string, string> = {}): string[] {
  const gaps: string[] = [];
  const check = (file: string | undefined, what: string, text: LocalizedText | Record<string, string> | undefined) => {
    const lacking = missing(text);
    if (lacking.length) gaps.push(`${file ?? '?'} ${what}: ${lacking.join(', ')}`);
  };
  /** Optional texts (descriptions): checked only when given, so that a half-translated one shows. */
  const checkIfGiven = (
    file: string | undefined,
    what: string,
    text: LocalizedText | Record<string, string> | undefined,
  ) => {
    if (text !== undefined) check(file, what, text);
  };

  for (const entity of set.entities) {
    const file = files[`entity:${entity.$id}`];
    const i18n = entity['x-i18n'];
    check(file, `entity ${entity.$id}: title`, i18n?.title);
    checkIfGiven(file, `entity ${entity.$id}: description`, i18n?.description);
    for (const [key, type] of Object.entries(entity['x-entity'].recordTypes ?? {}))
      check(file, `${entity.$id} record type ${key}`, type.title);
    for (const section of entity['x-entity'].sections ?? [])
      check(file, `${entity.$id} section ${section.id}`, section.title);
    for (const [name, field] of Object.entries(entity.properties)) {
      const fieldI18n = field['x-i18n'];
      check(file, `${entity.$id}.${name}: title`, fieldI18n?.title);
      checkIfGiven(file, `${entity.$id}.${name}: description`, fieldI18n?.description);
      const values = field.type === 'array' ? field.items?.enum : field.enum;
      for (const value of values ?? [])
        check(file, `${entity.$id}.${name} = ${JSON.stringify(value)}`, fieldI18n?.enum?.[String(value)]);
    }
  }

  for (const workflow of set.workflows) {
    const file = files[`workflow:${workflow.id}`];
    check(file, `workflow ${workflow.id}: title`, workflow.meta.title);
    for (const [name, state] of Object.entries(workflow.states)) {
      check(file, `${workflow.id} state ${name}`, state.meta?.title);
      for (const { kind, key, definition, pointer } of listTransitions(state, `/states/${name}`)) {
        const label = kind === 'on' ? `event ${key}` : kind === 'after' ? `timer ${key}` : 'always';
        check(
          file,
          `${workflow.id} ${name} → ${label} (${pointer}): meta.title`,
          definition.meta?.title as LocalizedText | undefined,
        );
      }
    }
  }

  for (const [id, role] of Object.entries(set.roles?.roles ?? {})) {
    check(files.roles, `role ${id}: title`, role.title);
    checkIfGiven(files.roles, `role ${id}: description`, role.description);
  }
  return gaps;
}

/** A folder as it is used: an add-on merged into the standard CRM, whose roles it only extends. */
async function readAsUsed(root: string): Promise<{ set: DefinitionSet; files: Record<string, string> }> {
  const { set, files, manifest } = await readFolder(root);
  if (!isAddonManifest(manifest as { extends?: unknown } | undefined)) return { set, files };
  const merged = mergeAddon((await readFolder(REPO_ROOT)).set, toAddonParts(await readTemplateFolder(root)), {
    others: [],
  });
  return { set: merged.set, files: mergedFiles(merged.set) as Record<string, string> };
}

describe.each(FOLDERS)('%s: every label in Chinese and English', (_name, root) => {
  it('has no untranslated entity, field, choice value, record type, section, workflow, state, transition or role', async () => {
    const { set, files } = await readAsUsed(root);
    expect(set.entities.length, `no entities read from ${root}`).toBeGreaterThan(0);
    const gaps = translationGaps(set, files);
    expect(gaps, `${gaps.length} label(s) lack a language:\n  ${gaps.join('\n  ')}\n`).toEqual([]);
  });

  it('charts the customer distribution by region, industry and level', async () => {
    const { set } = await readAsUsed(root);
    const customer = set.entities.find((entity) => entity.$id === 'customer');
    if (!customer) return;
    const charted = Object.entries(customer.properties)
      .filter(([, field]) => field['x-ui']?.chart)
      .map(([name]) => name);
    expect(charted).toEqual(expect.arrayContaining(['region', 'industry', 'level']));
  });
});

describe('translationGaps', () => {
  it('names each missing language of each kind of label', () => {
    const set: DefinitionSet = {
      entities: [
        {
          $id: 'customer',
          title: 'Customer',
          type: 'object',
          'x-i18n': { title: { zh: '客户' } },
          'x-entity': {
            titleField: 'name',
            sections: [{ id: 'basic', title: 'Basic' }],
            recordTypes: { company: { title: { en: 'Company' } } },
          },
          properties: {
            name: { type: 'string' },
            industry: {
              type: 'string',
              enum: ['manufacturing', 'retail'],
              'x-i18n': {
                title: { zh: '行业', en: 'Industry' },
                enum: { manufacturing: { zh: '制造业', en: 'Manufacturing' }, retail: { zh: '零售业' } },
              },
            },
            tags: {
              type: 'array',
              items: { type: 'string', enum: ['listed'] },
              'x-i18n': { title: { zh: '标签', en: 'Tags' } },
            },
          },
        },
      ],
      workflows: [
        {
          id: 'customer-lifecycle',
          initial: 'lead',
          meta: { entity: 'customer', title: { zh: '客户生命周期', en: 'Customer lifecycle' } },
          states: {
            lead: {
              meta: { title: { zh: '线索' } },
              on: { QUALIFY: 'active' },
              after: { sla: { meta: { title: { zh: '超时提醒', en: 'Overdue reminder' } } } },
            },
            active: { meta: { title: { zh: '成交客户', en: 'Active' } } },
          },
        },
      ],
      roles: { roles: { sales: { title: '销售', entities: {} } } },
    };
    expect(translationGaps(set, { 'entity:customer': 'schemas/customer.schema.json' })).toEqual([
      'schemas/customer.schema.json entity customer: title: en',
      'schemas/customer.schema.json customer record type company: zh',
      'schemas/customer.schema.json customer section basic: zh, en',
      'schemas/customer.schema.json customer.name: title: zh, en',
      'schemas/customer.schema.json customer.industry = "retail": en',
      'schemas/customer.schema.json customer.tags = "listed": zh, en',
      '? customer-lifecycle state lead: en',
      '? customer-lifecycle lead → event QUALIFY (/states/lead/on/QUALIFY): meta.title: zh, en',
      '? role sales: title: zh, en',
    ]);
  });
});
