import type { EntityDefinition } from '@lodestar/core';
import { describe, expect, it } from 'vitest';
import { formFormulas } from './formulaValues';
import { withFormulasOverLines } from './formulasOverLines';

const quote = {
  $id: 'quote',
  type: 'object',
  'x-entity': { titleField: 'number' },
  properties: {
    number: { type: 'string' },
    discount: { type: 'number' },
    subtotal: {
      type: 'number',
      'x-currency': 'CNY',
      'x-rollup': { from: 'quoteLine', via: 'quote', op: 'sum', field: 'amount' },
    },
    total: { type: 'number', 'x-currency': 'CNY', 'x-formula': 'ROUND(subtotal * (1 - discount), 2)' },
  },
} as unknown as EntityDefinition;

describe('formulas over the roll-ups of lines being typed', () => {
  const formulas = formFormulas(quote, () => undefined);
  const fields = ['number', 'discount', 'subtotal', 'total'];
  const now = new Date('2026-12-07T08:00:00Z');

  it('computes a new quote’s total from the live subtotal of its lines, not from the empty record', () => {
    const shown = withFormulasOverLines(
      formulas,
      { discount: 0.15 },
      { subtotal: 342662.72 },
      undefined,
      new Map(),
      fields,
      now,
    );
    expect(shown.total).toBe(291263.31);
    // The roll-up itself is left to the grid's totals (withLiveRollups): only the formula is added.
    expect(shown).not.toHaveProperty('subtotal');
  });

  it('follows a changed line on a stored quote instead of its stored subtotal', () => {
    const stored = { id: 'q1', subtotal: 100, total: 80, discount: 0.2 } as never;
    const shown = withFormulasOverLines(
      formulas,
      { discount: 0.2, subtotal: 100 },
      { subtotal: 150 },
      stored,
      new Map(),
      fields,
      now,
    );
    expect(shown.total).toBe(120);
  });

  it('reads the form’s own subtotal when the record has no line items', () => {
    const shown = withFormulasOverLines(
      formulas,
      { discount: 0.5, subtotal: 10 },
      {},
      undefined,
      new Map(),
      fields,
      now,
    );
    expect(shown.total).toBe(5);
  });
});
