import { describe, expect, it } from 'vitest';
import { LodestarError } from '../errors.js';
import { decodeCursor, encodeCursor, toSortSignature } from './keyset.js';
import type { SortKey } from './types.js';

const ID = '0b9a0c4e-6f5e-4c4f-9a57-3c8f1f0b2a11';
const sort: SortKey[] = [
  { name: 'amount', desc: true, kind: 'money' },
  { name: 'closedAt', desc: false, kind: 'dateTime' },
  { name: 'title', desc: false, kind: 'text' },
  { name: 'closed', desc: false, kind: 'boolean' },
  { name: 'closeDate', desc: false, kind: 'date' },
  { name: 'id', desc: false, kind: 'uuid' },
];

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signature = toSortSignature(sort);

describe('keyset cursors', () => {
  it('names the sort with - for descending keys', () => {
    expect(signature).toBe('-amount,closedAt,title,closed,closeDate,id');
  });

  it.each([
    [[12.5, '2024-01-01 10:00:00.123456+00', 'Acme', true, '2024-02-29', ID]],
    [[null, null, null, null, null, ID]],
    [[0, '2024-01-01T10:00:00Z', '', false, '1999-12-31', ID]],
  ])('round-trips %j', (values) => {
    expect(decodeCursor(encodeCursor(sort, values), sort)).toEqual(values);
  });

  it.each([
    ['not base64url', 'abc$%^'],
    ['not JSON', Buffer.from('{"s":').toString('base64url')],
    ['a JSON array', raw([1, 2])],
    ['another sort', raw({ s: 'amount,id', v: [1, ID] })],
    ['too few values', raw({ s: signature, v: [1, ID] })],
    ['a string for a number', raw({ s: signature, v: ['1', null, null, null, null, ID] })],
    ['a number for text', raw({ s: signature, v: [1, null, 5, null, null, ID] })],
    ['a malformed timestamp', raw({ s: signature, v: [1, 'yesterday', null, null, null, ID] })],
    ['a malformed date', raw({ s: signature, v: [1, null, null, null, '2024-1-1', ID] })],
    ['a string for a boolean', raw({ s: signature, v: [1, null, null, 'true', null, ID] })],
    ['a null id', raw({ s: signature, v: [1, null, null, null, null, null] })],
    ['an id that is no uuid', raw({ s: signature, v: [1, null, null, null, null, "1' or '1'='1"] })],
    ['a huge cursor', 'A'.repeat(5000)],
  ])('rejects %s with a 400 on /query/cursor', (_case, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor, sort);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LodestarError);
    expect((error as LodestarError).status).toBe(400);
    expect((error as LodestarError).issues?.[0]).toMatchObject({ pointer: '/query/cursor', keyword: 'cursor' });
  });
});
