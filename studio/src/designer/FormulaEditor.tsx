import { useId, useMemo, useRef } from 'react';
import {
  checkFormula,
  formulaTypeOfField,
  parseFormula,
  type EntityDefinition,
  type FormulaIssue,
  type FormulaType,
} from '@lodestar/core';
import { pick, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { Checkbox } from '../ui/controls';
import type { FieldForm } from './field-model';
import { FORMULA_MESSAGES } from './formula-messages';
import { FunctionSelect } from './FunctionSelect';
import './formula-editor.css';

const WANTS: Partial<Record<FieldForm['kind'], FormulaType>> = {
  text: 'text',
  longText: 'text',
  integer: 'number',
  number: 'number',
  money: 'number',
  boolean: 'boolean',
  date: 'date',
  dateTime: 'dateTime',
};

/**
 * The formula of a field, checked as it is typed with the engine's own parser and checker (the draft's
 * other entities answer relation hops), with the fields and functions it may use one click away.
 */
export function FormulaEditor({
  entity,
  form,
  onChange,
}: {
  entity: EntityDefinition;
  form: FieldForm;
  onChange(patch: Partial<FieldForm>): void;
}) {
  const t = useMessages(FORMULA_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const on = form.formula !== undefined;
  const entities = useMemo(() => new Map(definitions.entities.map((e) => [e.$id, e])), [definitions]);
  const names = useMemo(() => fieldNames(entity, entities, form.name, lang), [entity, entities, form.name, lang]);
  const verdict = useMemo(() => {
    if (!on || !form.formula?.trim()) return undefined;
    const parsed = parseFormula(form.formula);
    if (!parsed.expr) return { issues: parsed.issues };
    const checked = checkFormula(parsed.expr, {
      typeOf: (path) => {
        const own = path[0] === form.name ? undefined : entity.properties[path[0]!];
        if (path.length === 1) return formulaTypeOfField(own);
        const target =
          own?.['x-relation'] && own.type === 'string' ? entities.get(own['x-relation'].entity) : undefined;
        return formulaTypeOfField(target?.properties[path[1]!]);
      },
    });
    return { issues: checked.issues, type: checked.type };
  }, [on, form.formula, form.name, entity, entities]);
  const want = WANTS[form.kind];
  const insert = (text: string) => {
    const current = form.formula ?? '';
    const at = box.current?.selectionStart ?? current.length;
    onChange({ formula: `${current.slice(0, at)}${text}${current.slice(at)}` });
    box.current?.focus();
  };
  return (
    <>
      <h3 className="dialog-section">{t.formula}</h3>
      <Checkbox
        label={t.isFormula}
        checked={on}
        hint={t.isFormulaHint}
        onChange={(checked) =>
          onChange(checked ? { formula: '', required: false, defaultValue: '' } : { formula: undefined })
        }
      />
      {on && (
        <div className="formula-editor">
          <label className="control-label" htmlFor={id}>
            {t.source}
          </label>
          <textarea
            id={id}
            ref={box}
            className="mono"
            rows={3}
            value={form.formula}
            aria-describedby={`${id}-verdict`}
            onChange={(event) => onChange({ formula: event.target.value })}
          />
          <div id={`${id}-verdict`} className="formula-verdict" data-testid="formula-verdict" aria-live="polite">
            {verdict?.issues.map((issue: FormulaIssue) => (
              <div key={`${issue.offset}:${issue.message.en}`} className="control-hint formula-issue">
                {t.at(issue.offset)}
                {issue.message[lang]}
              </div>
            ))}
            {verdict && !verdict.issues.length && verdict.type && (
              <div className="control-hint">
                {want && want !== verdict.type
                  ? t.mismatch(t.typeNames[verdict.type], t.typeNames[want])
                  : t.ok(t.typeNames[verdict.type])}
              </div>
            )}
          </div>
          <div className="formula-insert">
            <select
              aria-label={t.insertField}
              value=""
              onChange={(event) => event.target.value && insert(event.target.value)}
            >
              <option value="">{t.insertField}</option>
              {names.map((name) => (
                <option key={name.path} value={name.path}>
                  {name.label}
                </option>
              ))}
            </select>
            <FunctionSelect label={t.insertFunction} placeholder={t.insertFunction} onPick={insert} />
          </div>
        </div>
      )}
    </>
  );
}

/** The fields a formula of `own` may read: its own, and through each many-to-one link the related entity's. */
function fieldNames(own: EntityDefinition, all: Map<string, EntityDefinition>, self: string, lang: 'zh' | 'en') {
  const title = (e: EntityDefinition, name: string) =>
    pick(e.properties[name]?.['x-i18n']?.title, lang) ?? e.properties[name]?.title ?? name;
  const out: { path: string; label: string }[] = [];
  for (const [name, field] of Object.entries(own.properties)) {
    if (name === self || !formulaTypeOfField(field)) continue;
    out.push({ path: name, label: `${title(own, name)} (${name})` });
    const target = field['x-relation'] && field.type === 'string' ? all.get(field['x-relation'].entity) : undefined;
    for (const [other, related] of Object.entries(target?.properties ?? {}))
      if (formulaTypeOfField(related))
        out.push({
          path: `${name}.${other}`,
          label: `${title(own, name)} › ${title(target!, other)} (${name}.${other})`,
        });
  }
  return out;
}
