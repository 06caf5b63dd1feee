import { useId, useMemo, useRef, useState } from 'react';
import { FUNCTIONS, type FormulaIssue } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { RULE_MESSAGES } from './messages';
import type { RuleField } from './rule-fields';
import { FunctionSelect } from '../designer/FunctionSelect';

/** The word being typed before the caret: a field name, a field's title in Chinese, or a function's name. */
const WORD = /[\p{L}\p{N}_.]+$/u;

interface Suggestion {
  insert: string;
  label: string;
}

/**
 * Formula text with completion: typing part of a field's title or name, or of a function, offers them
 * (a title is replaced by the field's name, which the formula reads); the verdict comes from the engine's checker.
 */
export function FormulaInput({
  label,
  value,
  onChange,
  fields,
  issues,
  ok,
  testId,
}: {
  label: string;
  value: string;
  onChange(next: string): void;
  fields: RuleField[];
  issues: FormulaIssue[];
  /** Shown when the text checks. */
  ok?: string;
  /** Names the verdict for tests. */
  testId?: string;
}) {
  const t = useMessages(RULE_MESSAGES);
  const { lang } = useStudioLang();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number>();
  const at = caret ?? value.length;
  const word = caret === undefined ? '' : (WORD.exec(value.slice(0, at))?.[0] ?? '');
  const suggestions = useMemo(() => suggest(word, fields), [word, fields]);
  const replace = (start: number, end: number, text: string) => {
    const next = `${value.slice(0, start)}${text}${value.slice(end)}`;
    onChange(next);
    const place = start + text.length;
    setCaret(place);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(place, place);
    });
  };
  const track = () => setCaret(box.current?.selectionStart ?? undefined);
  return (
    <div className="formula-editor rule-formula">
      <label className="control-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        ref={box}
        className="mono"
        rows={2}
        value={value}
        aria-describedby={`${id}-verdict`}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
        }}
        onSelect={track}
        onKeyUp={track}
      />
      {suggestions.length > 0 && (
        <ul className="rule-suggestions" aria-label={t.suggestions}>
          {suggestions.map((s) => (
            <li key={s.insert}>
              <button type="button" className="chip" onClick={() => replace(at - word.length, at, s.insert)}>
                {s.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div id={`${id}-verdict`} className="formula-verdict" aria-live="polite" data-testid={testId}>
        {issues.map((issue) => (
          <div key={`${issue.offset}:${issue.message.en}`} className="control-hint formula-issue">
            {t.at(issue.offset)}
            {issue.message[lang]}
          </div>
        ))}
        {value.trim() && !issues.length && ok && <div className="control-hint">{ok}</div>}
      </div>
      <div className="formula-insert">
        <select
          aria-label={`${label} · ${t.insertField}`}
          value=""
          onChange={(event) => event.target.value && replace(at, at, event.target.value)}
        >
          <option value="">{t.insertField}</option>
          {fields.map((field) => (
            <option key={field.path} value={field.path}>
              {field.label}
            </option>
          ))}
        </select>
        <FunctionSelect
          label={`${label} · ${t.insertFunction}`}
          placeholder={t.insertFunction}
          actor={fields.some((field) => field.me)}
          onPick={(text) => replace(at, at, text)}
        />
      </div>
    </div>
  );
}

function suggest(word: string, fields: RuleField[]): Suggestion[] {
  if (!word) return [];
  const lower = word.toLowerCase();
  const out: Suggestion[] = [];
  for (const field of fields)
    if (
      field.path !== word &&
      (field.label.toLowerCase().includes(lower) || field.path.toLowerCase().startsWith(lower))
    )
      out.push({ insert: field.path, label: `${field.label} · ${field.path}` });
  // ME() only where someone acts: the fields say so (a guard's user fields may be compared with "me").
  const actor = fields.some((field) => field.me);
  if (/^[A-Za-z]+$/.test(word))
    for (const fn of FUNCTIONS.values())
      if (fn.name.startsWith(word.toUpperCase()) && (actor || !fn.actor))
        out.push({ insert: `${fn.name}(`, label: fn.syntax });
  return out.slice(0, 8);
}
