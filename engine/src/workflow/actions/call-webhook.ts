import type { ActionSpec } from './types.js';

type Params = { url: string; event?: string };

/** Queues a POST to a URL naming the event (the sent event unless `event` overrides it), delivered through the outbox. */
export const callWebhook: ActionSpec<Params> = {
  name: 'callWebhook',
  phase: 'outbox',
  params: {
    type: 'object',
    required: ['url'],
    properties: {
      url: { type: 'string', format: 'uri', pattern: '^https?://' },
      event: { type: 'string', minLength: 1 },
    },
    additionalProperties: false,
  },
  plan(ctx, { url, event }) {
    return { kind: 'callWebhook', phase: 'outbox', url, event: event ?? ctx.event };
  },
};
