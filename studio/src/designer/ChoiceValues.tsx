import { EDITOR_MESSAGES } from './editor-messages';
import { hasOption, type ChoiceValue } from './field-model';
import { useMessages } from '@lodestar/ui-shared';

/** The values of a choice field, each with its Chinese and English label (`enum` + `x-i18n.enum`). */
export function ChoiceValues({ values, onChange }: { values: ChoiceValue[]; onChange(values: ChoiceValue[]): void }) {
  const t = useMessages(EDITOR_MESSAGES);
  const change = (index: number, patch: Partial<ChoiceValue>) =>
    onChange(values.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  return (
    <fieldset className="choices">
      <legend>{t.values}</legend>
      <table className="choice-table">
        <thead>
          <tr>
            <th>{t.value}</th>
            <th>{t.valueZh}</th>
            <th>{t.valueEn}</th>
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {values.map((value, i) => (
            <tr key={i}>
              <td>
                <input
                  className="mono"
                  aria-label={`${t.value} ${i + 1}`}
                  value={value.value}
                  onChange={(e) => change(i, { value: e.target.value })}
                />
              </td>
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
                  aria-label={t.removeValue(value.value || String(i + 1))}
                  onClick={() => onChange(values.filter((_, j) => j !== i))}
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
