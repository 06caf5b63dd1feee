import { describe, expect, it } from 'vitest';
import { LodestarError } from '../errors.js';
import { MAX_QUERY_BYTES, parseViewBody } from './view-body.js';

function issuesOf(body: unknown) {
  try {
    parseViewBody(body);
  } catch (error) {
    expect((error as LodestarError).status).toBe(422);
    return (error as LodestarError).issues?.map(({ pointer, keyword }) => ({ pointer, keyword }));
  }
  throw new Error('expected a ValidationError');
}

describe('parseViewBody', () => {
  it('takes a trimmed name and the query as given', () => {
    expect(
      parseViewBody({ name: '  华东客户 ', query: { filter: { region: 'eastChina' }, sort: '-created_at' } }),
    ).toEqual({
      name: '华东客户',
      query: { filter: { region: 'eastChina' }, sort: '-created_at' },
    });
  });

  it('accepts a name of 100 characters and a query of exactly 16 KB', () => {
    const query = { t: 'x'.repeat(MAX_QUERY_BYTES - '{"t":""}'.length) };
    expect(parseViewBody({ name: 'n'.repeat(100), query }).name).toHaveLength(100);
  });

  it.each([
    [null, [{ pointer: '', keyword: 'type' }]],
    [
      {},
      [
        { pointer: '/name', keyword: 'required' },
        { pointer: '/query', keyword: 'required' },
      ],
    ],
    [{ name: '   ', query: {} }, [{ pointer: '/name', keyword: 'minLength' }]],
    [{ name: 'n'.repeat(101), query: {} }, [{ pointer: '/name', keyword: 'maxLength' }]],
    [{ name: ['a'], query: {} }, [{ pointer: '/name', keyword: 'type' }]],
    [{ name: 'a', query: 'q=1' }, [{ pointer: '/query', keyword: 'type' }]],
    [{ name: 'a', query: null }, [{ pointer: '/query', keyword: 'type' }]],
    [{ name: 'a', query: { t: 'x'.repeat(MAX_QUERY_BYTES) } }, [{ pointer: '/query', keyword: 'maxSize' }]],
    [{ name: 'a', query: {}, 'a/b': 1 }, [{ pointer: '/a~1b', keyword: 'additionalProperties' }]],
  ])('refuses %j', (body, issues) => {
    expect(issuesOf(body)).toEqual(issues);
  });

  it('counts bytes, not characters', () => {
    expect(issuesOf({ name: 'a', query: { t: '汉'.repeat(6000) } })).toEqual([
      { pointer: '/query', keyword: 'maxSize' },
    ]);
  });
});
