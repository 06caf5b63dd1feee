import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { LodestarError } from '../errors.js';
import { compileModel } from '../model/compile-model.js';
import { toReportTarget } from './target.js';

const deal: EntityDefinition = {
  $id: 'deal',
  title: 'Deal',
  type: 'object',
  'x-entity': { titleField: 'name', recordTypes: { small: { title: 'Small' }, big: { title: 'Big' } } },
  properties: {
    name: { type: 'string' },
    amount: { type: 'number', 'x-currency': 'EUR' },
    closeDate: { type: 'string', format: 'date' },
    closedAt: { type: 'string', format: 'date-time' },
  },
  required: ['name'],
} as EntityDefinition;

const flow = (meta: Partial<WorkflowDefinition['meta']>): WorkflowDefinition => ({
  id: 'deal-flow',
  initial: 'open',
  meta: { entity: 'deal', ...meta },
  states: { open: { on: { WIN: 'won' } }, won: { type: 'final', meta: { outcome: 'won' } } },
});

const modelWith = (workflow: WorkflowDefinition) =>
  compileModel({ entities: [deal], workflows: [workflow] }, 1, 'test');

describe('toReportTarget', () => {
  it('resolves table, record types, amount and close-date columns and stages from the model', () => {
    const target = toReportTarget(modelWith(flow({ amountField: 'amount', closeDateField: 'closeDate' })), 'deal-flow');
    expect(target).toMatchObject({
      workflow: 'deal-flow',
      entity: 'deal',
      table: 'deal',
      recordTypes: ['small', 'big'],
      amountField: 'amount',
      closeDate: { field: 'closeDate', kind: 'date' },
    });
    expect(target.stages.map((s) => s.state)).toEqual(['open', 'won']);
  });

  it('takes a date-time close field, and ignores fields that are missing or of the wrong kind', () => {
    expect(toReportTarget(modelWith(flow({ closeDateField: 'closedAt' })), 'deal-flow').closeDate).toEqual({
      field: 'closedAt',
      kind: 'dateTime',
    });
    const wrong = toReportTarget(modelWith(flow({ amountField: 'name', closeDateField: 'nope' })), 'deal-flow');
    expect(wrong.amountField).toBeUndefined();
    expect(wrong.closeDate).toBeUndefined();
    expect(toReportTarget(modelWith(flow({})), 'deal-flow').amountField).toBeUndefined();
  });

  it('is a 404 for an unknown workflow', () => {
    expect(() => toReportTarget(modelWith(flow({})), 'other')).toThrow(LodestarError);
    try {
      toReportTarget(modelWith(flow({})), 'other');
    } catch (error) {
      expect((error as LodestarError).status).toBe(404);
    }
  });
});
