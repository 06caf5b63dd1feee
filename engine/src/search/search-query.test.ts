import type { SearchSpec } from '@lodestar/core';
import { describe, expect, it } from 'vitest';
import { highlightOf } from './highlight.js';
import { queryTerms, toTsQuery } from './search-query.js';

const spec: SearchSpec = {
  fields: [
    { name: 'name', mode: 'pinyin', type: 'varchar(200)' },
    { name: 'phone', mode: 'phone', type: 'varchar(40)' },
    { name: 'notes', mode: 'text', type: 'text' },
  ],
};

describe('query terms', () => {
  it('cuts Chinese into bigrams, one character as a prefix', () => {
    expect(queryTerms('华东科技')).toEqual([
      { text: '华东', prefix: false, in: 'all' },
      { text: '东科', prefix: false, in: 'all' },
      { text: '科技', prefix: false, in: 'all' },
    ]);
    expect(queryTerms('张')).toEqual([{ text: '张', prefix: true, in: 'all' }]);
  });

  it('takes words as lower-case prefixes and mixed text as both', () => {
    expect(queryTerms('Acme 科技')).toEqual([
      { text: '科技', prefix: false, in: 'all' },
      { text: 'acme', prefix: true, in: 'all' },
    ]);
    expect(queryTerms('zhang.wei@acme')).toEqual(
      ['zhang', 'wei', 'acme'].map((text) => ({ text, prefix: true, in: 'all' })),
    );
  });

  it('reads a number typed with separators as one run of digits', () => {
    expect(queryTerms('138-0013 8000')).toEqual([{ text: '13800138000', prefix: true, in: 'phone' }]);
    expect(queryTerms('ab')).toEqual([{ text: 'ab', prefix: true, in: 'all' }]);
    expect(queryTerms('?!')).toEqual([]);
  });
});

describe('tsquery', () => {
  it('asks every term in some field the reader may read, each field by its tag', () => {
    expect(toTsQuery(queryTerms('张伟 zw'), spec, () => true)).toBe(
      "('a_张伟' | 'b_张伟' | 'c_张伟') & ('a_zw':* | 'b_zw':* | 'c_zw':*)",
    );
    expect(toTsQuery(queryTerms('张伟'), spec, (field) => field !== 'notes')).toBe("('a_张伟' | 'b_张伟')");
    expect(toTsQuery(queryTerms('张伟'), spec, () => false)).toBeUndefined();
  });
});

describe('highlight', () => {
  const all = () => true;
  it('marks the first field in rank order that holds the query', () => {
    const row = { name: '华东科技有限公司', phone: '021-6888-1234', notes: '华东区域大客户' };
    expect(highlightOf('华东', spec, all, row)).toMatchObject({ field: 'name', start: 0, end: 2, match: 'text' });
    expect(highlightOf('大客户', spec, all, row)).toMatchObject({
      field: 'notes',
      fragment: '华东区域大客户',
      start: 4,
    });
  });

  it('finds phone digits across separators, and names by pinyin', () => {
    const row = { name: '张伟', phone: '138-0013-8000' };
    const phone = highlightOf('00138000', spec, all, row)!;
    expect(phone).toMatchObject({ field: 'phone', match: 'digits' });
    expect(phone.fragment.slice(phone.start, phone.end)).toBe('0013-8000');
    expect(highlightOf('zw', spec, all, row)).toMatchObject({ field: 'name', fragment: '张伟', match: 'pinyin' });
  });

  it('never points at a field the reader may not read', () => {
    const row = { name: '张伟', notes: '打高尔夫' };
    expect(highlightOf('高尔夫', spec, (field) => field !== 'notes', row)).toBeUndefined();
  });
});
