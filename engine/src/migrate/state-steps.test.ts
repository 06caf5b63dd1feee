import { describe, expect, it } from 'vitest';
import { classifyStep } from './classify.js';
import { describeStep } from './describe-step.js';
import type { Safety, StepDraft } from './plan.js';
import { stateCondition } from './state-sql.js';

const at = { workflow: 'sales', table: 'deal' };
const move = (rows: number | undefined, to?: string): StepDraft => ({
  kind: 'moveState',
  ...at,
  state: 'onHold',
  initial: 'lead',
  ...(to !== undefined && { to }),
  ...(rows !== undefined && { rows }),
});
const rename = (rows?: number): StepDraft => ({
  kind: 'renameState',
  ...at,
  from: 'qualified',
  to: 'vetted',
  ...(rows !== undefined && { rows }),
});

describe('state steps', () => {
  it.each<[string, StepDraft, Safety, string, string]>([
    ['rename', rename(4), 'safe', 'keeps every record', 'rename state sales.qualified → vetted (4 records of deal)'],
    ['rename, uncounted', rename(), 'safe', 'keeps every record', 'rename state sales.qualified → vetted'],
    [
      'unmapped with records',
      move(3),
      'destructive',
      '3 records are in state onHold, which the new version removes; map them to a state (confirmed without a mapping, they move to the initial state lead)',
      'remove state sales.onHold (3 records in it, not mapped)',
    ],
    [
      'unmapped, one record',
      move(1),
      'destructive',
      '1 record is in state onHold',
      'remove state sales.onHold (1 record in it, not mapped)',
    ],
    [
      'unmapped, uncounted',
      move(undefined),
      'destructive',
      'records (not counted yet) are in state onHold',
      'remove state sales.onHold',
    ],
    ['unmapped, empty', move(0), 'safe', 'no record is in state onHold', 'remove state sales.onHold (no records)'],
    [
      'mapped',
      move(3, 'won'),
      'safe',
      '3 records move to won as mapped',
      'move 3 records of deal from removed state sales.onHold → won',
    ],
    ['mapped, empty', move(0, 'won'), 'safe', 'no record is in state onHold', 'remove state sales.onHold (no records)'],
  ])('%s', (_name, draft, safety, reason, line) => {
    const step = classifyStep(draft);
    expect(step.safety).toBe(safety);
    expect(step.reason).toContain(reason);
    expect(describeStep(step)).toBe(line);
  });

  it('selects the records of the workflow by state and record type', () => {
    expect(stateCondition('a')).toEqual(['state = ?', ['a']]);
    expect(stateCondition('a', { recordTypes: ['x'] })).toEqual([
      'state = ? AND record_type = ANY(?::text[])',
      ['a', ['x']],
    ]);
    expect(stateCondition('a', { exceptRecordTypes: ['y'] })[0]).toBe(
      'state = ? AND (record_type IS NULL OR NOT (record_type = ANY(?::text[])))',
    );
  });
});
