import { useRef, useState } from 'react';
import { EDITOR_MESSAGES } from './editor-messages';
import { hasOption, type ChoiceValue } from './field-model';
import { optionValueFrom } from './option-value';
import { useMessages } from '@lodestar/ui-shared';

/**
 * The values of a choice field, each with its Chinese and English label (`enum` + `x-i18n.enum`). A new option's
 * stored value is made from its names (optionValueFrom) until it is typed under 高级; a value already there is
 * never changed, since records hold it.
 */
export function ChoiceValues({ values, onChange }: { values: ChoiceValue[]; onChange(values: ChoiceValue[]): void }) {
  const t = useMessages(EDITOR_MESSAGES);
  const [showValues, setShowValues] = useState(false);
  // Rows whose value is fixed: there when the editor opened with a value, or typed by hand since.
  const fixed = useRef(new Set(values.flatMap((v, i) => (v.value ? [i] : []))));
  const change = (index: number, patch: Partial<ChoiceValue>) =>
    onChange(
      values.map((v, i) => {
        if (i !== index) return v;
        const next = { ...v, ...patch };
        if (patch.value !== undefined || fixed.current.has(i)) return next;
        const others = values.filter((_, j) => j !== i).map((o) => o.value);
        return { ...next, value: optionValueFrom(next, others, i) };
      }),
    );
  const typeValue = (index: number, value: string) => {
    fixed.current.add(index);
    change(index, { value });
  };
  const remove = (index: number) => {
    fixed.current = new Set([...fixed.current].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)));
    onChange(values.filter((_, j) => j !== index));
  };
  return (
    <fieldset className="choices">
      <legend>{t.values}</legend>
      <label className="checkbox">
        <input type="checkbox" checked={showValues} onChange={(e) => setShowValues(e.target.checked)} />
        {t.showValues}
      </label>
      <table className="choice-table">
        <thead>
          <tr>
            {showValues && <th>{t.value}</th>}
            <th>{t.valueZh}</th>
            <th>{t.valueEn}</th>
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {values.map((value, i) => (
            <tr key={i}>
              {showValues && (
                <td>
                  <input
                    className="mono"
                    aria-label={`${t.value} ${i + 1}`}
                    value={value.value}
                    onChange={(e) => typeValue(i, e.target.value)}
                  />
                </td>
              )}
              <td>
                <input
                  aria-label={`${t.valueZh} ${i + 1}`}
                  value={value.zh}
                  onChange={(e) => change(i, { zh: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t.valueEn} ${i + 1}`}
                  value={value.en}
                  onChange={(e) => change(i, { en: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t.removeValue(value.zh || value.en || value.value || String(i + 1))}
                  onClick={() => remove(i)}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!hasOption(values) && (
        <p className="notice notice-error" role="alert">
          {t.noOptions}
        </p>
      )}
      <button
        type="button"
        className="button button-quiet"
        onClick={() => onChange([...values, { value: '', zh: '', en: '' }])}
      >
        + {t.addValue}
      </button>
    </fieldset>
  );
}
