import type { ActionSpec } from './types.js';

type Params = { userId: string } | { roundRobinRole: string } | { to: 'actor' | 'nobody' };

/**
 * Makes a named user the record's owner, the next user of a role in turn (the shell keeps the rotation), the
 * event's sender (a salesperson claiming a customer from a pool), or nobody (the record goes back to the pool).
 */
export const assignOwner: ActionSpec<Params> = {
  name: 'assignOwner',
  phase: 'inTransaction',
  params: {
    oneOf: [
      {
        type: 'object',
        required: ['userId'],
        properties: { userId: { type: 'string', format: 'uuid' } },
        additionalProperties: false,
      },
      {
        type: 'object',
        required: ['roundRobinRole'],
        properties: { roundRobinRole: { type: 'string', minLength: 1 } },
        additionalProperties: false,
      },
      {
        type: 'object',
        required: ['to'],
        properties: { to: { enum: ['actor', 'nobody'] } },
        additionalProperties: false,
      },
    ],
  },
  plan(ctx, params) {
    if ('to' in params)
      return params.to === 'actor'
        ? { kind: 'assignOwner', phase: 'inTransaction', userId: ctx.actor.id }
        : { kind: 'assignOwner', phase: 'inTransaction', nobody: true };
    return 'userId' in params
      ? { kind: 'assignOwner', phase: 'inTransaction', userId: params.userId }
      : { kind: 'assignOwner', phase: 'inTransaction', roundRobinRole: params.roundRobinRole };
  },
};
