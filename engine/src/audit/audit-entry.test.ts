import { describe, expect, it } from 'vitest';
import { changedFields, toAuditActor } from './audit-entry.js';

describe('changedFields', () => {
  it('lists only the named fields whose values differ, as [before, after]', () => {
    const before = { name: 'Acme', amount: 10, owner_id: 'a', untouched: 'x', ignored: 1 };
    const after = { name: 'Acme Ltd', amount: 10, owner_id: 'b', untouched: 'x', ignored: 2 };
    expect(changedFields(before, after, ['name', 'amount', 'owner_id', 'untouched'])).toEqual({
      name: ['Acme', 'Acme Ltd'],
      owner_id: ['a', 'b'],
    });
  });

  it('compares Dates by instant and returns them as ISO text', () => {
    const at = '2026-03-02T01:30:00.000Z';
    expect(changedFields({ due: new Date(at) }, { due: at }, ['due'])).toEqual({});
    expect(changedFields({ due: new Date(at) }, { due: new Date('2026-03-03T00:00:00Z') }, ['due'])).toEqual({
      due: [at, '2026-03-03T00:00:00.000Z'],
    });
  });

  it('compares arrays and objects by value, objects whatever their key order', () => {
    expect(
      changedFields(
        { tags: ['a', 'b'], address: { city: 'Hangzhou', zip: '310000' } },
        { tags: ['a', 'b'], address: { zip: '310000', city: 'Hangzhou' } },
        ['tags', 'address'],
      ),
    ).toEqual({});
    expect(changedFields({ tags: ['a', 'b'] }, { tags: ['b', 'a'] }, ['tags'])).toEqual({
      tags: [
        ['a', 'b'],
        ['b', 'a'],
      ],
    });
  });

  it('treats undefined, missing and null alike, and a missing record as all nulls', () => {
    expect(changedFields({ a: undefined }, { a: null }, ['a', 'b'])).toEqual({});
    expect(changedFields(null, { name: 'New', empty: null }, ['name', 'empty'])).toEqual({ name: [null, 'New'] });
    expect(changedFields({ name: 'Gone' }, undefined, ['name'])).toEqual({ name: ['Gone', null] });
  });

  it('tells numbers from their text', () => {
    expect(changedFields({ n: 1 }, { n: '1' }, ['n'])).toEqual({ n: [1, '1'] });
  });
});

describe('toAuditActor', () => {
  it('keeps user ids and stores the engine (system, anonymous, nothing) as null', () => {
    const id = '0a000000-0000-4000-8000-00000000000a';
    expect([toAuditActor(id), toAuditActor('system'), toAuditActor(null), toAuditActor(undefined)]).toEqual([
      id,
      null,
      null,
      null,
    ]);
  });
});
