import { useId, type ReactNode } from 'react';
import type { Issue as DefinitionIssue } from '@lodestar/core';
import { issueText } from '../draft/issues';
import { useStudioLang } from '../app/lang';

/** A labelled input: the label names the control for screen readers and tests (getByLabel). */
export function TextInput(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  mono?: boolean;
  disabled?: boolean;
  type?: string;
  hint?: ReactNode;
  wide?: boolean;
}) {
  const id = useId();
  // The hint stays outside the label: it describes the input, it is not part of its name.
  return (
    <div className={`control${props.wide ? ' control-wide' : ''}`}>
      <label className="control-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        className={props.mono ? 'mono' : undefined}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.hint && (
        <span className="control-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
}) {
  return (
    <div className="check">
      <label>
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        <span>{label}</span>
      </label>
      {hint && <span className="control-hint">{hint}</span>}
    </div>
  );
}

export function Select(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  disabled?: boolean;
}) {
  const id = useId();
  // Labelled by id, not by wrapping: a wrapping label would add every option's text to the name.
  return (
    <div className="control">
      <label className="control-label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The engine's validation issues, next to what they point at. */
export function IssueNotes({ issues, prefix, testId }: { issues: DefinitionIssue[]; prefix: string; testId?: string }) {
  const { lang } = useStudioLang();
  if (!issues.length) return null;
  return (
    <ul className="issue-notes" data-testid={testId}>
      {issues.map((issue, i) => {
        const { at, message } = issueText(issue, prefix, lang);
        return (
          <li key={i}>
            {at && <code>{at}</code>}
            {at && ': '}
            {message}
          </li>
        );
      })}
    </ul>
  );
}

/** A modal card: a heading, a body, and its buttons at the bottom. */
export function Dialog({
  title,
  children,
  actions,
  onClose,
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onClose(): void;
}) {
  return (
    <div className="dialog-backdrop" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={title}>
        <h2 className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}
