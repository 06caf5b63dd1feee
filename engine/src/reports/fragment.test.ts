import { describe, expect, it } from 'vitest';
import { EMPTY, ident, joinSql, sql } from './fragment.js';

describe('sql fragments', () => {
  it('binds values and inlines fragments, keeping binding order', () => {
    const inner = sql`b = ${2}`;
    const query = sql`select * from ${ident('deal')} where a = ${'x'} and ${inner} and c = ${null}${EMPTY} and d = ${true}`;
    expect(query.sql).toBe('select * from "deal" where a = ? and b = ? and c = ? and d = ?');
    expect(query.bindings).toEqual(['x', 2, null, true]);
  });

  it('joins fragments', () => {
    const joined = joinSql([sql`(${1})`, sql`(${2})`, sql`(${3})`], ', ');
    expect(joined).toMatchObject({ sql: '(?), (?), (?)', bindings: [1, 2, 3] });
    expect(sql`values ${joined}`).toMatchObject({ sql: 'values (?), (?), (?)', bindings: [1, 2, 3] });
  });

  it('never puts a value into the text, and refuses arrays, objects and unsafe identifiers', () => {
    const evil = "x'; drop table deal; --";
    expect(sql`a = ${evil}`).toMatchObject({ sql: 'a = ?', bindings: [evil] });
    // A look-alike object is not a fragment: only sql``, ident() and joinSql() make those.
    expect(() => sql`a = ${{ sql: 'injected', bindings: [] }}`).toThrow(/object/);
    expect(() => sql`a in (${['a', 'b']})`).toThrow(/array/);
    expect(() => ident('bad"name')).toThrow(/unsafe identifier/);
  });
});
