import { useState } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import { Select } from '../ui/controls';
import { FormulaInput } from '../rules/FormulaInput';
import type { RuleField } from '../rules/rule-fields';
import { PARAM_MESSAGES } from './param-messages';
import { withValue, type ParamOption } from './param-options';

/**
 * A map of field → formula (updateRecord's and createRecords' `set`) as rows: the field chosen by title among
 * those the action writes, its formula typed with completion over the fields it reads. Rows without a field
 * are kept here until they get one.
 */
export function FieldFormulaRows({
  label,
  value,
  targets,
  reads,
  hint,
  onChange,
}: {
  label: string;
  value: unknown;
  /** The fields a row may set, by title. */
  targets: ParamOption[];
  /** The fields its formulas read (for completion). */
  reads: RuleField[];
  hint?: string;
  onChange(next: Record<string, string> | undefined): void;
}) {
  const t = useMessages(PARAM_MESSAGES);
  const initial = value && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
  const [rows, setRows] = useState<[string, string][]>(() => initial.map(([k, v]) => [k, String(v ?? '')]));
  const update = (next: [string, string][]) => {
    setRows(next);
    const named = next.filter(([key]) => key !== '');
    onChange(named.length ? Object.fromEntries(named) : undefined);
  };
  return (
    <fieldset className="control map-param">
      <legend className="control-label">{label}</legend>
      {hint && <span className="control-hint">{hint}</span>}
      {rows.map(([key, text], i) => (
        <div className="map-param-row" key={i} data-set-row={i + 1}>
          <Select
            label={`${label} · ${t.setField(i + 1)}`}
            value={key}
            onChange={(next) => update(rows.map((row, j) => (j === i ? [next, row[1]] : row)))}
            options={[
              { value: '', label: t.none },
              ...withValue(
                targets.filter((o) => o.value === key || !rows.some(([k]) => k === o.value)),
                key,
              ),
            ]}
          />
          <FormulaInput
            label={`${label} · ${t.setFormula(i + 1)}`}
            value={text}
            fields={reads}
            issues={[]}
            onChange={(next) => update(rows.map((row, j) => (j === i ? [row[0], next] : row)))}
          />
          <button type="button" className="link-button" onClick={() => update(rows.filter((_, j) => j !== i))}>
            {t.setRemove(i + 1)}
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => update([...rows, ['', '']])}>
        {label} · {t.setAdd}
      </button>
    </fieldset>
  );
}
