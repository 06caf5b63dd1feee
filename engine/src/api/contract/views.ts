import { json, problems, ref } from '../openapi/common.js';
import { contract, object, text, uuid } from './spec.js';

export const MAX_VIEW_NAME_LENGTH = 100;
/** The query is the UI's own state, stored as given: bounded so a view cannot become a document store. */
export const MAX_VIEW_QUERY_BYTES = 16 * 1024;

const tags = ['system'];
const entity = { entity: { schema: text(), description: 'An entity id the caller may read.' } };
const VIEW = ref('SavedView');

/** A saved view as the caller sends it: a name (trimmed when stored) and the list query the UI replays. */
export const VIEW_BODY = object(
  {
    name: text({ minLength: 1, maxLength: MAX_VIEW_NAME_LENGTH, 'x-notBlank': true }),
    query: {
      type: 'object',
      'x-maxJsonBytes': MAX_VIEW_QUERY_BYTES,
      description: 'Filters, sort, columns…: at most 16 KB as JSON.',
    },
  },
  ['name', 'query'],
  { additionalProperties: false },
);

/** `/views/*`: each user's own named list queries per entity. */
export const VIEWS = contract('/views', {
  list: {
    method: 'get',
    path: '/:entity',
    operationId: 'savedViewsList',
    tags,
    summary: "The caller's saved list views of an entity, by name",
    params: entity,
    responses: { 200: json('Views.', object({ data: { type: 'array', items: VIEW } }, ['data'])), ...problems(404) },
  },
  save: {
    method: 'post',
    path: '/:entity',
    operationId: 'savedViewsSave',
    tags,
    summary: 'Save a list view; a name the caller already uses for the entity replaces its query',
    params: entity,
    body: VIEW_BODY,
    responses: { 200: json('Replaced.', VIEW), 201: json('Created.', VIEW), ...problems(404, 422) },
  },
  remove: {
    method: 'delete',
    path: '/:entity/:id',
    operationId: 'savedViewsDelete',
    tags,
    summary: "Delete one of the caller's views",
    params: { ...entity, id: { schema: uuid, description: 'The view id.' } },
    notFound: { en: 'you have no such view', zh: '您没有这个视图' },
    responses: { 204: { description: 'Deleted.' }, ...problems(404) },
  },
});
