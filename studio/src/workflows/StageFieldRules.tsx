import './stage-rules.css';
import { useMessages } from '@lodestar/ui-shared';
import { Select } from '../ui/controls';
import type { FieldOption } from './ParamsForm';
import { hasRule, lockMode, setLock, toggleRule, type FieldRule, type LockMode } from './stage-rules-edit';
import { STAGE_RULES_MESSAGES } from './stage-rules-messages';
import type { StateMeta } from './types';

interface Props {
  meta: StateMeta;
  fields: FieldOption[];
  onMeta(patch: Partial<StateMeta>): void;
}

/** Per stage: which fields are read-only, required or hidden, and whether the record is locked (with exceptions). */
export function StageFieldRules({ meta, fields, onMeta }: Props) {
  const t = useMessages(STAGE_RULES_MESSAGES);
  const mode = lockMode(meta);
  const rules: FieldRule[] = ['readOnly', 'required', 'hidden', ...(mode === 'except' ? (['except'] as const) : [])];
  return (
    <section className="wf-stage-rules" data-stage-rules>
      <h3 className="wf-subhead">{t.heading}</h3>
      <p className="muted small">{t.hint}</p>
      <Select
        label={t.lock}
        value={mode}
        options={(['none', 'all', 'except'] as const).map((m) => ({ value: m, label: t.lockModes[m]! }))}
        onChange={(v) => onMeta(setLock(meta, v as LockMode))}
      />
      {fields.length === 0 ? (
        <p className="muted small">{t.noEntity}</p>
      ) : (
        <table className="wf-rules-table">
          <thead>
            <tr>
              <th scope="col">{t.field}</th>
              {rules.map((rule) => (
                <th key={rule} scope="col">
                  {t[rule]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.value} data-rule-field={field.value}>
                <th scope="row">{field.label}</th>
                {rules.map((rule) => (
                  <td key={rule}>
                    <input
                      type="checkbox"
                      aria-label={t.rule(field.label, t[rule])}
                      data-rule={rule}
                      checked={hasRule(meta, field.value, rule)}
                      onChange={(e) => onMeta(toggleRule(meta, field.value, rule, e.target.checked))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
