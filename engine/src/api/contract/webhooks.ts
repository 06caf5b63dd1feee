import { json, problems } from '../openapi/common.js';
import { CHANGE_EVENTS } from '../../webhooks/event-kinds.js';
import { contract, object, text, uuid } from './spec.js';

// Listed with the other administrators' routes (openapi/identity-paths.ts ADMIN_PATHS).
const tags = ['admin'];
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type as string, 'null'] });
const id = { id: { schema: uuid, description: 'The subscription id.' } };
const noSubscription = { en: 'no such webhook subscription', zh: '没有这个 Webhook 订阅' };

const fields = {
  name: text({ minLength: 1, maxLength: 100, 'x-notBlank': true, description: 'What the endpoint is (ERP 同步).' }),
  url: text({
    minLength: 1,
    maxLength: 2000,
    description:
      'Where events are POSTed: a full http:// or https:// address (checked by the route, which says so in both languages); only a 2xx answer counts as delivered.',
  }),
  entities: {
    type: 'array',
    items: text({ pattern: '^[a-z][a-zA-Z0-9]{0,47}$' }),
    minItems: 1,
    maxItems: 100,
    description: 'Entity ids of the published model whose records are watched.',
  },
  events: {
    type: 'array',
    items: { type: 'string', enum: [...CHANGE_EVENTS] },
    minItems: 1,
    uniqueItems: true,
    description:
      '`created`, `updated` (with the changed fields), `deleted`, `stateChanged` (a workflow transition; without it, a transition that changed fields is sent as `updated`).',
  },
  active: { type: 'boolean', description: 'A paused subscription captures no new changes; queued ones still go out.' },
};

export const WEBHOOK_SUBSCRIPTION = object(
  {
    id: uuid,
    ...fields,
    secretHint: text({
      description: 'The secret is shown once, at creation; this is its prefix and last four characters.',
    }),
    createdBy: nullable(uuid),
    createdAt: dateTime,
    updatedAt: dateTime,
  },
  ['id', 'name', 'url', 'entities', 'events', 'active', 'secretHint', 'createdBy', 'createdAt', 'updatedAt'],
  { additionalProperties: false },
);

const secret = text({
  pattern: '^whsec_',
  description:
    'The signing secret, shown this once: each delivery carries `X-Lodestar-Signature: sha256=<hex HMAC-SHA256 of "<X-Lodestar-Timestamp>.<raw body>">`.',
});

const attempt = object(
  {
    attempt: { type: 'integer', minimum: 1 },
    at: dateTime,
    statusCode: { type: ['integer', 'null'], description: "The receiver's HTTP status; null without an answer." },
    error: { type: ['string', 'null'] },
    durationMs: { type: 'integer', minimum: 0 },
  },
  ['attempt', 'at', 'statusCode', 'error', 'durationMs'],
  { additionalProperties: false },
);

export const WEBHOOK_DELIVERY = object(
  {
    id: text({ pattern: '^[1-9][0-9]{0,17}$', description: 'The delivery id (`X-Lodestar-Delivery`).' }),
    eventId: text({ description: "The change id (`X-Lodestar-Event`, the body's `id`): receivers dedupe on it." }),
    type: text({ description: '`<entity>.<event>`, e.g. `customer.updated`.' }),
    entity: text(),
    recordId: uuid,
    status: { type: 'string', enum: ['pending', 'sent', 'failed'] },
    attempts: { type: 'integer', minimum: 0 },
    lastError: { type: ['string', 'null'] },
    createdAt: dateTime,
    sentAt: nullable(dateTime),
    nextAttemptAt: nullable(dateTime),
    body: { type: 'object', description: 'The event as delivered (see the `webhooks` section).' },
    log: { type: 'array', items: attempt, description: 'Every attempt, oldest first.' },
  },
  [
    'id',
    'eventId',
    'type',
    'entity',
    'recordId',
    'status',
    'attempts',
    'lastError',
    'createdAt',
    'sentAt',
    'nextAttemptAt',
    'body',
    'log',
  ],
  { additionalProperties: false },
);

/** `/admin/webhooks/*`: change webhooks for ERP sync, their delivery log and manual retry (administrators only). */
export const WEBHOOKS = contract('/admin/webhooks', {
  listWebhooks: {
    method: 'get',
    path: '/',
    operationId: 'listWebhooks',
    tags,
    summary: 'Every change webhook subscription, oldest first',
    responses: {
      200: json(
        '',
        object({ data: { type: 'array', items: WEBHOOK_SUBSCRIPTION } }, ['data'], { additionalProperties: false }),
      ),
      ...problems(),
    },
  },
  createWebhook: {
    method: 'post',
    path: '/',
    operationId: 'createWebhook',
    tags,
    summary: 'Subscribe an endpoint to record changes; the answer shows its signing secret, once',
    description:
      'The first active subscription starts capturing changes, which waits at most 3 s for writes in flight; during a long bulk write (an import) that is 409, to be tried again (so is any change of a subscription that cannot get its locks in 3 s).',
    body: object({ ...fields }, ['name', 'url', 'entities', 'events'], { additionalProperties: false }),
    responses: {
      201: json(
        'Created; keep the secret now, it is not shown again.',
        object({ subscription: WEBHOOK_SUBSCRIPTION, secret }, ['subscription', 'secret'], {
          additionalProperties: false,
        }),
      ),
      ...problems(409, 422),
    },
  },
  readWebhook: {
    method: 'get',
    path: '/:id',
    operationId: 'readWebhook',
    tags,
    summary: 'One subscription',
    params: id,
    notFound: noSubscription,
    responses: { 200: json('', WEBHOOK_SUBSCRIPTION), ...problems(404) },
  },
  updateWebhook: {
    method: 'patch',
    path: '/:id',
    operationId: 'updateWebhook',
    tags,
    summary: 'Change a subscription: its name, URL, entities, events, or pause and resume it',
    params: id,
    notFound: noSubscription,
    body: object({ ...fields }, [], { additionalProperties: false, minProperties: 1 }),
    responses: { 200: json('Changed.', WEBHOOK_SUBSCRIPTION), ...problems(404, 409, 422) },
  },
  deleteWebhook: {
    method: 'delete',
    path: '/:id',
    operationId: 'deleteWebhook',
    tags,
    summary: 'Delete a subscription with its queued deliveries and their log',
    params: id,
    notFound: noSubscription,
    responses: { 204: { description: 'Deleted.' }, ...problems(404, 409) },
  },
  rotateWebhookSecret: {
    method: 'post',
    path: '/:id/secret',
    operationId: 'rotateWebhookSecret',
    tags,
    summary: 'Replace the signing secret; the new one is shown once and signs queued events too',
    params: id,
    notFound: noSubscription,
    responses: {
      200: json('Replaced.', object({ secret }, ['secret'], { additionalProperties: false })),
      ...problems(404, 409),
    },
  },
  listWebhookDeliveries: {
    method: 'get',
    path: '/:id/deliveries',
    operationId: 'listWebhookDeliveries',
    tags,
    summary: "A subscription's deliveries, newest first, each with its attempts",
    params: id,
    notFound: noSubscription,
    query: {
      type: 'object',
      properties: {
        limit: { type: 'integer', minimum: 1, maximum: 200, description: 'At most this many (default 50).' },
        cursor: text({ pattern: '^[1-9][0-9]{0,17}$', description: 'The `nextCursor` of the previous page.' }),
      },
      additionalProperties: false,
    },
    responses: {
      200: json(
        '',
        object(
          { data: { type: 'array', items: WEBHOOK_DELIVERY }, nextCursor: { type: ['string', 'null'] } },
          ['data', 'nextCursor'],
          { additionalProperties: false },
        ),
      ),
      ...problems(400, 404),
    },
  },
  retryWebhookDelivery: {
    method: 'post',
    path: '/:id/deliveries/:delivery/retry',
    operationId: 'retryWebhookDelivery',
    tags,
    summary: 'Send a delivery again now, with a fresh count of attempts (a pending one is left as it is)',
    params: {
      ...id,
      delivery: { schema: text({ pattern: '^[1-9][0-9]{0,17}$' }), description: 'The delivery id.' },
    },
    notFound: { en: 'no such delivery', zh: '没有这次投递' },
    responses: { 200: json('Queued.', WEBHOOK_DELIVERY), ...problems(404) },
  },
});
