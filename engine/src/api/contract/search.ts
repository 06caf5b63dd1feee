import { json, problems, ref } from '../openapi/common.js';
import { contract, text } from './spec.js';

/** `/search`: records of every entity the caller may read, found by their searched fields. */
export const SEARCH = contract('/search', {
  search: {
    method: 'get',
    path: '/',
    operationId: 'search',
    tags: ['records'],
    summary: 'Global search: records matching `q` in the fields each entity searches, grouped by entity',
    query: {
      additionalProperties: false,
      required: ['q'],
      properties: {
        q: text({
          minLength: 1,
          maxLength: 200,
          description: 'Words, Chinese terms (two characters or more match exactly), pinyin initials or digits.',
        }),
        limit: { type: 'integer', minimum: 1, maximum: 50, description: 'Hits per entity (default 5).' },
      },
    },
    responses: {
      200: json(
        'Groups in the order of their best hit; hits best first, each with its matched fragment.',
        ref('SearchAnswer'),
      ),
      ...problems(400),
    },
  },
});
