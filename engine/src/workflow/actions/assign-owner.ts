import type { ActionSpec } from './types.js';

type Params = { userId: string } | { roundRobinRole: string };

/** Makes a named user the record's owner, or the next user of a role in turn (the shell keeps the rotation). */
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
    ],
  },
  plan(_ctx, params) {
    return 'userId' in params
      ? { kind: 'assignOwner', phase: 'inTransaction', userId: params.userId }
      : { kind: 'assignOwner', phase: 'inTransaction', roundRobinRole: params.roundRobinRole };
  },
};
