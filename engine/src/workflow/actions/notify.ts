import type { ActionSpec } from './types.js';

type Params = { to: string; subject?: string; body?: string };

/** Queues a message to the owner, the owner's manager, the actor or an email address (delivered through the outbox). */
export const notify: ActionSpec<Params> = {
  name: 'notify',
  phase: 'outbox',
  params: {
    type: 'object',
    required: ['to'],
    properties: {
      to: { anyOf: [{ enum: ['owner', 'owner.manager', 'actor'] }, { type: 'string', format: 'email' }] },
      subject: { type: 'string', maxLength: 200 },
      body: { type: 'string', maxLength: 10000 },
    },
    additionalProperties: false,
  },
  plan(ctx, { to, subject, body }) {
    return { kind: 'notify', phase: 'outbox', to, subject: subject ?? ctx.event, body: body ?? '' };
  },
};
