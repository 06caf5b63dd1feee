import { useEffect, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';
import { RelationWidget, RelationsWidget } from './RelationPicker';
import { UserWidget } from './UserPicker';
import { LinkGridWidget } from './LinkGrid';
import { RegionWidget } from './RegionWidget';
import { formTexts } from './formContext';

/** Native inputs styled by record.css; every widget uses the field's id so `<label for>` finds it. */
export function inputProps(props: WidgetProps) {
  return {
    id: props.id,
    name: props.htmlName ?? props.id,
    disabled: props.disabled,
    readOnly: props.readonly,
    ...(typeof props.options.stageHint === 'string' && { title: props.options.stageHint }),
    'aria-required': props.required || undefined,
    'aria-invalid': (props.rawErrors?.length ?? 0) > 0 || undefined,
    'aria-describedby': `${props.id}__help ${props.id}__error`,
  };
}

const emptyToUndefined = (value: string) => (value === '' ? undefined : value);

function TextWidget(props: WidgetProps) {
  const type = { email: 'email', phone: 'tel', url: 'url' }[String(props.options.kind)] ?? 'text';
  return (
    <input
      className="ls-input"
      type={type}
      value={props.value ?? ''}
      maxLength={props.schema.maxLength}
      placeholder={props.placeholder || undefined}
      onChange={(e) => props.onChange(emptyToUndefined(e.target.value))}
      onBlur={() => props.onBlur(props.id, props.value)}
      {...inputProps(props)}
    />
  );
}

/** Keeps what was typed ("1." or "-") while the form holds a number. */
/** The text a number input shows; `format` writes a stored value (a money field's ¥1,280,000.00 grouping). */
function useNumberText(value: unknown, format: (n: number) => string = String): [string, (text: string) => void] {
  const shown = (v: unknown) => (typeof v === 'number' ? format(v) : v === undefined || v === null ? '' : String(v));
  const [text, setText] = useState(() => shown(value));
  useEffect(() => {
    // What the user is typing stays as typed while it means the same number.
    setText((current) => (current !== '' && parseNumber(current) === value ? current : shown(value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `format` is fixed per field
  }, [value]);
  return [text, setText];
}

function parseNumber(text: string): number | string | undefined {
  const clean = text.replace(/[,\s]/g, '');
  if (clean === '') return undefined;
  const number = Number(clean);
  return Number.isFinite(number) ? number : clean; // a non-number reaches the validator as text ("must be a number")
}

function NumberWidget(props: WidgetProps) {
  const [text, setText] = useNumberText(props.value);
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    setText(e.target.value);
    props.onChange(parseNumber(e.target.value));
  };
  const mode = props.schema.type === 'integer' ? 'numeric' : 'decimal';
  return (
    <input
      className="ls-input ls-number"
      type="text"
      inputMode={mode}
      value={text}
      onChange={change}
      onBlur={() => props.onBlur(props.id, props.value)}
      {...inputProps(props)}
    />
  );
}

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

function MoneyWidget(props: WidgetProps) {
  const scale = Number(props.options.scale ?? 2);
  const currency = String(props.options.currency ?? 'CNY');
  const [text, setText] = useNumberText(props.value, (n) => moneyText(n, scale));
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    setText(e.target.value);
    props.onChange(parseNumber(e.target.value));
  };
  const blur = () => {
    if (typeof props.value === 'number') setText(moneyText(props.value, scale));
    props.onBlur(props.id, props.value);
  };
  return (
    <div className="ls-affix">
      <span className="ls-affix-symbol" title={currency}>
        {SYMBOLS[currency] ?? currency}
      </span>
      <input
        className="ls-input ls-number"
        type="text"
        inputMode="decimal"
        value={text}
        onChange={change}
        onBlur={blur}
        {...inputProps(props)}
      />
    </div>
  );
}

/** An amount as a money field shows it, grouped in thousands (1,280,000.00); typing commas is fine too. */
export function moneyText(amount: number, scale: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: scale, maximumFractionDigits: scale });
}

function SwitchWidget(props: WidgetProps) {
  const t = formTexts(props.registry);
  const on = props.value === true;
  return (
    <label className={`ls-switch${props.readonly || props.disabled ? ' is-readonly' : ''}`}>
      <input
        type="checkbox"
        role="switch"
        checked={on}
        onChange={(e) => !props.readonly && props.onChange(e.target.checked)}
        {...inputProps(props)}
      />
      <span className="ls-switch-track" aria-hidden="true" />
      <span className="ls-switch-text">{on ? t.yes : t.no}</span>
    </label>
  );
}

function DateWidget(props: WidgetProps) {
  return (
    <input
      className="ls-input"
      type="date"
      value={props.value ?? ''}
      onChange={(e) => props.onChange(emptyToUndefined(e.target.value))}
      {...inputProps(props)}
    />
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant ↔ the local wall-clock text `datetime-local` inputs speak. */
function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function DateTimeWidget(props: WidgetProps) {
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const d = e.target.value ? new Date(e.target.value) : undefined;
    props.onChange(d && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined);
  };
  return (
    <input
      className="ls-input"
      type="datetime-local"
      value={toLocalInput(props.value)}
      onChange={change}
      {...inputProps(props)}
    />
  );
}

function labelsOf(props: WidgetProps): Record<string, string> {
  return (props.options.labels as Record<string, string> | undefined) ?? {};
}

function SelectWidget(props: WidgetProps) {
  const t = formTexts(props.registry);
  const labels = labelsOf(props);
  const values = (props.options.enumOptions ?? []).map((option) => option.value as string | number);
  const change = (e: ChangeEvent<HTMLSelectElement>) => {
    const picked = values.find((value) => String(value) === e.target.value);
    props.onChange(picked);
  };
  return (
    <select
      className="ls-input ls-select"
      value={props.value === undefined ? '' : String(props.value)}
      onChange={change}
      {...inputProps(props)}
      disabled={props.disabled || props.readonly}
    >
      <option value="">{t.select}</option>
      {values.map((value) => (
        <option key={String(value)} value={String(value)}>
          {labels[String(value)] ?? String(value)}
        </option>
      ))}
    </select>
  );
}

/** Multi-choice as toggle chips; the first chip carries the field id for its label. */
function ChecksWidget(props: WidgetProps) {
  const labels = labelsOf(props);
  const selected: unknown[] = Array.isArray(props.value) ? props.value : [];
  const values = (props.options.enumOptions ?? []).map((option) => option.value);
  const locked = props.readonly || props.disabled;
  const toggle = (value: unknown) => {
    const next = selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];
    props.onChange(values.filter((v) => next.includes(v)));
  };
  return (
    <div className="ls-chips" role="group" aria-describedby={`${props.id}__help ${props.id}__error`}>
      {values.map((value, i) => (
        <label
          key={String(value)}
          className={`ls-chip${selected.includes(value) ? ' is-on' : ''}${locked ? ' is-readonly' : ''}`}
        >
          <input
            type="checkbox"
            id={i === 0 ? props.id : `${props.id}-${i}`}
            checked={selected.includes(value)}
            disabled={locked}
            onChange={() => toggle(value)}
          />
          {labels[String(value)] ?? String(value)}
        </label>
      ))}
    </div>
  );
}

function TextareaWidget(props: WidgetProps) {
  return (
    <textarea
      className="ls-input ls-textarea"
      rows={4}
      value={props.value ?? ''}
      maxLength={props.schema.maxLength}
      onChange={(e) => props.onChange(emptyToUndefined(e.target.value))}
      onBlur={() => props.onBlur(props.id, props.value)}
      {...inputProps(props)}
    />
  );
}

/** A list of short texts: chips plus an input that adds on Enter or comma. */
function TagsWidget(props: WidgetProps) {
  const t = formTexts(props.registry);
  const [draft, setDraft] = useState('');
  const items: string[] = Array.isArray(props.value) ? props.value : [];
  const locked = props.readonly || props.disabled;
  const add = () => {
    const text = draft.trim();
    if (text && !items.includes(text)) props.onChange([...items, text]);
    setDraft('');
  };
  const key = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && !draft && items.length) props.onChange(items.slice(0, -1));
  };
  return (
    <div className={`ls-input ls-tags${locked ? ' is-readonly' : ''}`}>
      {items.map((item) => (
        <span key={item} className="ls-tag">
          {item}
          {!locked && (
            <button
              type="button"
              className="ls-tag-remove"
              aria-label={`${t.remove} ${item}`}
              onClick={() => props.onChange(items.filter((v) => v !== item))}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {!locked && (
        <input
          id={props.id}
          className="ls-tags-input"
          value={draft}
          placeholder={items.length ? '' : t.addTag}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={key}
          onBlur={add}
        />
      )}
    </div>
  );
}

/** Registered once (module constant) so the form never sees a new widgets object while typing. */
export const WIDGETS: RegistryWidgetsType = {
  lsText: TextWidget,
  lsNumber: NumberWidget,
  lsMoney: MoneyWidget,
  lsSwitch: SwitchWidget,
  lsDate: DateWidget,
  lsDateTime: DateTimeWidget,
  lsSelect: SelectWidget,
  lsChecks: ChecksWidget,
  lsTextarea: TextareaWidget,
  lsTags: TagsWidget,
  lsRelation: RelationWidget,
  lsRelations: RelationsWidget,
  lsUser: UserWidget,
  lsLinkGrid: LinkGridWidget,
  lsRegion: RegionWidget,
};
