import type { Knex } from 'knex';
import { companyTimeZone } from '../records/company-time-zone.js';
import { carryCounters, dropCounters, numberExistingRows, renameCounters } from '../records/sequences-repo.js';
import type { Step } from './plan.js';

type SequenceStep = Extract<Step, { kind: 'addSequence' | 'changeSequence' | 'renameSequence' | 'dropSequence' }>;

/** Applies a numbering step in the publish's transaction (sequences-repo.ts holds the SQL). */
export async function applySequenceStep(trx: Knex.Transaction, step: SequenceStep): Promise<void> {
  switch (step.kind) {
    case 'addSequence':
      await numberExistingRows(trx, step, companyTimeZone());
      return;
    case 'changeSequence':
      return carryCounters(trx, step, new Date(), companyTimeZone());
    case 'renameSequence':
      return renameCounters(trx, step.from, step);
    case 'dropSequence':
      return dropCounters(trx, step);
  }
}
