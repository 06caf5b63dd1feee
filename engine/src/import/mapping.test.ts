import { beforeAll, describe, expect, it } from 'vitest';
import { readFolder } from '../definitions/read-folder.js';
import { compileModel, type CompiledEntity } from '../model/compile-model.js';
import { REPO_ROOT } from '../../test/support/paths.js';
import { mapColumns, mappingProblem } from './mapping.js';
import { convertersOf, prepareRow } from './prepare-row.js';

let customer: CompiledEntity;

beforeAll(async () => {
  customer = compileModel((await readFolder(REPO_ROOT)).set, 1, 'repo').entities.get('customer')!;
});

describe('import column mapping', () => {
  it('maps headers by Chinese title, English title and field id, ignoring case, width and a required mark', () => {
    const mapping = mapColumns(customer, [
      '客户名称*',
      'Industry',
      'unifiedsocialcreditcode',
      '  年营业额 ',
      '记录类型',
      '负责人',
    ]);
    expect(mapping.columns.map((c) => c.target)).toEqual([
      { kind: 'field', field: 'name' },
      { kind: 'field', field: 'industry' },
      { kind: 'field', field: 'unifiedSocialCreditCode' },
      { kind: 'field', field: 'annualRevenue' },
      { kind: 'recordType' },
      { kind: 'owner' },
    ]);
    expect(mappingProblem(mapping, customer)).toBeUndefined();
  });

  it('names unknown columns, and a given mapping maps or leaves them out', () => {
    const mapping = mapColumns(customer, ['客户名称', '备注2', 'Fax']);
    expect(mapping.unknown).toEqual(['备注2', 'Fax']);
    expect(mappingProblem(mapping, customer)?.zh).toContain('“备注2”');
    const given = mapColumns(customer, ['客户名称', '备注2', 'Fax'], { 备注2: 'description', Fax: null });
    expect(given.unknown).toEqual([]);
    expect(given.columns[1]!.target).toEqual({ kind: 'field', field: 'description' });
    expect(given.columns[2]!.target).toEqual({ kind: 'ignore' });
  });

  it('refuses two columns for one field', () => {
    const mapping = mapColumns(customer, ['客户名称', 'Name']);
    expect(mapping.duplicated).toEqual(['name']);
    expect(mappingProblem(mapping, customer)?.en).toContain('more than one column');
  });

  it('prepares a row: labels to ids, record type by its title, relations kept for lookup', () => {
    const headers = ['客户名称', '所属行业', '记录类型', '上级单位', '标签', '年营业额'];
    const shape = {
      entity: customer,
      columns: mapColumns(customer, headers).columns,
      converters: convertersOf(customer),
    };
    const row = prepareRow(shape, 2, ['华东机械', '制造业', '企业客户', '华东集团', '新客户、上市公司', '¥1,200,000']);
    expect(row.issues).toEqual([]);
    expect(row.fields).toEqual({
      name: '华东机械',
      industry: 'manufacturing',
      tags: ['newCustomer', 'listed'],
      annualRevenue: 1200000,
    });
    expect(row.recordType).toBe('company');
    expect(row.refs.get('parent')).toBe('华东集团');
    const bad = prepareRow(shape, 3, ['x', '农业', '个人', '', '', 'abc']);
    expect(bad.issues.map((i) => [i.row, i.column, i.value, i.rule])).toEqual([
      [3, '所属行业', '农业', 'enum'],
      [3, '记录类型', '个人', 'enum'],
      [3, '年营业额', 'abc', 'money'],
    ]);
  });
});
