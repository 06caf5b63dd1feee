import { useState } from 'react';
import type { FormulaIssue, FormulaType } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { FormulaInput } from './FormulaInput';
import { RULE_MESSAGES } from './messages';
import type { RuleField } from './rule-fields';
import { fromExpression, rowText, toExpression, type RuleGroup, type RuleItem } from './rule-tree';
import { RuleGroupEditor } from './RuleGroupEditor';
import { ruleWords } from './rule-words';
import './rule-builder.css';

/** The engine's verdict on a formula: its problems, and its type when it checks. */
export type FormulaVerdict = (source: string) => { issues: FormulaIssue[]; type?: FormulaType };

type Mode = 'visual' | 'formula';

function opened(value: string): { tree: RuleGroup; mode: Mode } {
  const { tree, exact } = fromExpression(value);
  // A new condition starts with one row to fill in (not written until it is complete).
  if (!tree.items.length) tree.items.push({ kind: 'compare', field: '', op: 'eq', operands: [] });
  return { tree, mode: exact ? 'visual' : 'formula' };
}

/**
 * A yes/no condition as all/any groups of rows (field, operator by kind, value or another field) or free formula
 * text. It edits the formula expression the definition holds: what it writes is exactly the tree, and an
 * expression the rows cannot say opens in formula mode, unchanged. Checked as it changes by the engine's checker.
 */
export function RuleBuilder({
  label,
  hint,
  value,
  onChange,
  fields,
  verdict,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange(next: string): void;
  fields: RuleField[];
  verdict: FormulaVerdict;
}) {
  const t = useMessages(RULE_MESSAGES);
  const { lang } = useStudioLang();
  const [state, setState] = useState(() => opened(value));
  const [seen, setSeen] = useState(value);
  // A value changed from outside (undo, another panel) opens afresh; our own writes are `seen` already.
  if (value !== seen) {
    setSeen(value);
    setState(opened(value));
  }
  const write = (text: string) => {
    setSeen(text);
    if (text !== value) onChange(text);
  };
  const setTree = (tree: RuleGroup) => {
    setState({ tree, mode: 'visual' });
    write(toExpression(tree));
  };
  const setFormula = (text: string) => {
    setState({ tree: fromExpression(text).tree, mode: 'formula' });
    write(text);
  };
  const canShowVisual = state.mode === 'visual' || fromExpression(value).exact;
  const checked = value.trim() ? verdict(value) : { issues: [] };
  const issues = [...checked.issues];
  if (!issues.length && checked.type && checked.type !== 'boolean')
    issues.push({
      offset: 0,
      length: 0,
      message: { zh: notBoolean('zh', checked.type), en: notBoolean('en', checked.type) },
    });
  const words = state.mode === 'visual' ? ruleWords(state.tree, fields, lang) : '';
  return (
    <fieldset className="rule-builder" data-testid="rule-builder">
      <legend className="control-label">{label}</legend>
      {hint && <p className="control-hint">{hint}</p>}
      <div className="rule-mode" role="group" aria-label={t.mode}>
        {(['visual', 'formula'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            className={`button button-quiet${state.mode === mode ? ' is-on' : ''}`}
            aria-pressed={state.mode === mode}
            disabled={mode === 'visual' && !canShowVisual}
            onClick={() => (mode === 'visual' ? setState(opened(value)) : setState({ ...state, mode }))}
          >
            {t[mode]}
          </button>
        ))}
      </div>
      {state.mode === 'visual' ? (
        <>
          <RuleGroupEditor group={state.tree} path="" depth={0} fields={fields} verdict={verdict} onChange={setTree} />
          {incomplete(state.tree) && <p className="control-hint">{t.incomplete}</p>}
          {words && (
            <p className="rule-words" data-testid="rule-words">
              <span className="muted small">{t.words}</span>
              {words}
            </p>
          )}
          <div className="formula-verdict" aria-live="polite" data-testid="rule-verdict">
            {issues.map((issue) => (
              <div key={issue.message.en} className="control-hint formula-issue">
                {issue.message[lang]}
              </div>
            ))}
            {value.trim() && !issues.length && <div className="control-hint">{t.ok}</div>}
          </div>
        </>
      ) : (
        <>
          {!canShowVisual && <p className="control-hint">{t.notVisual}</p>}
          <FormulaInput
            label={t.whole}
            value={value}
            onChange={setFormula}
            fields={fields}
            issues={issues}
            ok={t.ok}
            testId="rule-verdict"
          />
        </>
      )}
    </fieldset>
  );
}

function notBoolean(lang: 'zh' | 'en', type: FormulaType): string {
  const t = RULE_MESSAGES[lang];
  return t.notBoolean(t.typeNames[type]);
}

function incomplete(group: RuleGroup): boolean {
  return group.items.some((item: RuleItem) =>
    item.kind === 'group'
      ? incomplete(item)
      : item.kind === 'compare'
        ? rowText(item) === undefined
        : !item.source.trim(),
  );
}
