import type { RecordJson } from '../../model/types';
import { withFormulaValues, type FormFormula } from './formulaValues';
import type { FormData } from './values';

/**
 * The form's formulas computed over the live roll-ups of its line items. A quote's total reads its
 * subtotal, a roll-up of lines still being typed, so that roll-up is taken from the grid rather than
 * from the stored record (or, for a new record, from nothing). Only the formulas' values are added to
 * `data`; the grid's roll-ups themselves are shown by `withLiveRollups`.
 */
export function withFormulasOverLines(
  formulas: FormFormula[],
  data: FormData,
  lineRollups: Record<string, unknown>,
  stored: RecordJson | undefined,
  relatedRecords: ReadonlyMap<string, RecordJson>,
  formFields: readonly string[],
  now: Date,
): FormData {
  if (!formulas.length) return data;
  const rollupNames = Object.keys(lineRollups);
  const computed = withFormulaValues(
    formulas,
    { ...data, ...lineRollups },
    stored,
    relatedRecords,
    [...formFields, ...rollupNames],
    now,
  );
  const out: FormData = { ...data };
  for (const formula of formulas) out[formula.name] = computed[formula.name];
  return out;
}
