import { TEXT } from '../guard-facts-read.js';
import type { GuardSpec } from './types.js';

/** The params of `recordOwner`: who must own the record for the event to pass. */
export interface RecordOwnerParams {
  /** `nobody`: unowned (in a pool); `actor`: the event's sender; `someone`: any user. */
  is: 'nobody' | 'actor' | 'someone';
  message?: { en: string; zh: string };
}

const REASONS = {
  nobody: { en: 'this record has an owner already', zh: '该记录已有负责人' },
  actor: { en: 'only the owner of this record may do this', zh: '仅限该记录的负责人操作' },
  someone: { en: 'this record has no owner', zh: '该记录没有负责人' },
} as const;

/**
 * Passes when the record's owner is nobody, the event's sender, or anyone at all: a pool's claim wants an
 * unowned record, a hand-back its owner. Reads the stored record's `owner_id`, so it needs no fact.
 */
export const recordOwner: GuardSpec<RecordOwnerParams> = {
  name: 'recordOwner',
  params: {
    type: 'object',
    required: ['is'],
    properties: {
      is: { enum: ['nobody', 'actor', 'someone'] },
      message: TEXT,
    },
    additionalProperties: false,
  },
  evaluate(ctx, { is, message }) {
    const owner = ctx.record.owner_id ?? null;
    const passes = is === 'nobody' ? owner === null : is === 'actor' ? owner === ctx.actor.id : owner !== null;
    return passes ? true : { reason: message ?? REASONS[is] };
  },
};
