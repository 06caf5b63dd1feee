import { join } from 'node:path';
import knex from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/paths.js';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { readFolder } from '../definitions/read-folder.js';
import { compileModel, type Model } from '../model/compile-model.js';
import { toListSql } from '../records/to-sql.js';
import { toListQuery } from '../records/list-query.js';
import { compilePreviewModel } from './preview-model.js';

let published: Model;
let draft: DefinitionSet;
const sql = knex({ client: 'pg' });

beforeAll(async () => {
  const set = (await readFolder(join(FIXTURES, 'records'))).set;
  published = compileModel(set, 3, 'published');
  draft = structuredClone(set);
  const deal = draft.entities.find((e) => e.$id === 'deal')!;
  // Added, renamed (notes → remarks), removed (phone), and a whole new entity.
  deal.properties.region = { type: 'string', maxLength: 40 };
  deal.properties.remarks = { ...deal.properties.notes!, 'x-renamedFrom': 'notes' } as NonNullable<
    typeof deal.properties.notes
  >;
  delete deal.properties.notes;
  delete deal.properties.phone;
  draft.entities.push({ ...structuredClone(draft.entities.find((e) => e.$id === 'tag')!), $id: 'badge' });
});

function listSql(model: Model): string {
  const entity = model.entities.get('deal')!;
  return toListSql(sql, entity, toListQuery({}, { entity, entities: model.entities })).toQuery();
}

describe('the model a preview reads with', () => {
  it('reads the draft from the published tables: added fields empty, renamed ones from their old column', () => {
    const { model, newEntities } = compilePreviewModel(draft, published, 'preview');
    expect(model.version).toBe(3);
    const text = listSql(model);
    expect(text).toContain('null::varchar(40) as "region"');
    expect(text).toContain('t."notes" as "remarks"');
    expect(text).not.toContain('"phone"');
    expect(text).toContain('from "deal" as t');
    expect([...newEntities]).toEqual(['badge']);
  });

  it('leaves the published model and its unchanged fields alone', () => {
    const before = listSql(published);
    compilePreviewModel(draft, published, 'preview');
    expect(listSql(published)).toBe(before);
    const { model } = compilePreviewModel(draft, published, 'preview');
    expect(model.entities.get('deal')!.fields.get('title')!.formula).toBeUndefined();
  });
});
