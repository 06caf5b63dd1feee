import { json, problems, ref } from '../openapi/common.js';
import { contract, object, text } from './spec.js';

/** The most notifications one page holds. */
export const MAX_NOTIFICATION_PAGE = 100;

const tags = ['system'];
const id = {
  id: {
    schema: { type: 'string', pattern: '^[1-9][0-9]{0,17}$' },
    description: 'The notification id.',
  },
};
const NOT_YOURS = { en: 'you have no such notification', zh: '您没有这条通知' };

/** `/me/notifications`: the caller's own in-app inbox; nobody reads or marks another's. */
export const NOTIFICATIONS = contract('/me/notifications', {
  list: {
    method: 'get',
    path: '/',
    operationId: 'notificationsList',
    tags,
    summary: "The caller's notifications, unread first or newest first, with the unread count",
    query: {
      additionalProperties: false,
      properties: {
        order: {
          type: 'string',
          enum: ['unread', 'newest'],
          default: 'unread',
          description: '`unread`: unread ones first (each part newest first); `newest`: by time only.',
        },
        limit: { type: 'integer', minimum: 1, maximum: MAX_NOTIFICATION_PAGE, default: 20 },
        cursor: text({ maxLength: 200, description: 'The `next` of the previous page.' }),
      },
    },
    responses: { 200: json('A page, and how many are unread in all.', ref('NotificationPage')), ...problems(400) },
  },
  stream: {
    method: 'get',
    path: '/stream',
    operationId: 'notificationsStream',
    tags,
    summary: "The caller's inbox as server-sent events: the unread count and new notifications as they arrive",
    description:
      'An `inbox` event at once and whenever a notification reaches the caller or one is marked read (in any ' +
      'engine process): `{ unread, items, approvals }`, `items` being the notifications newer than the ' +
      "`Last-Event-ID` header (newest first, at most 20), `approvals` those about a record awaiting the caller's " +
      'decision. Without the header the stream starts from now. A comment line every 25 s; an `end` event ' +
      'before the stream closes because the token stopped holding. Send the bearer token in `Authorization` ' +
      '(read the stream with fetch); at most 5 streams per user and process.',
    responses: {
      200: { description: 'The event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
      ...problems(400),
      429: { description: 'The caller already holds the most streams allowed.' },
    },
  },
  readAll: {
    method: 'post',
    path: '/read',
    operationId: 'notificationsReadAll',
    tags,
    summary: "Mark all of the caller's notifications read",
    responses: { 200: json('How many were marked.', ref('NotificationsMarked')) },
  },
  language: {
    method: 'put',
    path: '/language',
    operationId: 'notificationsLanguage',
    tags,
    summary: "Set the language the caller's notification mails are written in (the runtime UI sends its own)",
    body: object({ lang: { type: 'string', enum: ['zh', 'en'] } }, ['lang'], { additionalProperties: false }),
    responses: { 204: { description: 'Remembered.' }, ...problems(422) },
  },
  readOne: {
    method: 'post',
    path: '/:id/read',
    operationId: 'notificationsRead',
    tags,
    summary: "Mark one of the caller's notifications read (again: no change)",
    params: id,
    notFound: NOT_YOURS,
    responses: { 200: json('Marked.', ref('NotificationsMarked')), ...problems(404) },
  },
});
