import { json, problems, ref } from '../openapi/common.js';
import { contract, object, text, uuid } from './spec.js';

export const MAX_VIEW_NAME_LENGTH = 100;
/** The query is the UI's own state, stored as given: bounded so a view cannot become a document store. */
export const MAX_VIEW_QUERY_BYTES = 16 * 1024;

const tags = ['system'];
const entity = { entity: { schema: text(), description: 'An entity id the caller may read.' } };
const VIEW = ref('SavedView');

/** Whom to share a view with: an org unit (its members and the units below it) and/or a role; `{}` unshares. */
export const VIEW_SHARING_BODY = object(
  {
    unitId: { ...uuid, description: 'An org unit id.' },
    role: text({ description: 'A role of the published model.' }),
  },
  [],
  { additionalProperties: false },
);

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

/** `/views/*`: each user's own named list queries per entity, and those shared with their team or roles. */
export const VIEWS = contract('/views', {
  list: {
    method: 'get',
    path: '/:entity',
    operationId: 'savedViewsList',
    tags,
    summary:
      "The caller's saved list views of an entity by name, then those shared with the caller's org unit (or one above it) or roles",
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
  share: {
    method: 'put',
    path: '/:entity/:id/sharing',
    operationId: 'savedViewsShare',
    tags,
    summary: 'Share a view with an org unit or a role (its owner, or an administrator); `{}` unshares',
    params: { ...entity, id: { schema: uuid, description: 'The view id.' } },
    body: VIEW_SHARING_BODY,
    notFound: { en: 'you have no such view', zh: '您没有这个视图' },
    responses: { 200: json('Shared.', VIEW), ...problems(404, 422) },
  },
  remove: {
    method: 'delete',
    path: '/:entity/:id',
    operationId: 'savedViewsDelete',
    tags,
    summary: "Delete one of the caller's views (an administrator: anyone's)",
    params: { ...entity, id: { schema: uuid, description: 'The view id.' } },
    notFound: { en: 'you have no such view', zh: '您没有这个视图' },
    responses: { 204: { description: 'Deleted.' }, ...problems(404) },
  },
});
